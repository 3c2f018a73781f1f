import type { PayloadRequest } from 'payload'

import { isSponsorsManager } from '../../access/sponsorsManagers'
import type { SponsorshipActor } from '../workflow'

/**
 * Who is acting on a sponsorship, in the workflow's terms: sponsorship staff (sponsors managers
 * and admins) are the `manager`; server code without a user (the seed) is the `system`; anyone
 * else signed in (an applicant's account) is the `applicant`.
 */
export function sponsorshipActorOf(req: PayloadRequest): SponsorshipActor {
  if (!req.user) return 'system'
  return isSponsorsManager(req.user) ? 'manager' : 'applicant'
}
