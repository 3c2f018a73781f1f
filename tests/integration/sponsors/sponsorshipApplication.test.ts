import type { ParsedMail } from 'mailparser'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { remindSponsorAssets } from '../../../cms/jobs/remindSponsorAssets'
import { sponsorshipAssetsEndpoint } from '../../../cms/endpoints/sponsors/sponsorshipAssetsEndpoint'
import { MAIL_QUEUE } from '../../../cms/mail/queueMail'
import { SPONSORSHIP_SETTINGS } from '../../../collections/SponsorshipSettings/index'
import { accountCaller } from '../accounts/accountEndpointCaller'
import { TEST_PASSWORD } from '../../support/accessFixtures'
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer'
import { createTestPayload } from '../../support/testPayload'
import { sponsorshipCaller, type Reply } from './sponsorshipEndpointCaller'

const DAY_MS = 24 * 60 * 60 * 1000
const TERMS = { startDate: '2026-01-01T12:00:00.000Z', endDate: '2026-12-31T12:00:00.000Z', sponsorshipFee: 60_000 }

const recipients = (mails: ParsedMail[]) => mails.map((mail) => (Array.isArray(mail.to) ? '' : (mail.to?.text ?? '')))

/**
 * The visitor-facing half of PSF sponsorship in the CMS (issue 17): the application endpoint
 * (window, validation, nothing written on a refusal), the sponsor's dashboard endpoints, the
 * required assets created on approval and filled by the contacts, and the daily reminder of
 * missing assets (once a day, never for the seed's samples), read from a real SMTP server.
 */
