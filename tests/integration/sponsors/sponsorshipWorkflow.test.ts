import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../../../collections/access/roles'
import type { Sponsorship, User } from '../../../collections/generated/payload-types'
import { SPONSORSHIP_STATUSES, SPONSORSHIP_TRANSITIONS, type SponsorshipStatus } from '../../../collections/Sponsorships/workflow'
import { accessMatrixSummary, LOCAL_API_ACTORS, type ActorName } from '../../support/accessExpectations'
import { contractPdf, TEST_PASSWORD, tinyPng } from '../../support/accessFixtures'
import { isForbidden } from '../../support/accessProbes'
import { createRoleUsers } from '../../support/accessUsers'
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer'
import { createTestPayload } from '../../support/testPayload'
import { deliverQueuedMail } from '../../support/deliverQueuedMail'

/** The terms approving needs (python.org's contract form). */
const TERMS = { startDate: '2026-01-01T12:00:00.000Z', endDate: '2026-12-31T12:00:00.000Z', sponsorshipFee: 60_000 }
let signedId: number

/**
 * PSF sponsorship's state machine on the server (collections/Sponsorships/workflow.ts): every
 * move, by every actor, against the table; the history of moves with who and when; the messages
 * each move sends to the sponsor's contacts and to the sponsorship staff, read from a real SMTP
 * server; the benefits' snapshot; and logos made public on finalizing.
 */
