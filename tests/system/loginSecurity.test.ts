/**
 * Signing in to the CMS (issue 6): after 5 wrong passwords an account is locked for 10 minutes,
 * even against the right password, until it runs out or an admin unlocks it; the session cookie
 * is HttpOnly and SameSite=Lax, and Secure once the site or the admin is served over https.
 * Issue 18: sign-in is by email only, and limited per client address and overall (429, Retry-After).
 * Real logins against a CMS of its own (the shared one must not get locked accounts).
 */
import { randomUUID } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startDedicatedCms, type DedicatedCms } from '../support/dedicatedCms'
import { adminToken, call, type HttpAnswer } from '../support/legacyApiClient'

const WRONG_PASSWORD = { errors: [{ message: 'The email or password provided is incorrect.' }] }
const LOCKED = { errors: [{ message: 'This user is locked due to having too many failed login attempts.' }] }

let cms: DedicatedCms
let token: string

function login(identity: { email?: string; username?: string }, password: string): Promise<HttpAnswer> {
  return call(cms.url, '/api/users/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...identity, password }) })
}

async function createEditor(): Promise<{ email: string; username: string; password: string }> {
  return createEditorAs(token)
}

async function createEditorAs(adminJwt: string): Promise<{ email: string; username: string; password: string }> {
  const username = `editor-${randomUUID().slice(0, 8)}`
  const person = { email: `${username}@example.org`, username, password: `pw-${randomUUID()}` }
  const created = await call(cms.url, '/api/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${adminJwt}` },
    body: JSON.stringify({ ...person, roles: ['editor'] }),
  })
  expect(created.status, created.text).toBe(201)
  return person
}

/** The session cookie's attributes, by lower-cased name (`httponly`, `samesite`, `secure`, ...). */
function sessionCookie(answer: HttpAnswer): { value: string; attributes: Map<string, string> } {
  const cookies = answer.headers.getSetCookie().filter((cookie) => cookie.startsWith('payload-token='))
  expect(cookies, answer.headers.getSetCookie().join('\n')).toHaveLength(1)
  const [pair, ...attributes] = cookies[0].split(';').map((part) => part.trim())
  return {
    value: pair.slice('payload-token='.length),
    attributes: new Map(attributes.map((attribute) => {
      const [name, ...rest] = attribute.split('=')
      return [name.toLowerCase(), rest.join('=')] as const
    })),
  }
}

beforeAll(async () => {
  cms = await startDedicatedCms('login', {})
  token = await adminToken(cms.url, cms.adminEmail, cms.adminPassword)
}, 900_000)

afterAll(async () => {
  await cms?.stop()
})

