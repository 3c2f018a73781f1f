import type { PayloadRequest } from 'payload'

import type { Membership } from '../generated/payload-types'

/** The PSF membership of an account, or null when it has none (one per account: `account` is unique). */
export async function findMembershipOf(req: PayloadRequest, accountId: number): Promise<Membership | null> {
  const found = await req.payload.find({ collection: 'memberships', where: { account: { equals: accountId } }, limit: 1, depth: 0, overrideAccess: true, req })
  return found.docs[0] ?? null
}
