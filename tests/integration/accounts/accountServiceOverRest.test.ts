import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCmsClient } from '../../../web/src/cms/client'
import type { AccountService } from '../../../web/src/services/accountService'
import { createAccountService } from '../../../web/src/services/createAccountService'
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer'
import { createTestPayload } from '../../support/testPayload'
import { deliverQueuedMail } from '../../support/deliverQueuedMail'
import { startRestTestServer } from '../../support/restTestServer'

const SITE = 'http://site.test'
const PASSWORD = 'rest password 123'

/**
 * The renderer's AccountService against the CMS's real REST router (Payload's handleEndpoints,
 * which the Next.js route calls), over HTTP: endpoint order (ours before Payload's own), the
 * session authenticated from `Authorization: JWT`, bodies on PATCH and DELETE, and what the
 * collection's own REST routes let an account do.
 */
describe('the renderer\'s account service against the CMS\'s REST routes', () => {
  let payload: Payload
  let smtp: TestSmtpServer
  let server: Awaited<ReturnType<typeof startRestTestServer>>
  let baseUrl: string
  let accounts: AccountService

  const linkIn = async (path: string): Promise<string> => {
    await deliverQueuedMail(payload)
    // The newest message's link: a newer link of a kind replaces the older one.
    const text = smtp.messages.splice(0).map((mail) => mail.text ?? '').reverse().join('\n')
    const match = new RegExp(`${SITE}${path}([^/\\s]+)/`).exec(text)
    if (!match) throw new Error(`No ${path} link in ${text}`)
    return match[1]
  }

  const rest = (method: string, path: string, session?: string, body?: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(session ? { authorization: `JWT ${session}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  beforeAll(async () => {
    smtp = await startTestSmtpServer()
    payload = await createTestPayload('accounts_rest', { SMTP_URL: smtp.url, SITE_URL: SITE })
    server = await startRestTestServer(payload)
    baseUrl = server.baseUrl
    accounts = createAccountService(createCmsClient({ baseUrl, timeoutMs: 10_000 }))
  })
  afterAll(async () => {
    await server?.close()
    await smtp?.close()
    await payload?.destroy()
  })

  it('goes from sign-up to deletion through the service, and an account session reaches nothing else', async () => {
    expect(await accounts.signUp({ username: 'Rest.User', email: 'rest@example.org', password: PASSWORD, passwordAgain: PASSWORD }, '203.0.113.5')).toMatchObject({ ok: true })
    expect(await accounts.signIn({ login: 'rest.user', password: PASSWORD }, '203.0.113.5')).toMatchObject({ ok: false, status: 403 })
    // The first link was replaced by the one the refused sign-in re-sent.
    expect(await accounts.verifyEmail(await linkIn('/accounts/confirm-email/'), '203.0.113.5')).toMatchObject({ ok: true })

    const signedIn = await accounts.signIn({ login: 'REST@example.org', password: PASSWORD }, '203.0.113.5')
    if (!signedIn.ok) throw new Error(signedIn.message)
    const session = signedIn.value.token
    const me = await accounts.current(session)
    expect(me).toMatchObject({ username: 'rest.user', email: 'rest@example.org', emailPrivacy: 'nobody' })

    const updated = await accounts.updateProfile(session, {
      username: 'rest.user',
      firstName: 'Rest',
      lastName: 'User',
      bio: 'Hello *there*',
      location: '',
      publicProfile: true,
      searchVisibility: true,
      emailPrivacy: 'public',
    })
    expect(updated).toMatchObject({ ok: true, value: { firstName: 'Rest' } })
    expect(await accounts.publicProfile('rest.user')).toMatchObject({ displayName: 'Rest User', bioHtml: '<p>Hello <em>there</em></p>\n', email: 'rest@example.org' })

    // Payload's own routes for accounts: sign-in and first-register are ours (404), create is refused,
    // the list holds the account itself only, and its flags do not move.
    expect((await rest('POST', '/api/accounts/login', undefined, { username: 'rest.user', password: PASSWORD })).status).toBe(404)
    expect((await rest('POST', '/api/accounts/first-register', undefined, { username: 'x', email: 'x@example.org', password: PASSWORD })).status).toBe(404)
    expect((await rest('POST', '/api/accounts', undefined, { username: 'made', email: 'made@example.org', password: PASSWORD })).status).toBe(403)
    expect((await rest('POST', '/api/accounts', session, { username: 'made', email: 'made@example.org', password: PASSWORD })).status).toBe(403)
    const list = (await (await rest('GET', '/api/accounts', session)).json()) as { docs: { username: string; verifyTokenHash?: unknown }[] }
    expect(list.docs.map((doc) => doc.username)).toEqual(['rest.user'])
    expect(list.docs[0]).not.toHaveProperty('verifyTokenHash')
    const id = me?.id as number
    await rest('PATCH', `/api/accounts/${id}`, session, { emailVerified: false, active: false })
    expect(await payload.findByID({ collection: 'accounts', id, overrideAccess: true })).toMatchObject({ emailVerified: true, active: true })
    expect((await rest('PATCH', `/api/accounts/${id}`, session, { password: 'changed without the old one' })).status).toBe(403)
    // A staff user with the account's id (ids are per table) stays out of reach.
    const staff = await payload.create({ collection: 'users', data: { email: 'staff@example.org', username: 'staff', password: PASSWORD, roles: ['editor'] }, overrideAccess: true })
    const usersSeen = (await (await rest('GET', '/api/users', session)).json()) as { docs?: unknown[] }
    expect(usersSeen.docs ?? []).toEqual([])
    expect((await rest('GET', `/api/users/${staff.id}`, session)).status).toBeGreaterThanOrEqual(403)
    expect((await rest('GET', '/api/payload-preferences', session)).status).toBe(403)
    expect((await rest('POST', '/api/payload-preferences/nav', session, { value: { open: true } })).status).toBe(403)
    expect(await payload.count({ collection: 'payload-preferences', overrideAccess: true })).toMatchObject({ totalDocs: 0 })

    expect(await accounts.changePassword(session, { currentPassword: PASSWORD, password: 'new rest password', passwordAgain: 'new rest password' })).toMatchObject({ ok: true })
    expect(await accounts.current(session)).not.toBeNull()
    await accounts.signOut(session)
    expect(await accounts.current(session)).toBeNull()

    const again = await accounts.signIn({ login: 'rest.user', password: 'new rest password' }, '203.0.113.5')
    if (!again.ok) throw new Error(again.message)
    expect(await accounts.deleteAccount(again.value.token, { password: 'new rest password' })).toMatchObject({ ok: true })
    expect(await accounts.current(again.value.token)).toBeNull()
    expect(await accounts.publicProfile('rest.user')).toBeNull()
  })
})
