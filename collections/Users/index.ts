import type { Access, CollectionConfig } from 'payload'

import { adminsOnly, allowRolesOnField } from '../access/allowRoles'
import { hasRole, ROLES, type RoleHolder } from '../access/roles'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { STAFF_ROLES } from '../access/staffRoles'
import { guardApiKeyChanges } from './hooks/guardApiKeyChanges'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

/** Admins see and change everyone; every other signed-in user only their own profile. */
const selfOrAdmin: Access = ({ req }) => {
  const user = req.user as RoleHolder
  if (!user) return false
  if (hasRole(user)) return true
  return { id: { equals: user.id } }
}

/**
 * Staff accounts. Sign-in is locked for 10 minutes after 5 wrong passwords in a row (Payload's
 * lockout; an admin can unlock sooner), and the session cookie is HttpOnly, SameSite=Lax (the
 * admin, its live preview and the site's preview links are all first-party navigations) and
 * Secure when the site or the admin is served over https.
 */
export function createUsers(options: { secureCookies: boolean }): CollectionConfig {
  return {
    slug: 'users',
    admin: {
      useAsTitle: 'username',
      defaultColumns: ['username', 'email', 'roles'],
      group: 'Admin',
    },
    auth: {
      useAPIKey: true,
      // python.org lets people sign in with their email or their username.
      loginWithUsername: { allowEmailLogin: true, requireEmail: true },
      maxLoginAttempts: 5,
      lockTime: 10 * 60 * 1000,
      cookies: { sameSite: 'Lax', secure: options.secureCookies },
    },
    access: {
      // Payload's create-first-user screen bypasses this; after that, admins add people.
      create: adminsOnly,
      read: selfOrAdmin,
      update: selfOrAdmin,
      delete: adminsOnly,
      admin: ({ req }) => hasRole(req.user as RoleHolder, ...STAFF_ROLES),
      unlock: adminsOnly,
    },
    hooks: {
      beforeChange: [recordAuthors, makeFirstUserAdmin, guardApiKeyChanges],
    },
    fields: [
      {
        name: 'roles',
        type: 'select',
        hasMany: true,
        options: ROLES.map((role) => ({ label: role, value: role })),
        defaultValue: [],
        saveToJWT: true,
        // Only admins hand out roles, so nobody can promote themselves.
        access: { create: allowRolesOnField(), update: allowRolesOnField() },
        admin: { position: 'sidebar' },
      },
      ...auditFields(),
    ],
  }
}
