import type { Access, FieldAccess } from 'payload'

import { hasRole, type Role, type RoleHolder } from './roles'

/** Access granted to the named roles (and admins); everyone else, anonymous included, is denied. */
export function allowRoles(...roles: Role[]): Access {
  return ({ req }) => hasRole(req.user as RoleHolder, ...roles)
}

/** The same rule for a single field. */
export function allowRolesOnField(...roles: Role[]): FieldAccess {
  return ({ req }) => hasRole(req.user as RoleHolder, ...roles)
}

/** Only admins. Written out so an access table reads plainly. */
export const adminsOnly: Access = allowRoles()
