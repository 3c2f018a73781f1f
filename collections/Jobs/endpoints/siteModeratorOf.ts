import type { PayloadRequest } from 'payload'

import type { User } from '../../generated/payload-types'
import { hasRole } from '../../access/roles'
import { normalEmail } from '../../Accounts/accountRules'
import { postingAccountOf } from '../access/jobAccess'

/**
 * The staff user a signed-in visitor's account moderates the job board as, on the site's review
 * queue, or null (deny by default). python.org has one kind of user, so its "Job Board Admin" signs
 * in on the site like anyone; here staff are Payload `users` and visitors are `accounts`, and the
 * site's session is always an account's. An account acts as a jobs moderator only when:
 * - it is verified and active (postingAccountOf), so its address is proven to be the holder's, and
 * - a staff user with that same address holds the `jobs-moderator` role (or is an admin), and is
 *   not locked out of the admin.
 * The site's moderation then runs as that staff user (overrideAccess false): the collection's
 * access and the workflow table stay the one enforcement point, and the audit fields and mails
 * name the staff user. Whoever controls the address could already reset the staff password, so
 * the link adds no power a mailbox did not have; removing the role (or changing either address)
 * ends it at once.
 */
export async function siteModeratorOf(req: PayloadRequest): Promise<(User & { collection: 'users' }) | null> {
  if (postingAccountOf(req) === null) return null
  const address = (req.user as { email?: unknown } | null)?.email
  if (typeof address !== 'string' || address === '') return null
  const { docs } = await req.payload.find({ collection: 'users', where: { email: { equals: normalEmail(address) } }, limit: 1, depth: 0, overrideAccess: true, req })
  const staff = docs[0]
  if (staff === undefined || !hasRole(staff, 'jobs-moderator')) return null
  if (staff.lockUntil != null && new Date(staff.lockUntil).getTime() > Date.now()) return null
  return { ...staff, collection: 'users' }
}