describe('the sponsorship workflow', () => {
  let payload: Payload
  let smtp: TestSmtpServer
  let users: Record<Role, User>
  let account: User
  let sponsorId: number
  let packageId: number
  let benefitId: number
  let logoId: number

  beforeAll(async () => {
    smtp = await startTestSmtpServer()
    payload = await createTestPayload('sponsorship_workflow', { SMTP_URL: smtp.url, SITE_URL: 'https://www.example.org' })
    users = await createRoleUsers(payload, 'sponsors')
    const visitor = await payload.create({
      collection: 'accounts',
      data: { email: 'applicant@example.org', username: 'applicant', password: TEST_PASSWORD, emailVerified: true, active: true, emailPrivacy: 'nobody' },
      overrideAccess: true,
      depth: 0,
    })
    account = { ...visitor, collection: 'accounts' } as unknown as User
    const png = await tinyPng()
    logoId = (await payload.create({ collection: 'media', data: { alt: 'Example Corp logo' }, file: { data: png, mimetype: 'image/png', name: 'example-logo.png', size: png.length }, overrideAccess: true })).id
    const programId = (await payload.create({ collection: 'sponsorship-programs', data: { name: 'Foundation', order: 0 } })).id
    packageId = (await payload.create({ collection: 'sponsorship-packages', data: { name: 'Visionary', slug: 'visionary', year: 2026, sponsorshipAmount: 160_000, order: 0, logoDimension: 350 } })).id
    benefitId = (
      await payload.create({
        collection: 'sponsorship-benefits',
        data: {
          name: 'Logo on python.org',
          program: programId,
          packages: [packageId],
          year: 2026,
          internalValue: 5000,
          logoPlacements: [{ publisher: 'psf', flight: 'sponsors' }],
          requiredAssets: [{ kind: 'image', internalName: 'web_logo_2026', label: 'Your logo', dueDate: '2026-02-01T12:00:00.000Z' }],
        } as never,
      })
    ).id
    sponsorId = (
      await payload.create({
        collection: 'sponsors',
        data: {
          name: 'Example Corp',
          webLogo: logoId,
          contacts: [
            { name: 'Primary Person', email: 'primary@example.com', primary: true, account: visitor.id },
            { name: 'Billing Person', email: 'BILLING@example.com', accounting: true },
            { name: 'Same Person', email: 'billing@EXAMPLE.com', administrative: true },
          ],
        },
      })
    ).id
    // A signed copy for the transition matrix's approved -> finalized moves.
    const other = await payload.create({ collection: 'sponsorships', data: { sponsor: sponsorId, year: 2026 } as never, context: { skipSponsorshipMail: true } })
    signedId = (await uploadSigned(other.id)).id
    await sentMail()
  })
  afterAll(async () => {
    await payload?.destroy()
    await smtp?.close()
  })

  async function sentMail(): Promise<{ to: string; subject: string; text: string }[]> {
    await deliverQueuedMail(payload)
    const sent = smtp.messages.map((mail) => ({ to: Array.isArray(mail.to) ? '' : (mail.to?.text ?? ''), subject: mail.subject ?? '', text: mail.text ?? '' }))
    smtp.messages.length = 0
    return sent.sort((a, b) => a.to.localeCompare(b.to) || a.subject.localeCompare(b.subject))
  }

  async function uploadSigned(sponsorshipId: number): Promise<{ id: number }> {
    const data = contractPdf(sponsorshipId)
    return payload.create({ collection: 'sponsor-contracts', data: { sponsorship: sponsorshipId, kind: 'signed' }, file: { data, mimetype: 'application/pdf', name: `signed-${sponsorshipId}.pdf`, size: data.length }, overrideAccess: false, user: manager() })
  }

  async function pdfText(contractId: number): Promise<string> {
    const contract = await payload.findByID({ collection: 'sponsor-contracts', id: contractId, overrideAccess: true })
    const staticDir = String((payload.collections['sponsor-contracts'].config.upload as { staticDir: string }).staticDir)
    const pdf = await getDocumentProxy(new Uint8Array(await readFile(path.join(staticDir, String(contract.filename)))))
    return (await extractText(pdf, { mergePages: true })).text
  }

  const manager = (): User => ({ ...users['sponsors-manager'], collection: 'users' }) as User

  async function apply(): Promise<Sponsorship> {
    return payload.create({
      collection: 'sponsorships',
      // Only the benefit is named: the snapshot hook fills the rest.
      data: { sponsor: sponsorId, package: packageId, year: 2026, submittedBy: account.id, benefits: [{ benefit: benefitId }] } as never,
      overrideAccess: false,
      user: manager(),
    })
  }

  it('goes applied -> approved -> finalized, recording who and when, and mailing the contacts and the staff at each step', async () => {
    const applied = await apply()
    expect(applied.status).toBe('applied')
    expect(applied.appliedOn).toBeTruthy()
    expect(applied.statusHistory?.map((row) => [row.from ?? null, row.to, row.userName])).toEqual([[null, 'applied', 'sponsors-manager-sponsors']])
    // The benefit as sold, frozen.
    expect(applied.benefits?.[0]).toMatchObject({ name: 'Logo on python.org', programName: 'Foundation', internalValue: 5000, logoPlacements: [{ publisher: 'psf', flight: 'sponsors' }] })
    const onApplication = await sentMail()
    expect(onApplication.map((mail) => [mail.to, mail.subject])).toEqual([
      ['admin-sponsors@example.org', 'New sponsorship application from Example Corp'],
      ['applicant@example.org', 'Thank you for applying to sponsor the Python Software Foundation'],
      ['BILLING@example.com', 'Thank you for applying to sponsor the Python Software Foundation'],
      ['primary@example.com', 'Thank you for applying to sponsor the Python Software Foundation'],
      ['sponsors-manager-sponsors@example.org', 'New sponsorship application from Example Corp'],
    ])
    expect(onApplication[1]?.text).toContain(`https://www.example.org/users/sponsorships/${applied.id}/`)
    expect(onApplication[1]?.text).toContain('- Foundation: Logo on python.org')

    await expect(payload.update({ collection: 'sponsorships', id: applied.id, data: { status: 'approved' }, overrideAccess: false, user: manager() })).rejects.toMatchObject({
      status: 400,
      message: 'An approved sponsorship needs its startDate, endDate, sponsorshipFee.',
    })
    const approved = await payload.update({ collection: 'sponsorships', id: applied.id, data: { status: 'approved', ...TERMS }, overrideAccess: false, user: manager() })
    expect(approved.approvedOn).toBeTruthy()
    const onApproval = await sentMail()
    expect(onApproval.filter((mail) => mail.to === 'primary@example.com').map((mail) => mail.subject)).toEqual(['Your PSF sponsorship application has been approved'])
    expect(onApproval.filter((mail) => mail.to === 'sponsors-manager-sponsors@example.org').map((mail) => mail.subject)).toEqual(['Sponsorship of Example Corp: applied -> approved'])
    expect(onApproval.find((mail) => mail.to === 'primary@example.com')?.text).toContain('USD 60,000')

    // Approval drew the contract: a PDF naming the sponsor, the terms and every benefit, which the applicant may read.
    expect(typeof approved.contract).toBe('number')
    const text = await pdfText(approved.contract as number)
    for (const phrase of ['SPONSORSHIP AGREEMENT', 'Example Corp', 'Visionary', 'USD 60,000', '2026-01-01', '2026-12-31', 'Foundation - Logo on python.org', 'Primary Person']) expect(text).toContain(phrase)
    const readable = await payload.find({ collection: 'sponsor-contracts', overrideAccess: false, user: account, depth: 0 })
    expect(readable.docs.map((doc) => doc.id)).toContain(approved.contract)
    await expect(payload.find({ collection: 'sponsor-contracts', overrideAccess: false, user: { ...users.editor, collection: 'users' } as User, depth: 0 })).rejects.toMatchObject({ status: 403 })

    await expect(payload.update({ collection: 'sponsorships', id: applied.id, data: { status: 'finalized' }, overrideAccess: false, user: manager() })).rejects.toMatchObject({
      status: 400,
      message: 'A sponsorship is finalized with its signed contract: upload the signed copy first (signedContract).',
    })
    const signed = await uploadSigned(applied.id)
    expect((await payload.findByID({ collection: 'media', id: logoId, overrideAccess: true })).usedInPublishedContent).toBe(false)
    const finalized = await payload.update({ collection: 'sponsorships', id: applied.id, data: { status: 'finalized', signedContract: signed.id }, overrideAccess: false, user: { ...users.admin, collection: 'users' } as User })
    expect(finalized.finalizedOn).toBeTruthy()
    expect(finalized.statusHistory?.map((row) => [row.from, row.to, row.userName])).toEqual([
      [null, 'applied', 'sponsors-manager-sponsors'],
      ['applied', 'approved', 'sponsors-manager-sponsors'],
      ['approved', 'finalized', 'admin-sponsors'],
    ])
    expect(finalized.statusHistory?.every((row) => typeof row.at === 'string' && Date.now() - new Date(row.at).getTime() < 60_000)).toBe(true)
    expect((await sentMail()).filter((mail) => mail.to === 'applicant@example.org').map((mail) => mail.subject)).toEqual(['Welcome, Example Corp: your PSF sponsorship is final'])
    // Finalizing makes the sponsor's logo public.
    expect((await payload.findByID({ collection: 'media', id: logoId, overrideAccess: true })).usedInPublishedContent).toBe(true)
  })

  it('keeps the history and the decision dates out of anyone\'s hands, staff included', async () => {
    const sponsorship = await apply()
    await sentMail()
    const forged = await payload.update({
      collection: 'sponsorships',
      id: sponsorship.id,
      data: { statusHistory: [{ to: 'finalized', at: '2020-01-01T00:00:00.000Z', userName: 'nobody' }], approvedOn: '2020-01-01T00:00:00.000Z' },
      overrideAccess: false,
      user: manager(),
    })
    expect(forged.statusHistory?.map((row) => row.to)).toEqual(['applied'])
    expect(forged.approvedOn ?? null).toBeNull()
  })

  it('refuses a move the table does not list, with a 400 naming the allowed moves, and changes and sends nothing', async () => {
    const sponsorship = await apply()
    await sentMail()
    await expect(payload.update({ collection: 'sponsorships', id: sponsorship.id, data: { status: 'finalized', ...TERMS }, overrideAccess: false, user: manager() })).rejects.toMatchObject({
      status: 400,
      message: 'A sponsorship in "applied" cannot be moved to "finalized" by a manager: it can go to approved, rejected.',
    })
    await expect(payload.update({ collection: 'sponsorships', id: sponsorship.id, data: { status: 'nonsense' as never }, overrideAccess: false, user: manager() })).rejects.toMatchObject({ status: 400 })
    // An emptied status is not "keep it" (the bad-input fuzz found a bulk PATCH of {"status": null} accepted).
    await expect(payload.update({ collection: 'sponsorships', where: { id: { equals: sponsorship.id } }, data: { status: null } as never, overrideAccess: false, user: manager() })).resolves.toMatchObject({
      docs: [],
      errors: [{ message: 'A sponsorship needs a status: leave it out to keep the current one.' }],
    })
    const stored = await payload.findByID({ collection: 'sponsorships', id: sponsorship.id })
    expect([stored.status, stored.statusHistory?.length]).toEqual(['applied', 1])
    expect(await sentMail()).toEqual([])
    await expect(
      payload.create({ collection: 'sponsorships', data: { sponsor: sponsorId, year: 2026, status: 'finalized', ...TERMS, package: packageId }, overrideAccess: false, user: manager() }),
    ).rejects.toMatchObject({ status: 400, message: 'A new sponsorship starts as "applied", not "finalized".' })
  })

  it('rejects, hides the rejection from the sponsor, and rolls back to applied with a message', async () => {
    const sponsorship = await apply()
    await sentMail()
    await payload.update({ collection: 'sponsorships', id: sponsorship.id, data: { status: 'rejected' }, overrideAccess: false, user: manager() })
    expect((await sentMail()).filter((mail) => mail.to === 'primary@example.com').map((mail) => mail.subject)).toEqual(['Your PSF sponsorship application'])
    const own = await payload.find({ collection: 'sponsorships', overrideAccess: false, user: account, depth: 0 })
    expect(own.docs.map((doc) => doc.id)).not.toContain(sponsorship.id)
    expect(own.docs.length).toBeGreaterThan(0)
    const reopened = await payload.update({ collection: 'sponsorships', id: sponsorship.id, data: { status: 'applied' }, overrideAccess: false, user: manager() })
    expect([reopened.rejectedOn ?? null, reopened.statusHistory?.map((row) => row.to)]).toEqual([null, ['applied', 'rejected', 'applied']])
    expect((await sentMail()).filter((mail) => mail.to === 'primary@example.com').map((mail) => mail.subject)).toEqual(['Your PSF sponsorship application is open again'])
  })

  it('moves only as the table says, for every pair of states and every actor (the transition matrix)', async () => {
    const actor = (name: ActorName): User | null => (name === 'anonymous' ? null : name === 'account' ? account : ({ ...users[name], collection: 'users' } as User))
    const cases: { from: SponsorshipStatus; to: SponsorshipStatus; actor: ActorName; expected: boolean; actual: string }[] = []
    for (const from of SPONSORSHIP_STATUSES) {
      for (const to of SPONSORSHIP_STATUSES) {
        if (from === to) continue
        for (const name of LOCAL_API_ACTORS) {
          const target = await payload.create({ collection: 'sponsorships', data: { sponsor: sponsorId, package: packageId, year: 2026, status: from, ...TERMS, signedContract: signedId }, context: { skipSponsorshipMail: true } })
          const expected = (SPONSORSHIP_TRANSITIONS[from][to]?.includes('manager') ?? false) && (name === 'sponsors-manager' || name === 'admin')
          let actual: string
          try {
            await payload.update({ collection: 'sponsorships', id: target.id, data: { status: to }, overrideAccess: false, user: actor(name), context: { skipSponsorshipMail: true } })
            actual = 'allowed'
          } catch (error) {
            actual = isForbidden(error) || (error as { status?: number }).status === 400 ? 'denied' : `unexpected: ${String(error)}`
          }
          const stored = (await payload.findByID({ collection: 'sponsorships', id: target.id })).status
          if (actual === 'allowed' && stored !== to) actual = `unexpected: allowed but still ${stored}`
          if (actual === 'denied' && stored !== from) actual = `unexpected: denied but now ${stored}`
          cases.push({ from, to, actor: name, expected, actual })
        }
      }
    }
    const mismatches = cases.filter((row) => row.actual !== (row.expected ? 'allowed' : 'denied'))
    console.log(accessMatrixSummary('sponsorship transitions, Local API', cases.length, mismatches.length))
    expect(mismatches).toEqual([])
    expect(cases).toHaveLength(12 * LOCAL_API_ACTORS.length)
  })
})
