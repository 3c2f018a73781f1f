import type { Access, Where } from 'payload'

import { hasRole, type Role, type RoleHolder } from './roles'

/**
 * Read access for collections with Payload drafts: the named roles read everything (drafts
 * included); anyone else reads only published documents.
 */
export function publishedOrRoles(...roles: Role[]): Access {
  return ({ req }) => {
    if (hasRole(req.user as RoleHolder, ...roles)) return true
    const published: Where = { _status: { equals: 'published' } }
    return published
  }
}

/**
 * Read access for collections whose publication is a plain checkbox field (python.org's
 * `is_published`): the named roles read everything, anyone else only rows with the flag set.
 */
export function flaggedOrRoles(flagPath: string, ...roles: Role[]): Access {
  return ({ req }) => {
    if (hasRole(req.user as RoleHolder, ...roles)) return true
    const published: Where = { [flagPath]: { equals: true } }
    return published
  }
}
