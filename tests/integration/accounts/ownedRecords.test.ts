import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { inTransaction } from '../../../collections/Accounts/accountStore'
import { OWNED_RECORDS, releaseOwnedRecords, type OwnedRecords } from '../../../collections/Accounts/ownedRecords'
import { createTestPayload } from '../../support/testPayload'

/**
 * No collection links to accounts yet, so the mechanism is exercised on a real relationship of
 * the same shape: an event's optional `venue` (to an event location) stands for "owned by",
 * once as records to delete, once as records to detach, each in one transaction.
 */
describe('what an account owns, on its deletion', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await createTestPayload('accounts_owned_records')
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('deletes the records listed as posted and detaches those listed as kept, leaving others\' alone', async () => {
    const calendar = (await payload.create({ collection: 'calendars', data: { name: 'Owned calendar' }, overrideAccess: true })).id
    const venue = async (name: string) => (await payload.create({ collection: 'event-locations', data: { name, calendar } as never, overrideAccess: true })).id
    const event = async (title: string, at: number) => (await payload.create({ collection: 'events', data: { title, calendar, venue: at } as never, overrideAccess: true })).id
    const [postedOwner, keptOwner, otherOwner] = [await venue('Posted'), await venue('Kept'), await venue('Other')]
    const posted = await event('Posted event', postedOwner)
    const kept = await event('Kept event', keptOwner)
    const others = await event('Someone else\'s event', otherOwner)

    const release = async (owner: number, onAccountDelete: OwnedRecords['onAccountDelete']) => {
      const req = (await createLocalReq({}, payload)) as PayloadRequest
      await inTransaction(req, () => releaseOwnedRecords(req, owner, [{ collection: 'events', field: 'venue', onAccountDelete }]))
    }
    await release(postedOwner, 'delete')
    await release(keptOwner, 'detach')

    const stored = (id: number) => payload.find({ collection: 'events', where: { id: { equals: id } }, overrideAccess: true, depth: 0 })
    expect((await stored(posted)).docs).toEqual([])
    expect((await stored(kept)).docs[0]?.venue ?? null).toBeNull()
    expect((await stored(others)).docs[0]?.venue).toBe(otherOwner)
  })

  it("registers the job board's postings, the PSF membership and candidacies as deleted with the account, and sponsorships as kept without it", () => {
    expect(OWNED_RECORDS).toEqual([
      { collection: 'jobs', field: 'submittedBy', onAccountDelete: 'delete' },
      { collection: 'sponsorships', field: 'submittedBy', onAccountDelete: 'detach' },
      { collection: 'memberships', field: 'account', onAccountDelete: 'delete' },
      { collection: 'nominations', field: 'nomineeAccount', onAccountDelete: 'delete' },
      { collection: 'nominees', field: 'account', onAccountDelete: 'delete' },
      { collection: 'nominations', field: 'nominator', onAccountDelete: 'delete' },
    ])
  })
})
