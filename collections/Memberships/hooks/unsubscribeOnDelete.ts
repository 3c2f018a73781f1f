import type { CollectionAfterDeleteHook } from 'payload'

import type { Membership } from '../../generated/payload-types'
import { membershipMail } from '../membershipMail'

/**
 * A membership that ends (the member leaves, staff delete it, or its account is deleted) asks
 * the announcement list to unsubscribe the account it subscribed, in the same transaction. Runs
 * while the account still exists: an account's deletion removes its membership first (ownedRecords).
 */
export const unsubscribeOnDelete: CollectionAfterDeleteHook<Membership> = async ({ doc, req }) => {
  if (doc.announcements !== true || typeof doc.account !== 'number') return
  const found = await req.payload.find({ collection: 'accounts', where: { id: { equals: doc.account } }, limit: 1, depth: 0, overrideAccess: true, select: { email: true }, req })
  const email = found.docs[0]?.email
  if (typeof email === 'string' && email !== '') await membershipMail.listRequest(req, 'unsubscribe', email)
}
