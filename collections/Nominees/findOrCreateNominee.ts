import type { PayloadRequest } from 'payload'

import { slugify } from '../fields/slugField'
import type { Nominee } from '../generated/payload-types'

/** The name a nominee shows: the account's first and last name, else its username. */
export function nomineeNameOf(account: { firstName?: unknown; lastName?: unknown; username?: unknown }): string {
  const name = [account.firstName, account.lastName].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ')
  return (name || (typeof account.username === 'string' ? account.username : 'Nominee')).slice(0, 200)
}

/**
 * The account's Nominee in the election, made when missing (python.org's get_or_create on
 * (user, election)). Its slug comes from the name, with the account id added when another
 * nominee of the election has that slug already. Runs in `req`'s transaction.
 */
export async function findOrCreateNominee(req: PayloadRequest, electionId: number, accountId: number): Promise<Nominee> {
  const found = await req.payload.find({
    collection: 'nominees',
    where: { and: [{ election: { equals: electionId } }, { account: { equals: accountId } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (found.docs[0]) return found.docs[0]
  const account = await req.payload.findByID({ collection: 'accounts', id: accountId, depth: 0, overrideAccess: true, disableErrors: true, req })
  const name = nomineeNameOf(account ?? {})
  const base = slugify(name) || 'nominee'
  const taken = await req.payload.count({ collection: 'nominees', where: { and: [{ election: { equals: electionId } }, { slug: { equals: base } }] }, overrideAccess: true, req })
  const slug = taken.totalDocs === 0 ? base : `${base}-${accountId}`
  return req.payload.create({ collection: 'nominees', data: { election: electionId, account: accountId, name, slug }, overrideAccess: true, depth: 0, req })
}
