import type { Access, CollectionConfig, PayloadRequest, Where } from 'payload'

import { allowRoles } from '../../access/allowRoles'
import { hasRole, type RoleHolder } from '../../access/roles'
import { STAFF_ROLES } from '../../access/staffRoles'
import { accountOf } from '../../Accounts/accountAccess'

type CollectionAccess = NonNullable<CollectionConfig['access']>

/** What the public sees: approved jobs whose listing has not run out. */
export function visibleJobs(now: Date = new Date()): Where {
  return { and: [{ status: { equals: 'approved' } }, { expires: { greater_than: now.toISOString() } }] }
}

/**
 * The account that may post and edit jobs: signed in (the site's session), with a confirmed
 * address and not deactivated. Sign-in already refuses the others; checked again here because
 * a session outlives a moderator's deactivation by nothing but this check.
 */
export function postingAccountOf(req: PayloadRequest): { id: number } | null {
  const account = accountOf(req)
  const user = req.user as { emailVerified?: unknown; active?: unknown } | null | undefined
  return account !== null && user?.emailVerified === true && user.active !== false ? account : null
}

/** Staff read every job; a visitor's account also reads its own, in any state; anyone else the visible ones. */
const readJobs: Access = ({ req }) => {
  if (hasRole(req.user as RoleHolder, ...STAFF_ROLES)) return true
  const account = accountOf(req)
  return account === null ? visibleJobs() : { or: [visibleJobs(), { submittedBy: { equals: account.id } }] }
}

/** The jobs moderators, or a verified account posting its own (setSubmitter stamps it as the submitter). */
const createJobs: Access = ({ req }) => hasRole(req.user as RoleHolder, 'jobs-moderator') || postingAccountOf(req) !== null

/** The jobs moderators any job; a verified account only its own (what it may change is the workflow's call). */
const updateJobs: Access = ({ req }) => {
  if (hasRole(req.user as RoleHolder, 'jobs-moderator')) return true
  const account = postingAccountOf(req)
  return account === null ? false : { submittedBy: { equals: account.id } }
}

/**
 * Jobs: the jobs moderators (and admins) write in the admin and through the API; a verified
 * visitor's account creates and edits its own postings (the site's forms, over REST with the
 * account's session); every staff role reads. Moves between states are checked by
 * enforceJobWorkflow against workflow.ts whatever access let the change through. Nobody but the
 * moderators deletes: a submitter withdraws a posting by moving it to `removed`.
 */
export const jobAccess: CollectionAccess = {
  create: createJobs,
  read: readJobs,
  update: updateJobs,
  delete: allowRoles('jobs-moderator'),
}
