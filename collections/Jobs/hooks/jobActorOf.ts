import type { PayloadRequest } from 'payload'

import { hasRole, type RoleHolder } from '../../access/roles'
import type { JobActor } from '../workflow'

/**
 * Who is moving a job, in the workflow's terms. A jobs moderator or admin is a `moderator`; any
 * other signed-in caller is a `submitter` (the site's forms act as the visitor's account); server
 * code without a user (the expiry job, the seed) is the `system`. Anonymous requests never get
 * here: the collection's access refuses them first.
 */
export function jobActorOf(req: PayloadRequest): JobActor {
  const user = req.user as RoleHolder
  if (!user) return 'system'
  return hasRole(user, 'jobs-moderator') ? 'moderator' : 'submitter'
}
