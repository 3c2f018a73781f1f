import type { CollectionSlug, PayloadRequest } from 'payload'

/**
 * What an account owns elsewhere and what becomes of it when the account is deleted: records the
 * visitor posted (a job posting, an event submission) are deleted, so they leave the site;
 * records staff must keep (a sponsorship application) stay, their link to the account cleared.
 * python.org deletes everything by cascade; this list says, per relationship, which it is. A
 * collection that links to accounts registers its relationship field here; the account deletion
 * (DELETE /api/accounts/me, an admin's delete) applies every entry, in the deletion's
 * transaction, before the account goes.
 */
export type OwnedRecords = {
  collection: CollectionSlug
  /** The relationship field (to `accounts`) naming the owner. */
  field: string
  onAccountDelete: 'delete' | 'detach'
}

export const OWNED_RECORDS: OwnedRecords[] = [
  // A visitor's job postings leave the board with the account (python.org only cleared the link).
  { collection: 'jobs', field: 'submittedBy', onAccountDelete: 'delete' },
  // A sponsorship is the PSF's record of a contract: it stays, without its applicant (issue 17).
  { collection: 'sponsorships', field: 'submittedBy', onAccountDelete: 'detach' },
  // A PSF membership goes with its account, as python.org cascades: it is the member's personal
  // data (legal name, address), no one could edit or end a membership without an account, and a
  // member who leaves the site leaves the voting roll. Its afterDelete hook unsubscribes the
  // account from the announcement list while the account still exists.
  { collection: 'memberships', field: 'account', onAccountDelete: 'delete' },
  // A candidacy goes with its account, as python.org cascades (Nominee.user, Nomination.nominee
  // and Nomination.nominator are all CASCADE): first the nominations naming the account as
  // nominee, then its nominees, then the nominations it made (their nominees' flags follow, by
  // the nominations' afterDelete hook). The statements and names in them are personal data.
  { collection: 'nominations', field: 'nomineeAccount', onAccountDelete: 'delete' },
  { collection: 'nominees', field: 'account', onAccountDelete: 'delete' },
  { collection: 'nominations', field: 'nominator', onAccountDelete: 'delete' },
]

/** Bounded: an account owns few records; more than this many in one relationship is refused as suspicious. */
const MAX_OWNED = 1000

/** Deletes or detaches what `accountId` owns, by `records` (OWNED_RECORDS, or a test's own list). */
export async function releaseOwnedRecords(req: PayloadRequest, accountId: number, records: readonly OwnedRecords[] = OWNED_RECORDS): Promise<void> {
  for (const entry of records) {
    const where = { [entry.field]: { equals: accountId } }
    const count = await req.payload.count({ collection: entry.collection, where, overrideAccess: true, req })
    if (count.totalDocs > MAX_OWNED) throw new Error(`Account ${accountId} owns ${count.totalDocs} ${entry.collection}; more than ${MAX_OWNED} needs an administrator.`)
    if (count.totalDocs === 0) continue
    if (entry.onAccountDelete === 'delete') {
      await req.payload.delete({ collection: entry.collection, where, overrideAccess: true, req })
    } else {
      await req.payload.update({ collection: entry.collection, where, data: { [entry.field]: null }, overrideAccess: true, req })
    }
  }
}
