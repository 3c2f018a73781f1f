import type { Payload, PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer'
import { createTestPayload } from '../../support/testPayload'
import { accountCaller } from './accountEndpointCaller'
import { deliverQueuedMail } from '../../support/deliverQueuedMail'

const PASSWORD = 'a good password 1'

describe('account limits, lockout and moderation', () => {
  let payload: Payload
  let smtp: TestSmtpServer
  let call: ReturnType<typeof accountCaller>

  // Messages to one address go one at a time (cms/jobs/sendMail.ts): a few runs deliver them all.
  const delivered = async () => {
    await deliverQueuedMail(payload)
    return smtp.messages.splice(0)
  }

  /** A verified account, as if it had followed its link. */
  const verifiedAccount = (username: string) =>
    payload.create({
      collection: 'accounts',
      data: { username, email: `${username}@example.org`, password: PASSWORD, emailVerified: true, active: true, emailPrivacy: 'nobody' },
      overrideAccess: true,
      depth: 0,
    })

  beforeAll(async () => {
    smtp = await startTestSmtpServer()
    payload = await createTestPayload('accounts_limits', {
      SMTP_URL: smtp.url,
      ACCOUNT_SIGN_UPS_PER_HOUR: '2',
      ACCOUNT_SIGN_INS_PER_HOUR: '100',
      ACCOUNT_SIGN_INS_PER_ACCOUNT_PER_HOUR: '7',
      ACCOUNT_RESETS_PER_HOUR: '4',
      ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR: '2',
    })
    call = accountCaller(payload)
  })
  afterAll(async () => {
    await smtp?.close()
    await payload?.destroy()
  })

  it('limits sign-ups per client address, answering 429 with Retry-After and creating nothing', async () => {
    const signUp = (n: number) => call('post', '/signup', { body: { username: `limited${n}`, email: `limited${n}@example.org`, password: PASSWORD, passwordAgain: PASSWORD } })
    expect((await signUp(1)).status).toBe(200)
    expect((await signUp(2)).status).toBe(200)
    const refused = await signUp(3)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.headers.get('cache-control')).toBe('no-store')
    expect(await payload.count({ collection: 'accounts', where: { username: { equals: 'limited3' } }, overrideAccess: true })).toMatchObject({ totalDocs: 0 })
  })

  it('limits sign-in attempts per account, whatever the password, and leaves other accounts alone', async () => {
    await verifiedAccount('target')
    await verifiedAccount('bystander')
    for (let attempt = 0; attempt < 7; attempt += 1) {
      // Alternating case: the limit counts the account, not the spelling.
      expect((await call('post', '/signin', { body: { login: attempt % 2 ? 'TARGET' : 'target', password: `wrong ${attempt}` } })).status).toBe(401)
    }
    expect((await call('post', '/signin', { body: { login: 'target', password: PASSWORD } })).status).toBe(429)
    expect((await call('post', '/signin', { body: { login: 'bystander', password: PASSWORD } })).status).toBe(200)
  })

  it('locks an account after 5 wrong passwords (Payload\'s lockout): the right one is then the same 401', async () => {
    await verifiedAccount('lockme')
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await call('post', '/signin', { body: { login: 'lockme', password: 'wrong' } })).status).toBe(401)
    const locked = await call('post', '/signin', { body: { login: 'lockme', password: PASSWORD } })
    expect(locked.status).toBe(401)
    expect(locked.body.message).toBe('The username and/or password you specified are not correct.')
  })

  it('sends at most the allowed reset messages to one address, answering alike, then limits the client', async () => {
    await verifiedAccount('forgetful')
    await delivered()
    const forgot = (email: string) => call('post', '/forgot', { body: { email } })
    const answers = [await forgot('forgetful@example.org'), await forgot('forgetful@example.org'), await forgot('forgetful@example.org')]
    expect(new Set(answers.map((answer) => `${answer.status} ${JSON.stringify(answer.body)}`)).size).toBe(1)
    expect(await delivered()).toHaveLength(2)
    expect((await forgot('someone@example.org')).status).toBe(200)
    expect((await forgot('someone@example.org')).status).toBe(429)
  })

  it('lets moderators deactivate an account (its sessions end, it can no longer sign in) and re-send a verification link', async () => {
    const moderator = await payload.create({
      collection: 'users',
      data: { email: 'mod@example.org', username: 'mod', password: PASSWORD, roles: ['moderator'] },
      overrideAccess: true,
      depth: 0,
    })
    const editor = await payload.create({
      collection: 'users',
      data: { email: 'ed@example.org', username: 'ed', password: PASSWORD, roles: ['editor'] },
      overrideAccess: true,
      depth: 0,
    })
    const asStaff = (user: typeof moderator) => ({ ...user, collection: 'users' }) as unknown as PayloadRequest['user']
    const member = await verifiedAccount('member')
    const session = String((await call('post', '/signin', { body: { login: 'member', password: PASSWORD } })).body.token)
    expect((await call('get', '/me', { session })).status).toBe(200)
    await payload.update({ collection: 'accounts', id: member.id, data: { active: false }, overrideAccess: false, user: asStaff(moderator) })
    expect((await call('get', '/me', { session })).status).toBe(401)
    const refused = await call('post', '/signin', { body: { login: 'member', password: PASSWORD } })
    expect(refused.status).toBe(403)

    const unverified = await payload.create({
      collection: 'accounts',
      data: { username: 'pending', email: 'pending@example.org', password: PASSWORD, emailPrivacy: 'nobody' },
      overrideAccess: true,
      depth: 0,
    })
    await delivered()
    const params = { id: String(unverified.id) }
    expect((await call('post', '/:id/resend-verification', { params, user: asStaff(editor) })).status).toBe(403)
    expect((await call('post', '/:id/resend-verification', { params })).status).toBe(403)
    expect((await call('post', '/:id/resend-verification', { params, user: asStaff(moderator) })).status).toBe(200)
    const [mail] = await delivered()
    expect(mail.subject).toBe('Please confirm your email address for python.org')
    expect((await call('post', '/:id/resend-verification', { params: { id: String(member.id) }, user: asStaff(moderator) })).status).toBe(409)

    // The same from the admin: the virtual "send again" box, which only staff may tick.
    const tick = (user: PayloadRequest['user']) =>
      payload.update({ collection: 'accounts', id: unverified.id, data: { resendVerification: true }, overrideAccess: false, user }).catch(() => null)
    await tick({ ...unverified, collection: 'accounts' } as unknown as PayloadRequest['user'])
    expect(await delivered()).toHaveLength(0)
    await tick(asStaff(moderator))
    const [fromAdmin] = await delivered()
    expect(fromAdmin?.subject).toBe('Please confirm your email address for python.org')
  })

  it('answers Payload\'s own sign-in, reset, verification and first-register routes for accounts with a 404 of its own', () => {
    const accounts = payload.config.collections.find((collection) => collection.slug === 'accounts')
    const first = (method: string, path: string) => (accounts?.endpoints || []).find((endpoint) => endpoint.method === method && endpoint.path === path)
    for (const [method, path] of [['post', '/login'], ['post', '/forgot-password'], ['post', '/reset-password'], ['post', '/verify/:id'], ['post', '/first-register'], ['post', '/refresh-token']]) {
      const endpoint = first(method, path)
      expect(endpoint?.handler.toString(), `${method} ${path}`).toContain('Not found: visitors sign in')
    }
  })
})
