import type { ParsedMail } from 'mailparser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { hashToken } from '../../../collections/Accounts/accountTokens'
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer'
import { createTestPayload } from '../../support/testPayload'
import { accountCaller, type Answer } from './accountEndpointCaller'
import { deliverQueuedMail } from '../../support/deliverQueuedMail'

const SITE = 'https://site.example.org'
const PASSWORD = 'first password 123'

/** The one link to the site a message carries, and its token. */
function linkIn(mail: ParsedMail, path: string): { url: string; token: string } {
  const match = new RegExp(`${SITE}${path}([^/\\s]+)/`).exec(mail.text ?? '')
  if (!match) throw new Error(`No ${path} link in: ${mail.text}`)
  return { url: match[0], token: match[1] }
}

const recipient = (mail: ParsedMail) => (Array.isArray(mail.to) ? '' : (mail.to?.text ?? ''))

describe('an account from sign-up to deletion, with its mail through a real SMTP server', () => {
  let payload: Payload
  let smtp: TestSmtpServer
  let call: ReturnType<typeof accountCaller>

  /** Runs the mail queue and hands back (and forgets) what the server received. */
  const delivered = async (): Promise<ParsedMail[]> => {
    await deliverQueuedMail(payload)
    return smtp.messages.splice(0)
  }

  beforeAll(async () => {
    smtp = await startTestSmtpServer()
    payload = await createTestPayload('accounts_flow', {
      SMTP_URL: smtp.url,
      SITE_URL: SITE,
      ACCOUNT_SIGN_UPS_PER_HOUR: '1000',
      ACCOUNT_SIGN_INS_PER_HOUR: '1000',
      ACCOUNT_SIGN_INS_PER_ACCOUNT_PER_HOUR: '1000',
      ACCOUNT_RESETS_PER_HOUR: '1000',
      ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR: '1000',
    })
    call = accountCaller(payload)
  })
  afterAll(async () => {
    await smtp?.close()
    await payload?.destroy()
  })

  const signIn = (login: string, password: string): Promise<Answer> => call('post', '/signin', { body: { login, password } })

  it('signs up, verifies through the mailed link, signs in, edits the profile, changes the address, resets the password and deletes the account', async () => {
    // Sign up: an unverified account, and the link mailed after the commit.
    const signUp = await call('post', '/signup', { body: { username: 'Ada_L', email: 'Ada@Example.org', password: PASSWORD, passwordAgain: PASSWORD } })
    expect(signUp.status).toBe(200)
    expect(signUp.headers.get('cache-control')).toBe('no-store')
    const [verifyMail, ...others] = await delivered()
    expect(others).toEqual([])
    expect(recipient(verifyMail)).toBe('ada@example.org')
    expect(verifyMail.subject).toBe('Please confirm your email address for python.org')
    expect(verifyMail.html).toContain('/accounts/confirm-email/')
    const verifyLink = linkIn(verifyMail, '/accounts/confirm-email/')

    // Only the token's hash is stored, and the job's input never held the token.
    const stored = await payload.db.findOne<{ id: number; verifyTokenHash?: string }>({ collection: 'accounts', where: { username: { equals: 'ada_l' } } })
    expect(stored?.verifyTokenHash).toBe(hashToken(verifyLink.token))
    const jobs = await payload.find({ collection: 'payload-jobs', overrideAccess: true, limit: 100 })
    expect(JSON.stringify(jobs.docs)).not.toContain(verifyLink.token)

    // Unverified: the right password is a 403 and the link goes out again; the public profile is a 404.
    const early = await signIn('ada_l', PASSWORD)
    expect(early.status).toBe(403)
    const [resent] = await delivered()
    expect(linkIn(resent, '/accounts/confirm-email/').token).not.toBe(verifyLink.token)
    expect((await call('get', '/profile/:username', { params: { username: 'ada_l' } })).status).toBe(404)

    // The re-sent link replaced the first one.
    expect((await call('post', '/verify', { body: { token: verifyLink.token } })).status).toBe(400)
    const verified = await call('post', '/verify', { body: { token: linkIn(resent, '/accounts/confirm-email/').token } })
    expect(verified.status).toBe(200)
    expect((await call('post', '/verify', { body: { token: linkIn(resent, '/accounts/confirm-email/').token } })).status).toBe(400)

    // Sign in by username (any case) or by address.
    const byName = await signIn('ADA_l', PASSWORD)
    expect(byName.status).toBe(200)
    const session = String(byName.body.token)
    expect(Date.parse(String(byName.body.expiresAt))).toBeGreaterThan(Date.now())
    expect((await signIn('ada@example.org', PASSWORD)).status).toBe(200)

    const me = await call('get', '/me', { session })
    expect(me.status).toBe(200)
    expect(me.body.account).toMatchObject({ username: 'ada_l', email: 'ada@example.org', pendingEmail: null, publicProfile: true, emailPrivacy: 'nobody' })
    expect((me.body.account as { lastSignInAt: string | null }).lastSignInAt).not.toBeNull()

    // Profile: public, with the address shown only when the account says so.
    const edited = await call('patch', '/me', {
      session,
      body: { username: 'ada_l', firstName: 'Ada', lastName: 'Lovelace', bio: '**Hello**', location: 'London', publicProfile: true, searchVisibility: false, emailPrivacy: 'public' },
    })
    expect(edited.status).toBe(200)
    const profile = await call('get', '/profile/:username', { params: { username: 'Ada_L' } })
    expect(profile.status).toBe(200)
    expect(profile.body.profile).toMatchObject({ username: 'ada_l', firstName: 'Ada', lastName: 'Lovelace', bio: '**Hello**', email: 'ada@example.org', searchVisibility: false })

    // Change of address: nothing changes until the new address's link is followed; the old one is told.
    expect((await call('post', '/me/email', { session, body: { email: 'ada@new.example.org', password: 'wrong password' } })).status).toBe(400)
    expect((await call('post', '/me/email', { session, body: { email: 'ada@new.example.org', password: PASSWORD } })).status).toBe(200)
    expect(((await call('get', '/me', { session })).body.account as { email: string; pendingEmail: string })).toMatchObject({ email: 'ada@example.org', pendingEmail: 'ada@new.example.org' })
    const [changeMail] = await delivered()
    expect(recipient(changeMail)).toBe('ada@new.example.org')
    expect((await call('post', '/verify', { body: { token: linkIn(changeMail, '/accounts/confirm-email/').token } })).status).toBe(200)
    const [toldOld] = await delivered()
    expect(recipient(toldOld)).toBe('ada@example.org')
    expect(toldOld.text).toContain('ada@new.example.org')
    expect(((await call('get', '/me', { session })).body.account as { email: string })).toMatchObject({ email: 'ada@new.example.org', pendingEmail: null })

    // Forgotten password: the link sets a new one and ends every session; it works once.
    expect((await call('post', '/forgot', { body: { email: 'ada@new.example.org' } })).status).toBe(200)
    const [resetMail] = await delivered()
    const reset = linkIn(resetMail, '/accounts/password/reset/key/')
    const newPassword = 'second password 456'
    expect((await call('post', '/reset', { body: { token: reset.token, password: 'short', passwordAgain: 'short' } })).body.errors).toHaveProperty('password')
    expect((await call('post', '/reset', { body: { token: reset.token, password: newPassword, passwordAgain: newPassword } })).status).toBe(200)
    expect((await call('post', '/reset', { body: { token: reset.token, password: 'third password 789', passwordAgain: 'third password 789' } })).status).toBe(400)
    expect((await call('get', '/me', { session })).status).toBe(401)
    expect((await signIn('ada_l', PASSWORD)).status).toBe(401)
    const again = await signIn('ada_l', newPassword)
    expect(again.status).toBe(200)

    // An expired link is refused.
    expect((await call('post', '/forgot', { body: { email: 'ada@new.example.org' } })).status).toBe(200)
    const expired = linkIn((await delivered())[0], '/accounts/password/reset/key/')
    const account = await payload.db.findOne<{ id: number }>({ collection: 'accounts', where: { username: { equals: 'ada_l' } } })
    await payload.update({ collection: 'accounts', id: Number(account?.id), data: { resetTokenExpiresAt: new Date(Date.now() - 1000).toISOString() }, overrideAccess: true })
    expect((await call('post', '/reset', { body: { token: expired.token, password: 'third password 789', passwordAgain: 'third password 789' } })).status).toBe(400)

    // Signing out ends the session on the CMS.
    const second = String((await signIn('ada_l', newPassword)).body.token)
    expect((await call('post', '/signout', { session: second })).status).toBe(200)
    expect((await call('get', '/me', { session: second })).status).toBe(401)

    // Changing the password keeps this session and ends the others.
    const current = String(again.body.token)
    const other = String((await signIn('ada_l', newPassword)).body.token)
    expect((await call('post', '/me/password', { session: current, body: { currentPassword: newPassword, password: 'fourth password 000', passwordAgain: 'fourth password 000' } })).status).toBe(200)
    expect((await call('get', '/me', { session: current })).status).toBe(200)
    expect((await call('get', '/me', { session: other })).status).toBe(401)

    // Deletion: the password confirms, the account goes, the address is told.
    expect((await call('delete', '/me', { session: current, body: { password: 'wrong password' } })).status).toBe(400)
    expect((await call('delete', '/me', { session: current, body: { password: 'fourth password 000' } })).status).toBe(200)
    expect(await payload.count({ collection: 'accounts', where: { username: { equals: 'ada_l' } }, overrideAccess: true })).toMatchObject({ totalDocs: 0 })
    const [goodbye] = await delivered()
    expect(goodbye.subject).toBe('Your python.org account was deleted')
    expect((await call('get', '/profile/:username', { params: { username: 'ada_l' } })).status).toBe(404)
    expect((await signIn('ada_l', 'fourth password 000')).status).toBe(401)
  })

  it('never tells whether an address has an account: sign-up and forgotten password answer alike', async () => {
    const body = (username: string, email: string) => ({ username, email, password: PASSWORD, passwordAgain: PASSWORD })
    const first = await call('post', '/signup', { body: body('grace', 'grace@example.org') })
    await delivered()
    const taken = await call('post', '/signup', { body: body('grace2', 'GRACE@example.org') })
    expect({ status: taken.status, body: taken.body }).toEqual({ status: first.status, body: first.body })
    const [warning, ...more] = await delivered()
    expect(more).toEqual([])
    expect(recipient(warning)).toBe('grace@example.org')
    expect(warning.subject).toBe('Someone tried to sign up on python.org with your address')
    expect(await payload.count({ collection: 'accounts', where: { username: { equals: 'grace2' } }, overrideAccess: true })).toMatchObject({ totalDocs: 0 })

    // A taken username is public anyway: a 400 on the field.
    const sameName = await call('post', '/signup', { body: body('GRACE', 'other@example.org') })
    expect(sameName.status).toBe(400)
    expect(sameName.body.errors).toHaveProperty('username')

    const known = await call('post', '/forgot', { body: { email: 'grace@example.org' } })
    const unknown = await call('post', '/forgot', { body: { email: 'nobody@example.org' } })
    expect({ status: unknown.status, body: unknown.body }).toEqual({ status: known.status, body: known.body })
    expect((await delivered()).map(recipient)).toEqual(['grace@example.org'])

    // Sign-in failures are one 401, whatever failed.
    const wrong = await signIn('grace', 'not the password')
    const nobody = await signIn('nobody-at-all', 'not the password')
    expect(wrong).toMatchObject({ status: 401 })
    expect({ status: nobody.status, body: nobody.body }).toEqual({ status: wrong.status, body: wrong.body })
  })

  it('refuses bad sign-ups field by field and changes nothing', async () => {
    const before = (await payload.count({ collection: 'accounts', overrideAccess: true })).totalDocs
    const bad = await call('post', '/signup', { body: { username: 'édith', email: 'not-an-address', password: 'short', passwordAgain: 'short' } })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.errors as object).sort()).toEqual(['email', 'password', 'username'])
    const reserved = await call('post', '/signup', { body: { username: 'Edit', email: 'edit@example.org', password: PASSWORD, passwordAgain: 'different password' } })
    expect(Object.keys(reserved.body.errors as object).sort()).toEqual(['passwordAgain', 'username'])
    expect((await call('post', '/signup', {})).status).toBe(400)
    expect((await payload.count({ collection: 'accounts', overrideAccess: true })).totalDocs).toBe(before)
  })
})