describe('sponsorship applications, the dashboard and asset reminders', () => {
  let payload: Payload
  let smtp: TestSmtpServer
  let call: ReturnType<typeof sponsorshipCaller>
  let adaSession: string
  let bobSession: string
  let adaId: number
  let packageId: number
  let otherPackageId: number
  let includedId: number
  let extraId: number
  let packageOnlyId: number
  let soldOutId: number
  let managerId: number

  const delivered = async (): Promise<ParsedMail[]> => {
    for (let run = 0; run < 5; run += 1) await payload.jobs.run({ queue: MAIL_QUEUE, limit: 20 })
    return smtp.messages.splice(0)
  }
  const snapshot = async () => JSON.stringify([
    (await payload.find({ collection: 'sponsors', overrideAccess: true, depth: 0, limit: 100, sort: 'id' })).docs,
    (await payload.find({ collection: 'sponsorships', overrideAccess: true, depth: 0, limit: 100, sort: 'id' })).docs,
    (await payload.count({ collection: 'payload-jobs', where: { queue: { equals: MAIL_QUEUE } }, overrideAccess: true })).totalDocs,
  ])
  const refusedWithoutChange = async (attempt: () => Promise<Reply>, status: number): Promise<Reply> => {
    const before = await snapshot()
    const reply = await attempt()
    expect(reply.status, JSON.stringify(reply.body)).toBe(status)
    expect(typeof reply.body.message).toBe('string')
    expect(await snapshot()).toBe(before)
    return reply
  }
  const openWindow = (from: Date, until: Date | null = null) =>
    payload.updateGlobal({ slug: SPONSORSHIP_SETTINGS, data: { applicationYear: 2026, applicationsOpenFrom: from.toISOString(), applicationsCloseAt: until?.toISOString() ?? null, closedMessage: 'Applications reopen in March.', assetReminderDays: 14 }, overrideAccess: true })

  const application = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    package: packageId,
    company: { name: 'Acme Snakes', description: 'We make snakes.', landingPageUrl: 'https://acme.example.com/' },
    contacts: [
      { name: 'Ada Applicant', email: 'ADA@example.org', phone: '+1 555 0100', primary: true },
      { name: 'Bill Accounts', email: 'bill@acme.example.com', accounting: true },
    ],
    ...overrides,
  })

  beforeAll(async () => {
    smtp = await startTestSmtpServer()
    payload = await createTestPayload('sponsorship_application', { SMTP_URL: smtp.url, SITE_URL: 'https://www.example.org', ACCOUNT_SIGN_INS_PER_HOUR: '1000', JOB_SUBMISSIONS_PER_HOUR: '1000' })
    call = sponsorshipCaller(payload)
    const accounts = accountCaller(payload)
    const make = (username: string) => payload.create({ collection: 'accounts', data: { username, email: `${username}@example.org`, password: TEST_PASSWORD, emailVerified: true, active: true, emailPrivacy: 'nobody' }, overrideAccess: true, depth: 0 })
    adaId = (await make('ada')).id
    await make('bob')
    const signIn = async (login: string) => String((await accounts('post', '/signin', { body: { login, password: TEST_PASSWORD } })).body.token)
    adaSession = await signIn('ada')
    bobSession = await signIn('bob')
    managerId = (await payload.create({ collection: 'users', data: { username: 'spons', email: 'spons@example.org', password: TEST_PASSWORD, roles: ['sponsors-manager'] }, overrideAccess: true })).id
    const programId = (await payload.create({ collection: 'sponsorship-programs', data: { name: 'Foundation', order: 0 } })).id
    packageId = (await payload.create({ collection: 'sponsorship-packages', data: { name: 'Visionary', slug: 'visionary', year: 2026, sponsorshipAmount: 160_000, order: 0, advertise: true } as never })).id
    otherPackageId = (await payload.create({ collection: 'sponsorship-packages', data: { name: 'Closed level', slug: 'closed-level', year: 2026, sponsorshipAmount: 1000, order: 9, advertise: true, allowALaCarte: false } as never })).id
    const benefit = async (data: Record<string, unknown>) => (await payload.create({ collection: 'sponsorship-benefits', data: { program: programId, year: 2026, ...data } as never })).id
    includedId = await benefit({
      name: 'Logo on python.org',
      packages: [packageId],
      requiredAssets: [
        { kind: 'text', internalName: 'blurb', label: 'A sentence about you', dueDate: '2026-02-01T12:00:00.000Z' },
        { kind: 'link', internalName: 'landing', label: 'Your landing page', dueDate: '2026-06-01T12:00:00.000Z' },
      ],
    })
    extraId = await benefit({ name: 'Job listing', standalone: true })
    packageOnlyId = await benefit({ name: 'Keynote mention', packageOnly: true, packages: [otherPackageId] })
    soldOutId = await benefit({ name: 'Booth', capacity: 0, standalone: true })
    await delivered()
  })
  afterAll(async () => {
    await smtp?.close()
    await payload?.destroy()
  })

  it('is closed until staff open the window, with their message, and refuses applications then', async () => {
    const form = await call('get', '/application', { token: adaSession })
    expect(form.status).toBe(200)
    expect(form.body.window).toMatchObject({ open: false })
    await openWindow(new Date(Date.now() + DAY_MS))
    const closed = await refusedWithoutChange(() => call('post', '/application', { token: adaSession, body: application() }), 403)
    expect(closed.body.message).toBe('Applications reopen in March.')
    await openWindow(new Date(Date.now() - 2 * DAY_MS), new Date(Date.now() - DAY_MS))
    await refusedWithoutChange(() => call('post', '/application', { token: adaSession, body: application() }), 403)
    await openWindow(new Date(Date.now() - DAY_MS))
    const open = await call('get', '/application')
    expect(open.body.window).toMatchObject({ open: true, year: 2026 })
    expect((open.body.packages as { name: string }[]).map((entry) => entry.name)).toEqual(['Visionary', 'Closed level'])
    expect(JSON.stringify(open.body)).not.toContain('internalValue')
  })

  it('refuses anonymous callers and bad applications with a 4xx and messages, writing nothing', async () => {
    await refusedWithoutChange(() => call('post', '/application', { body: application() }), 401)
    await refusedWithoutChange(() => call('post', '/application', { token: adaSession }), 400)
    await refusedWithoutChange(() => call('post', '/application', { token: adaSession, body: application({ status: 'finalized', sponsorshipFee: 1 }) }), 400)
    const blank = await refusedWithoutChange(() => call('post', '/application', { token: adaSession, body: { company: { name: '', landingPageUrl: 'javascript:alert(1)' }, contacts: [{ name: 'X', email: 'nope' }] } }), 400)
    expect(blank.body.errors).toMatchObject({
      benefits: 'Choose a package or at least one benefit.',
      'company.name': 'Enter the company\'s name.',
      'company.landingPageUrl': 'Enter an absolute http(s) URL.',
      'contacts.0.email': 'Enter a valid email address.',
      contacts: 'Mark at least one contact as primary.',
    })
    const cases: [Record<string, unknown>, string][] = [
      [{ package: 999_999 }, 'package'],
      [{ package: 'visionary' }, 'package'],
      [{ benefits: [extraId, 'x'] }, 'benefits'],
      [{ benefits: [soldOutId], package: null }, 'benefits'],
      [{ benefits: [packageOnlyId], package: null }, 'benefits'],
      [{ benefits: [extraId], package: otherPackageId }, 'benefits'],
      [{ benefits: Array.from({ length: 101 }, (_, index) => index + 1) }, 'benefits'],
      [{ contacts: Array.from({ length: 6 }, (_, index) => ({ name: `C${index}`, email: `c${index}@example.org`, primary: true })) }, 'contacts'],
      [{ contacts: 'ada' }, 'contacts'],
      [{ sponsor: 12345 }, 'sponsor'],
      [{ company: { name: 'x'.repeat(101), description: 'd', landingPageUrl: 'https://a.example/' } }, 'company.name'],
    ]
    for (const [overrides, field] of cases) {
      const reply = await refusedWithoutChange(() => call('post', '/application', { token: adaSession, body: application(overrides) }), 400)
      expect(Object.keys(reply.body.errors as object), JSON.stringify(overrides).slice(0, 80)).toContain(field)
    }
  })

  let sponsorshipId: number
  it('creates the sponsor and an applied sponsorship submitted by the account, and mails the contacts and staff', async () => {
    const reply = await call('post', '/application', { token: adaSession, body: application() })
    expect(reply.status, JSON.stringify(reply.body)).toBe(201)
    sponsorshipId = (reply.body.sponsorship as { id: number }).id
    const sponsorship = await payload.findByID({ collection: 'sponsorships', id: sponsorshipId, overrideAccess: true, depth: 0 })
    expect(sponsorship).toMatchObject({ status: 'applied', submittedBy: adaId, package: packageId, year: 2026, sponsorshipFee: 160_000, forModifiedPackage: false })
    expect(sponsorship.benefits?.map((row) => row.name)).toEqual(['Logo on python.org'])
    const sponsor = await payload.findByID({ collection: 'sponsors', id: sponsorship.sponsor as number, overrideAccess: true, depth: 0 })
    expect(sponsor.name).toBe('Acme Snakes')
    // The applicant is linked to the contact with its address, whatever the case.
    expect(sponsor.contacts?.map((contact) => contact.account ?? null)).toEqual([adaId, null])
    const mails = await delivered()
    expect(recipients(mails.filter((mail) => mail.subject?.includes('Thank you')))).toEqual(expect.arrayContaining(['ada@example.org', 'bill@acme.example.com']))

    // A package with an added benefit is a modified package, its fee to be agreed; the account's own sponsor is reused.
    const again = await call('post', '/application', { token: adaSession, body: { package: packageId, benefits: [includedId, extraId], sponsor: sponsor.id } })
    expect(again.status, JSON.stringify(again.body)).toBe(201)
    const second = await payload.findByID({ collection: 'sponsorships', id: (again.body.sponsorship as { id: number }).id, overrideAccess: true, depth: 0 })
    expect(second).toMatchObject({ sponsor: sponsor.id, forModifiedPackage: true, sponsorshipFee: null })
    expect(second.benefits?.map((row) => [row.name, row.addedByUser])).toEqual([['Logo on python.org', false], ['Job listing', true]])
    expect((await payload.count({ collection: 'sponsors', overrideAccess: true })).totalDocs).toBe(1)
    // Someone who is not a contact cannot apply on behalf of that sponsor.
    await refusedWithoutChange(() => call('post', '/application', { token: bobSession, body: { package: packageId, sponsor: sponsor.id } }), 400)
    await delivered()
  })

  it('shows the account its sponsorships on the dashboard, and nobody else', async () => {
    const mine = await call('get', '/mine', { token: adaSession })
    expect(mine.status).toBe(200)
    expect(mine.headers.get('cache-control')).toBe('no-store')
    expect((mine.body.sponsorships as unknown[]).length).toBe(2)
    expect((await call('get', '/mine', { token: bobSession })).body.sponsorships).toEqual([])
    expect((await call('get', '/mine')).status).toBe(401)
    expect((await call('get', '/mine/:id', { token: bobSession, params: { id: String(sponsorshipId) } })).status).toBe(404)
    expect((await call('get', '/mine/:id', { token: adaSession, params: { id: '999999' } })).status).toBe(404)
    const detail = await call('get', '/mine/:id', { token: adaSession, params: { id: String(sponsorshipId) } })
    expect(detail.body.sponsorship).toMatchObject({ status: 'applied', sponsorName: 'Acme Snakes', packageName: 'Visionary', assets: [], contract: null })
  })

  it('creates the required assets on approval; the contacts fill them; bad values change nothing', async () => {
    const manager = { ...(await payload.findByID({ collection: 'users', id: managerId, overrideAccess: true })), collection: 'users' as const }
    await payload.update({ collection: 'sponsorships', id: sponsorshipId, data: { status: 'approved', ...TERMS }, user: manager, overrideAccess: false })
    const detail = await call('get', '/mine/:id', { token: adaSession, params: { id: String(sponsorshipId) } })
    const assets = (detail.body.sponsorship as { assets: { id: number; internalName: string; filled: boolean }[]; contract: string | null }).assets
    expect(assets.map((asset) => [asset.internalName, asset.filled])).toEqual([['blurb', false], ['landing', false]])
    expect((detail.body.sponsorship as { contract: string | null }).contract).toMatch(/\.pdf$/)
    // Approving again (any later save) creates no second row.
    await payload.update({ collection: 'sponsorships', id: sponsorshipId, data: { sponsorshipFee: 61_000 }, user: manager, overrideAccess: false })
    expect((await payload.count({ collection: 'sponsorship-assets', where: { sponsorship: { equals: sponsorshipId } }, overrideAccess: true })).totalDocs).toBe(2)
    const [blurb, landing] = assets
    const params = (asset: { id: number }) => ({ id: String(sponsorshipId), assetId: String(asset.id) })
    for (const [asset, body] of [[landing, { value: 'javascript:alert(1)' }], [landing, { value: '' }], [blurb, { value: 'x'.repeat(5001) }], [blurb, { value: 42 }]] as const) {
      const reply = await call('post', '/mine/:id/assets/:assetId', { token: adaSession, params: params(asset), body })
      expect(reply.status).toBe(400)
    }
    expect((await call('post', '/mine/:id/assets/:assetId', { token: bobSession, params: params(blurb), body: { value: 'Hi' } })).status).toBe(404)
    const stored = await payload.findByID({ collection: 'sponsorship-assets', id: blurb!.id, overrideAccess: true })
    expect(stored.textValue ?? null).toBeNull()
    const saved = await call('post', '/mine/:id/assets/:assetId', { token: adaSession, params: params(blurb!), body: { value: 'Acme makes snakes <b>safe</b>.' } })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body.asset).toMatchObject({ filled: true, textValue: 'Acme makes snakes <b>safe</b>.' })
    await delivered()
  })

  it('reminds the contacts of missing assets due soon or overdue, once a day, never for the seed\'s samples', async () => {
    // A sample sponsor of the seed, approved, with the same missing assets.
    const sampleSponsor = await payload.create({ collection: 'sponsors', data: { name: 'Example Cloud (sample)', contacts: [{ name: 'Sam Sample', email: 'sam@sample.example', primary: true }] }, overrideAccess: true })
    const sample = await payload.create({ collection: 'sponsorships', data: { sponsor: sampleSponsor.id, package: packageId, year: 2026, status: 'finalized', benefits: [{ benefit: includedId }], ...TERMS } as never, overrideAccess: true })
    expect((await payload.count({ collection: 'sponsorship-assets', where: { sponsorship: { equals: sample.id } }, overrideAccess: true })).totalDocs).toBe(2)
    await delivered()

    // 2026-01-25: the link (due June) is not due within 14 days; the blurb is filled: nothing to say.
    const req = () => createLocalReq({}, payload)
    expect(await remindSponsorAssets(await req(), new Date('2026-01-25T10:00:00Z'))).toEqual({ reminded: 0, messages: 0 })
    // 2026-05-25: the link is due within 14 days.
    const first = await remindSponsorAssets(await req(), new Date('2026-05-25T10:00:00Z'))
    expect(first.reminded).toBe(1)
    const mails = await delivered()
    expect(mails.every((mail) => mail.subject === 'Your PSF sponsorship needs some assets from you')).toBe(true)
    expect(recipients(mails).sort()).toEqual(['ada@example.org', 'bill@acme.example.com'])
    expect(mails[0]?.text).toContain('Your landing page (link), due 2026-06-01')
    expect(mails.some((mail) => recipients([mail])[0] === 'sam@sample.example')).toBe(false)
    // Once a day per asset.
    expect(await remindSponsorAssets(await req(), new Date('2026-05-25T18:00:00Z'))).toEqual({ reminded: 0, messages: 0 })
    // Overdue the next days, until it is filled.
    expect((await remindSponsorAssets(await req(), new Date('2026-06-03T10:00:00Z'))).reminded).toBe(1)
    await delivered()
    const landing = (await payload.find({ collection: 'sponsorship-assets', where: { and: [{ sponsorship: { equals: sponsorshipId } }, { internalName: { equals: 'landing' } }] }, overrideAccess: true })).docs[0]!
    expect((await call('post', '/mine/:id/assets/:assetId', { token: adaSession, params: { id: String(sponsorshipId), assetId: String(landing.id) }, body: { value: 'https://acme.example.com/python' } })).status).toBe(200)
    expect(await remindSponsorAssets(await req(), new Date('2026-06-04T10:00:00Z'))).toEqual({ reminded: 0, messages: 0 })
    expect(await delivered()).toEqual([])
  })

  it('lists one asset\'s values across the running sponsorships (python.org\'s sponsorship assets API), refusing bad parameters', async () => {
    const api = async (query: string) => {
      const req = await createLocalReq({ urlSuffix: `/api/v2/sponsors/sponsorship-assets/?${query}` }, payload)
      const response = await sponsorshipAssetsEndpoint.handler(req)
      return { status: response.status, body: (await response.json()) as unknown }
    }
    for (const query of ['', 'internal_name=', `internal_name=${'x'.repeat(129)}`, 'internal_name=blurb&internal_name=landing', 'internal_name=blurb&list_empty=maybe']) {
      const refused = await api(query)
      expect(refused.status, query).toBe(400)
      expect((refused.body as { errors: unknown[] }).errors.length).toBeGreaterThan(0)
    }
    const sponsor = await payload.create({ collection: 'sponsors', data: { name: 'Running Co', contacts: [{ name: 'R', email: 'r@running.example', primary: true }] }, overrideAccess: true })
    const running = await payload.create({
      collection: 'sponsorships',
      data: { sponsor: sponsor.id, package: packageId, year: 2026, status: 'finalized', benefits: [{ benefit: includedId }], startDate: new Date(Date.now() - DAY_MS).toISOString(), endDate: new Date(Date.now() + 30 * DAY_MS).toISOString(), sponsorshipFee: 1 } as never,
      overrideAccess: true,
    })
    // Only running, finalized sponsorships: Acme's (approved) filled blurb is not listed; empty ones only on request.
    expect((await api('internal_name=blurb')).body).toEqual([])
    const withEmpty = (await api('internal_name=blurb&list_empty=true')).body as { sponsor: string }[]
    expect(withEmpty.filter((entry) => entry.sponsor === 'Running Co')).toEqual([expect.objectContaining({ internal_name: 'blurb', value: '', content_type: 'Sponsorship', sponsor_slug: 'running-co' })])
    expect(withEmpty.some((entry) => entry.sponsor === 'Acme Snakes')).toBe(false)
    const blurb = (await payload.find({ collection: 'sponsorship-assets', where: { and: [{ sponsorship: { equals: running.id } }, { internalName: { equals: 'blurb' } }] }, overrideAccess: true })).docs[0]!
    await payload.update({ collection: 'sponsorship-assets', id: blurb.id, data: { textValue: 'Running Co runs.' }, overrideAccess: true })
    expect((await api('internal_name=blurb')).body).toEqual([{ internal_name: 'blurb', uuid: String(blurb.id), value: 'Running Co runs.', content_type: 'Sponsorship', sponsor: 'Running Co', sponsor_slug: 'running-co' }])
  })
})
