import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../../../collections/access/roles'
import type { User } from '../../../collections/generated/payload-types'
import { contractPdf } from '../../support/accessFixtures'
import { createRoleUsers } from '../../support/accessUsers'
import { createTestPayload } from '../../support/testPayload'

/**
 * A contract belongs to one sponsorship (`sponsor-contracts.sponsorship` is required): a
 * sponsorship with contracts cannot be deleted, by the hook (a 400 naming them) nor behind its
 * back (the NOT NULL column fails the foreign key's SET NULL); without contracts it can.
 */
describe('deleting a sponsorship that has contracts', () => {
  let payload: Payload
  let users: Record<Role, User>
  let sponsorId: number
  const manager = (): User => ({ ...users['sponsors-manager'], collection: 'users' }) as User

  beforeAll(async () => {
    payload = await createTestPayload('sponsor_contract_deletion')
    users = await createRoleUsers(payload, 'contracts')
    sponsorId = (await payload.create({ collection: 'sponsors', data: { name: 'Example Corp' }, overrideAccess: true })).id
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  async function sponsorshipWithContract(year: number): Promise<{ sponsorshipId: number; contractId: number }> {
    const sponsorshipId = (await payload.create({ collection: 'sponsorships', data: { sponsor: sponsorId, year, status: 'applied' }, overrideAccess: true })).id
    const data = contractPdf(sponsorshipId)
    const contract = await payload.create({
      collection: 'sponsor-contracts',
      data: { sponsorship: sponsorshipId, kind: 'signed' },
      file: { data, mimetype: 'application/pdf', name: `signed-${sponsorshipId}.pdf`, size: data.length },
      overrideAccess: true,
    })
    return { sponsorshipId, contractId: contract.id }
  }

  it('is refused with a 400 naming the contracts, and nothing is deleted', async () => {
    const { sponsorshipId, contractId } = await sponsorshipWithContract(2026)
    const attempt = payload.delete({ collection: 'sponsorships', id: sponsorshipId, overrideAccess: false, user: manager() })
    await expect(attempt).rejects.toMatchObject({ status: 400, message: expect.stringContaining('1 contracts refer to it') })
    expect((await payload.findByID({ collection: 'sponsorships', id: sponsorshipId, overrideAccess: true, depth: 0 })).id).toBe(sponsorshipId)
    const contract = await payload.findByID({ collection: 'sponsor-contracts', id: contractId, overrideAccess: true, depth: 0 })
    expect(contract.sponsorship).toBe(sponsorshipId)
  })

  it('is refused by the database too when the hook is bypassed: the contract keeps its sponsorship', async () => {
    const { sponsorshipId, contractId } = await sponsorshipWithContract(2027)
    const failure: unknown = await payload.db.drizzle.execute(sql`DELETE FROM "sponsorships" WHERE "id" = ${sponsorshipId}`).then(
      () => null,
      (error: unknown) => error,
    )
    // Postgres's not_null_violation on the contract's sponsorship_id, raised by ON DELETE SET NULL.
    expect((failure as { cause?: unknown } | null)?.cause).toMatchObject({ code: '23502', table: 'sponsor_contracts', column: 'sponsorship_id' })
    const contract = await payload.findByID({ collection: 'sponsor-contracts', id: contractId, overrideAccess: true, depth: 0 })
    expect(contract.sponsorship).toBe(sponsorshipId)
  })

  it('goes through once its contracts are deleted', async () => {
    const { sponsorshipId, contractId } = await sponsorshipWithContract(2028)
    await payload.delete({ collection: 'sponsor-contracts', id: contractId, overrideAccess: false, user: manager() })
    await payload.delete({ collection: 'sponsorships', id: sponsorshipId, overrideAccess: false, user: manager() })
    const { totalDocs } = await payload.count({ collection: 'sponsorships', where: { id: { equals: sponsorshipId } }, overrideAccess: true })
    expect(totalDocs).toBe(0)
  })
})