describe('the lockout after wrong passwords', () => {
  it('refuses the 6th attempt with the lockout message even with the right password, until an admin unlocks', async () => {
    const editor = await createEditor()
    const answers: HttpAnswer[] = []
    for (let attempt = 1; attempt <= 5; attempt++) answers.push(await login({ email: editor.email }, 'not the password'))
    // Wrong passwords are 401s with the same message (which accounts exist is not given away);
    // the 5th locks the account.
    expect(answers.map((answer) => [answer.status, answer.body])).toEqual(Array.from({ length: 5 }, () => [401, WRONG_PASSWORD]))

    const sixth = await login({ email: editor.email }, editor.password)
    expect(sixth.status).toBe(401)
    expect(sixth.headers.get('content-type')).toMatch(/^application\/json/)
    expect(sixth.body).toEqual(LOCKED)
    expect(sixth.headers.getSetCookie().some((cookie) => cookie.startsWith('payload-token=') && !cookie.startsWith('payload-token=;'))).toBe(false)
    // The username does not sign in at all (issue 18): it cannot be used to lock the account either.
    expect((await login({ username: editor.username }, editor.password)).status).toBe(400)

    // An editor may not lift it; an admin may.
    const otherEditor = await createEditor()
    const otherToken = (await login({ email: otherEditor.email }, otherEditor.password).then((answer) => answer.body as { token: string })).token
    const byEditor = await call(cms.url, '/api/users/unlock', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${otherToken}` },
      body: JSON.stringify({ email: editor.email }),
    })
    expect(byEditor.status).toBe(403)
    expect((await login({ email: editor.email }, editor.password)).body).toEqual(LOCKED)
    const byAdmin = await call(cms.url, '/api/users/unlock', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ email: editor.email }),
    })
    expect(byAdmin.status, byAdmin.text).toBe(200)
    expect((await login({ email: editor.email }, editor.password)).status).toBe(200)
    console.log('login: 5 wrong passwords lock the account; the 6th attempt, right password, gets 401 and the lockout message; only an admin unlocks')
  })

  it('starts the count again after a successful sign-in', async () => {
    const editor = await createEditor()
    for (let attempt = 1; attempt <= 4; attempt++) expect((await login({ email: editor.email }, 'wrong')).status).toBe(401)
    expect((await login({ email: editor.email }, editor.password)).status).toBe(200)
    for (let attempt = 1; attempt <= 4; attempt++) expect((await login({ email: editor.email }, 'wrong')).body).toEqual(WRONG_PASSWORD)
    expect((await login({ email: editor.email }, editor.password)).status).toBe(200)
  })
})

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Lax, and not Secure while the site and the admin are http', async () => {
    const answer = await login({ email: cms.adminEmail }, cms.adminPassword)
    expect(answer.status).toBe(200)
    const cookie = sessionCookie(answer)
    expect(cookie.value).toBe((answer.body as { token: string }).token)
    expect(cookie.attributes.has('httponly')).toBe(true)
    expect(cookie.attributes.get('samesite')).toBe('Lax')
    expect(cookie.attributes.get('path')).toBe('/')
    expect(cookie.attributes.has('secure')).toBe(false)
    expect(cookie.attributes.has('domain')).toBe(false)
  })

  it('is Secure too once SITE_URL and CMS_PUBLIC_URL are https, and so is the cookie that ends the session', async () => {
    await cms.restart({ SITE_URL: 'https://www.python.test', CMS_PUBLIC_URL: 'https://cms.python.test' })
    const answer = await login({ email: cms.adminEmail }, cms.adminPassword)
    expect(answer.status).toBe(200)
    const cookie = sessionCookie(answer)
    expect(cookie.attributes.has('secure')).toBe(true)
    expect(cookie.attributes.has('httponly')).toBe(true)
    expect(cookie.attributes.get('samesite')).toBe('Lax')

    const logout = await call(cms.url, '/api/users/logout', { method: 'POST', headers: { authorization: `JWT ${cookie.value}` } })
    expect(logout.status, logout.text).toBe(200)
    const ended = sessionCookie(logout)
    expect(ended.value).toBe('')
    expect(ended.attributes.has('secure')).toBe(true)
    expect(ended.attributes.has('httponly')).toBe(true)
    console.log('login: session cookie HttpOnly and SameSite=Lax; Secure when SITE_URL or CMS_PUBLIC_URL is https')
  })
})

describe('the sign-in limits over HTTP', () => {
  it('answers the attempt past SIGN_IN_RATE_PER_HOUR from one address 429 with Retry-After, the right password included', async () => {
    await cms.restart({ SIGN_IN_RATE_PER_HOUR: '4', SIGN_IN_GLOBAL_RATE_PER_HOUR: '1000' })
    const editor = await createEditorAs(await adminToken(cms.url, cms.adminEmail, cms.adminPassword))
    for (let attempt = 1; attempt <= 3; attempt++) expect((await login({ email: editor.email }, 'wrong')).status).toBe(401)
    const refused = await login({ email: editor.email }, editor.password)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((refused.body as { errors: { message: string }[] }).errors[0]?.message).toMatch(/^Too many requests: signing in allows 4 requests an hour/)
    expect(refused.headers.getSetCookie().some((cookie) => cookie.startsWith('payload-token=') && !cookie.startsWith('payload-token=;'))).toBe(false)
    console.log('login: the 5th sign-in of an address in an hour (limit 4) gets 429 with Retry-After; sign-in by username is refused')
  })
})
