import type { Access, CollectionConfig, Where } from 'payload'

import { allowRoles } from '../../access/allowRoles'
import { hasRole, type RoleHolder } from '../../access/roles'
import { STAFF_ROLES } from '../../access/staffRoles'
import { accountOf } from '../../Accounts/accountAccess'

type CollectionAccess = NonNullable<CollectionConfig['access']>

/** What the public sees: approved jobs whose listing has not run out. */
export function visibleJobs(now: Date = new Date()): Where {
  return { and: [{ status: { equals: 'approved' } }, { expires: { greater_than: now.toISOString() } }] }
}

/** Staff read every job; a visitor's account also reads its own, in any state; anyone else the visible ones. */
const readJobs: Access = ({ req }) => {
  if (hasRole(req.user as RoleHolder, ...STAFF_ROLES)) return true
  const account = accountOf(req)
  return account === null ? visibleJobs() : { or: [visibleJobs(), { submittedBy: { equals: account.id } }] }
}

/**
 * Jobs: the jobs moderators (and admins) write in the admin and through the API; every staff role
 * reads. Moves between states are checked by enforceJobWorkflow against workflow.ts whatever
 * access let the change through.
 */
export const jobAccess: CollectionAccess = {
  create: allowRoles('jobs-moderator'),
  read: readJobs,
  update: allowRoles('jobs-moderator'),
  delete: allowRoles('jobs-moderator'),
}
