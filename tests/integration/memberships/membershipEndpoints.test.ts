import type { ParsedMail } from 'mailparser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAIL_QUEUE } from '../../../cms/mail/queueMail'
import type { Account } from '../../../collections/generated/payload-types'
import { accountCaller } from '../accounts/accountEndpointCaller'
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer'
import { createTestPayload } from '../../support/testPayload'
import { membershipCaller, type Reply } from './membershipEndpointCaller'
import { deliverQueuedMail } from '../../support/deliverQueuedMail'

const SITE = 'https://site.example.org'
const LIST = 'announce-request@lists.example.org'
const PASSWORD = 'member password 123'
const DAY_MS = 24 * 60 * 60 * 1000

const form = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  legalName: 'Ada Lovelace',
  preferredName: 'Ada',
  emailAddress: 'ada.member@example.org',
  city: 'London',
  region: 'Greater London',
  country: 'United Kingdom',
  postalCode: 'W1 1AA',
  codeOfConduct: true,
  announcements: true,
  votes: true,
  ...overrides,
})

const recipient = (mail: ParsedMail) => (Array.isArray(mail.to) ? '' : (mail.to?.text ?? ''))

describe('PSF membership endpoints: sign-up, edit, vote affirmation, leaving, the CSV export', () => {
  let payload: Payload
  let smtp: TestSmtpServer
  let call: ReturnType<typeof membershipCaller>
  let ada: Account
  let bob: Account
  let adaSession: string
  let bobSession: string
  let psfStaffToken: string
  let editorToken: string

  /** Runs the mail queue until it is empty (a few rounds) and hands back what the server received. */
  const delivered = async (): Promise<ParsedMail[]> => {
    await deliverQueuedMail(payload)
    return smtp.messages.splice(0)
  }
  const memberships = async () => (await payload.find({ collection: 'memberships', overrideAccess: true, depth: 0, limit: 100, sort: 'id' })).docs
  const queuedMail = async () => (await payload.count({ collection: 'payload-jobs', where: { queue: { equals: MAIL_QUEUE } }, overrideAccess: true })).totalDocs

  /** A 4xx that leaves the memberships and the mail queue exactly as they were. */
  const refusedWithoutChange = async (attempt: () => Promise<Reply>, status: number): Promise<Reply> => {
    const before = JSON.stringify(await memberships())
    const mailBefore = await queuedMail()
    const reply = await attempt()
    expect(reply.status, JSON.stringify(reply.body)).toBe(status)
    expect(typeof reply.body.message === 'string' || Array.isArray(reply.body.errors)).toBe(true)
    expect(JSON.stringify(await memberships())).toBe(before)
    expect(await queuedMail()).toBe(mailBefore)
    return reply
  }

  const makeAccount = (username: string): Promise<Account> =>
    payload.create({ collection: 'accounts', data: { username, email: `${username}@example.org`, password: PASSWORD, emailVerified: true, active: true, emailPrivacy: 'nobody' }, overrideAccess: true, depth: 0 })
  const staffToken = async (username: string, role: 'psf-staff' | 'editor'): Promise<string> => {
    await payload.create({ collection: 'users', data: { username, email: `${username}@example.org`, password: PASSWORD, roles: [role] }, overrideAccess: true })
    return (await payload.login({ collection: 'users', data: { email: `${username}@example.org`, password: PASSWORD } })).token ?? ''
  }

  beforeAll(async () => {
    smtp = await startTestSmtpServer()
    payload = await createTestPayload('membership_endpoints', {
      SMTP_URL: smtp.url,
      SITE_URL: SITE,
      PSF_ANNOUNCE_REQUEST_ADDRESS: LIST,
      ACCOUNT_SIGN_INS_PER_HOUR: '1000',
      ACCOUNT_SIGN_INS_PER_ACCOUNT_PER_HOUR: '1000',
      ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR: '1000',
    })
    call = membershipCaller(payload)
    const accounts = accountCaller(payload)
    ada = await makeAccount('ada')
    bob = await makeAccount('bob')
    const signIn = async (login: string) => String((await accounts('post', '/signin', { body: { login, password: PASSWORD } })).body.token)
    adaSession = await signIn('ada')
    bobSession = await signIn('bob')
    psfStaffToken = await staffToken('psfstaff', 'psf-staff')
    editorToken = await staffToken('editor', 'editor')
    await delivered()
  })
  afterAll(async () => {
    await smtp?.close()
    await payload?.destroy()
  })

  it('refuses anonymous callers and bad input with a clear 4xx, writing nothing and mailing nobody', async () => {
    for (const [method, path] of [['get', '/me'], ['post', '/me'], ['patch', '/me'], ['delete', '/me'], ['post', '/me/affirm']] as const) {
      const reply = await refusedWithoutChange(() => call(method, path, { body: form() }), 401)
      expect(reply.headers.get('cache-control')).toBe('no-store')
    }
    await refusedWithoutChange(() => call('post', '/me', { token: adaSession }), 400)
    await refusedWithoutChange(() => call('post', '/me', { token: adaSession, body: ['not', 'an', 'object'] }), 400)
    const missing = await refusedWithoutChange(() => call('post', '/me', { token: adaSession, body: form({ legalName: '  ', city: '', postalCode: 'x'.repeat(21), emailAddress: 'nope' }) }), 400)
    expect(missing.body.errors).toMatchObject({ legalName: 'Enter your legal name.', city: 'Enter your city.', postalCode: 'Use at most 20 characters.', emailAddress: 'Enter a valid email address.' })
    for (const codeOfConduct of [false, undefined, 'Yes', 1]) {
      const refused = await refusedWithoutChange(() => call('post', '/me', { token: adaSession, body: form({ codeOfConduct }) }), 400)
      expect(refused.body.errors).toMatchObject({ codeOfConduct: 'Agreeing to the code of conduct is required.' })
    }
    await refusedWithoutChange(() => call('post', '/me', { token: adaSession, body: form({ votes: 'yes' }) }), 400)
    // Nobody makes themselves a Fellow, or writes another account's membership.
    const fellow = await refusedWithoutChange(() => call('post', '/me', { token: adaSession, body: form({ membershipType: 'fellow' }) }), 400)
    expect(fellow.body.errors).toMatchObject({ membershipType: 'Only PSF staff set this.' })
    await refusedWithoutChange(() => call('post', '/me', { token: adaSession, body: form({ account: bob.id }) }), 400)
    await refusedWithoutChange(() => call('post', '/me', { token: adaSession, body: form({ lastVoteAffirmation: '2000-01-01T00:00:00.000Z' }) }), 400)
    // Not a member yet: nothing to read, edit, affirm or delete.
    for (const [method, path, body] of [['get', '/me', undefined], ['patch', '/me', form()], ['delete', '/me', undefined], ['post', '/me/affirm', undefined]] as const) {
      await refusedWithoutChange(() => call(method, path, { token: adaSession, body }), 404)
    }
  })

  it('signs an account up as a Basic member, mails it a confirmation and asks the list to subscribe it', async () => {
    const before = Date.now()
    const reply = await call('post', '/me', { token: adaSession, body: form() })
    expect(reply.status).toBe(201)
    expect(reply.headers.get('cache-control')).toBe('no-store')
    expect(reply.body.membership).toMatchObject({ membershipType: 'basic', legalName: 'Ada Lovelace', votes: true, announcements: true, codeOfConduct: true, needsVoteAffirmation: false })
    const [stored] = await memberships()
    expect(stored).toMatchObject({ account: ada.id, membershipType: 'basic', emailAddress: 'ada.member@example.org' })
    // python.org's first save with votes stamps the affirmation.
    expect(Date.parse(String(stored.lastVoteAffirmation))).toBeGreaterThanOrEqual(before - 1000)

    const mail = await delivered()
    const confirmation = mail.find((message) => recipient(message) === 'ada@example.org')
    expect(confirmation?.subject).toBe('Welcome to the Python Software Foundation')
    expect(confirmation?.text).toContain('Basic Member')
    expect(confirmation?.text).toContain(`${SITE}/users/membership/edit/`)
    const subscribe = mail.find((message) => recipient(message) === LIST)
    expect(subscribe?.subject).toBe('PSF Members Announce Signup from python.org')
    // The account's verified address, never the one typed in the form.
    expect(subscribe?.text?.trim()).toBe('subscribe address=ada@example.org')
    expect(mail).toHaveLength(2)

    // One per account.
    await refusedWithoutChange(() => call('post', '/me', { token: adaSession, body: form() }), 409)
  })

  it('lets an account read only its own membership, and never write one through the collection', async () => {
    expect((await call('get', '/me', { token: adaSession })).body.membership).toMatchObject({ legalName: 'Ada Lovelace' })
    await refusedWithoutChange(() => call('get', '/me', { token: bobSession }), 404)
    const [adaMembership] = await memberships()
    const asBob = { ...bob, collection: 'accounts' as const }
    const asAda = { ...ada, collection: 'accounts' as const }
    expect((await payload.find({ collection: 'memberships', user: asBob, overrideAccess: false })).docs).toEqual([])
    expect((await payload.find({ collection: 'memberships', user: asAda, overrideAccess: false })).docs.map((doc) => doc.id)).toEqual([adaMembership.id])
    await expect(payload.update({ collection: 'memberships', id: adaMembership.id, data: { membershipType: 'fellow' }, user: asAda, overrideAccess: false })).rejects.toThrow()
    await expect(payload.update({ collection: 'memberships', id: adaMembership.id, data: { city: 'Paris' }, user: asBob, overrideAccess: false })).rejects.toThrow()
    await expect(payload.create({ collection: 'memberships', data: { ...form(), account: bob.id } as never, user: asBob, overrideAccess: false })).rejects.toThrow()
    await expect(payload.delete({ collection: 'memberships', id: adaMembership.id, user: asBob, overrideAccess: false })).rejects.toThrow()
    expect((await memberships())[0]).toMatchObject({ membershipType: 'basic', city: 'London' })
  })

  it('edits the membership (never its type) and turns the announcements off with an unsubscribe request', async () => {
    await refusedWithoutChange(() => call('patch', '/me', { token: adaSession, body: form({ membershipType: 'fellow' }) }), 400)
    await refusedWithoutChange(() => call('patch', '/me', { token: adaSession, body: form({ country: '' }) }), 400)
    const reply = await call('patch', '/me', { token: adaSession, body: form({ city: 'Oxford', announcements: false, codeOfConduct: false }) })
    expect(reply.status).toBe(200)
    // The code of conduct, once agreed, is not part of the edit form.
    expect(reply.body.membership).toMatchObject({ city: 'Oxford', announcements: false, codeOfConduct: true, membershipType: 'basic' })
    const mail = await delivered()
    expect(mail.map((message) => [recipient(message), message.text?.trim()])).toEqual([[LIST, 'unsubscribe address=ada@example.org']])
  })

  it('asks a voting member to affirm after 366 days, and records the affirmation', async () => {
    const [membership] = await memberships()
    await payload.update({ collection: 'memberships', id: membership.id, data: { lastVoteAffirmation: new Date(Date.now() - 367 * DAY_MS).toISOString() }, overrideAccess: true })
    expect((await call('get', '/me', { token: adaSession })).body.membership).toMatchObject({ needsVoteAffirmation: true })
    const before = Date.now()
    const affirmed = await call('post', '/me/affirm', { token: adaSession })
    expect(affirmed.status).toBe(200)
    expect(affirmed.body.membership).toMatchObject({ votes: true, needsVoteAffirmation: false })
    expect(Date.parse(String((await memberships())[0].lastVoteAffirmation))).toBeGreaterThanOrEqual(before - 1000)
  })

  it('exports the members as CSV for PSF staff only, formulas defused, narrowed by type and votes', async () => {
    const bobJoined = await call('post', '/me', { token: bobSession, body: form({ legalName: '=HYPERLINK("http://evil.example","x")', preferredName: '+Bob', emailAddress: 'bob@example.org', votes: false, announcements: false }) })
    expect(bobJoined.status).toBe(201)
    await delivered()
    for (const token of [undefined, adaSession, editorToken]) {
      const refused = await call('get', '/export.csv', { token })
      expect(refused.status).toBe(403)
    }
    const csv = await call('get', '/export.csv', { token: psfStaffToken })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('cache-control')).toBe('private, no-store')
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="membership.csv"')
    const lines = csv.text.trimEnd().split('\r\n')
    expect(lines[0]).toBe('type,creator,email,votes,last_vote_affirmation,legal_name,preferred_name')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/^basic,ada,ada\.member@example\.org,True,\d{4}-\d\d-\d\dT[^,]+,Ada Lovelace,Ada$/)
    expect(lines[2]).toBe(`basic,bob,bob@example.org,False,,"'=HYPERLINK(""http://evil.example"",""x"")",'+Bob`)
    const voting = await call('get', '/export.csv', { token: psfStaffToken, query: '?votes=true&membershipType=basic' })
    expect(voting.text.trimEnd().split('\r\n')).toHaveLength(2)
    expect((await call('get', '/export.csv', { token: psfStaffToken, query: '?membershipType=fellow' })).text.trimEnd().split('\r\n')).toHaveLength(1)
    expect((await call('get', '/export.csv', { token: psfStaffToken, query: '?votes=maybe' })).status).toBe(400)
    expect((await call('get', '/export.csv', { token: psfStaffToken, query: '?membershipType=emperor' })).status).toBe(400)
  })

  it('deletes the membership from its edit page, and with the account', async () => {
    const left = await call('delete', '/me', { token: bobSession })
    expect(left.status).toBe(200)
    expect((await memberships()).map((membership) => membership.account)).toEqual([ada.id])
    // Ada subscribes again, then deletes her account: the membership goes, and so does the subscription.
    expect((await call('patch', '/me', { token: adaSession, body: form({ announcements: true }) })).status).toBe(200)
    await delivered()
    const deleted = await accountCaller(payload)('delete', '/me', { session: adaSession, body: { password: PASSWORD } })
    expect(deleted.status).toBe(200)
    expect(await memberships()).toEqual([])
    const mail = await delivered()
    expect(mail.filter((message) => recipient(message) === LIST).map((message) => message.text?.trim())).toEqual(['unsubscribe address=ada@example.org'])
  })
})
