import type { Access, CollectionConfig, Endpoint } from 'payload'

import { adminsOnly, allowRolesOnField } from '../access/allowRoles'
import { hasRole, ROLES, type RoleHolder } from '../access/roles'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { STAFF_ROLES } from '../access/staffRoles'
import { guardApiKeyChanges } from './hooks/guardApiKeyChanges'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { refuseNonTextLogins } from '../hooks/refuseNonTextLogins'

/**
 * Admins see and change everyone; every other signed-in staff user only their own profile. A
 * visitor's account (issue 11) is signed in too, but its id numbers another table: it gets nothing.
 */
const selfOrAdmin: Access = ({ req }) => {
  const user = req.user as RoleHolder
  if (!user) return false
  if (user.collection !== undefined && user.collection !== 'users') return false
  if (hasRole(user)) return true
  return { id: { equals: user.id } }
}

/** `POST /api/users/first-register` while ALLOW_FIRST_REGISTER is false. */
const refuseFirstRegister: Endpoint = {
  path: '/first-register',
  method: 'post',
  handler: () =>
    Response.json(
      { errors: [{ message: 'Creating the first user here is turned off (ALLOW_FIRST_REGISTER=false): the admin is set with ADMIN_EMAIL and ADMIN_PASSWORD.' }] },
      { status: 403, headers: { 'Cache-Control': 'no-store' } },
    ),
}

/**
 * Staff accounts, signed in by email. Sign-in is locked for 10 minutes after 5 wrong passwords in a row (Payload's
 * lockout; an admin can unlock sooner), and the session cookie is HttpOnly, SameSite=Lax (the
 * admin, its live preview and the site's preview links are all first-party navigations) and
 * Secure when the site or the admin is served over https.
 */
export function createUsers(options: { secureCookies: boolean; allowFirstRegister: boolean }): CollectionConfig {
  return {
    slug: 'users',
    admin: {
      useAsTitle: 'username',
      defaultColumns: ['username', 'email', 'roles'],
      group: 'Admin',
    },
    auth: {
      useAPIKey: true,
      // Staff sign in with their email only (issue 18): a username such as `admin` is easy to
      // guess, and knowing it was enough to keep that account locked out for good.
      // The username stays, for the legacy API's `ApiKey <username>:<key>` and the admin's lists.
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
      // The username field lower-cases only text itself; Payload's email field does not check.
      beforeValidate: [refuseNonTextLogins('users', ['email'])],
      beforeChange: [recordAuthors, makeFirstUserAdmin, guardApiKeyChanges],
    },
    // Without the variable's consent (production's default), Payload's create-first-user screen is
    // closed: whoever reached it first would own the CMS (issue 18). Ours comes before Payload's own.
    endpoints: options.allowFirstRegister ? [] : [refuseFirstRegister],
    fields: [
      {
        name: 'username',
        type: 'text',
        required: true,
        unique: true,
        maxLength: 150,
        admin: { description: 'Names this account in the admin and in the legacy API key (ApiKey <username>:<key>); sign-in is by email.' },
        hooks: { beforeChange: [({ value }) => (typeof value === 'string' ? value.toLowerCase().trim() : value)] },
      },
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
