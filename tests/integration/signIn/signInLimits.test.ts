/**
 * Issue 18: sign-in had only the per-account lockout, so anyone could spray passwords across
 * accounts. `POST /api/users/login` (what the admin's sign-in form posts to) and GraphQL's
 * loginUser are limited per client address and for all clients together, 429 with Retry-After;
 * the Local API is not. Staff sign in by email only. Through Payload's own REST and GraphQL
 * routing on a real Postgres, with the client address as cms/server.ts stamps it.
 * Counted under `sign-in` by `npm run test:security`.
 */
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CLIENT_ADDRESS_HEADER, markClientAddressStamped } from '../../../cms/throttle/clientAddressHeader'
import { createCheckCounter } from '../../support/checkCounter'
import { createTestPayload } from '../../support/testPayload'

const { checks, check } = createCheckCounter()
const EDITOR = { email: 'limited-editor@example.org', username: 'admin', password: 'the right password 123' }

let payload: Payload

async function login(address: string, body: Record<string, string>): Promise<Response> {
  const request = new Request('http://localhost/api/users/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: address },
    body: JSON.stringify(body),
  })
  return handleEndpoints({ config: payload.config, request })
}

beforeAll(async () => {
  // Per address 3 an hour, 8 an hour for everyone.
  payload = await createTestPayload('sign_in_limits', { SIGN_IN_RATE_PER_HOUR: '3', SIGN_IN_GLOBAL_RATE_PER_HOUR: '8' })
  markClientAddressStamped()
  await payload.create({ collection: 'users', data: { ...EDITOR, roles: ['editor'] }, overrideAccess: true })
})
afterAll(async () => {
  console.log(`sign-in: ${checks.run} checks, ${checks.failed} failed`)
  await payload?.destroy()
})

describe('sign-in limits', () => {
  it('count every GraphQL loginUser, aliased ones included, per address', async () => {
    // An address nobody has, so the editor's own lockout (5 wrong passwords) stays out of it.
    const attempt = (alias: string) => `${alias}: loginUser(email: "nobody@example.org", password: "wrong") { token }`
    const request = new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: '198.51.100.7' },
      body: JSON.stringify({ query: `mutation { ${['a', 'b', 'c', 'd'].map(attempt).join(' ')} }` }),
    })
    const body = (await (await GRAPHQL_POST(Promise.resolve(payload.config))(request)).json()) as { errors?: { message: string; path?: string[]; extensions?: { statusCode?: number } }[] }
    await check('the 4th loginUser of one address is refused with 429', () => {
      const refused = (body.errors ?? []).filter((error) => error.extensions?.statusCode === 429)
      expect(refused.map((error) => error.path?.[0])).toEqual(['d'])
      expect(refused[0]?.message).toMatch(/^Too many requests: signing in allows 3 requests an hour\. Try again in \d+ seconds?\.$/)
    })
  })

  it('refuse the 4th REST attempt of one address with 429 and Retry-After, even with the right password', async () => {
    for (let attempt = 1; attempt <= 3; attempt++) expect((await login('203.0.113.1', { email: EDITOR.email, password: 'wrong' })).status).toBe(401)
    const refused = await login('203.0.113.1', { email: EDITOR.email, password: EDITOR.password })
    await check('429 with Retry-After and the message', async () => {
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(refused.headers.get('cache-control')).toBe('no-store')
      const body = (await refused.json()) as { errors: { message: string }[]; token?: string }
      expect(body.errors[0]?.message).toMatch(/^Too many requests: signing in allows 3 requests an hour/)
      expect(body.token).toBeUndefined()
    })
  })

  it('limit all addresses together, so a spray from many addresses stops too', async () => {
    // 3 counted from GraphQL and 3 from the first address: 2 left for everyone.
    const other = await login('203.0.113.2', { email: EDITOR.email, password: EDITOR.password })
    await check('another address signs in', () => {
      expect(other.status).toBe(200)
    })
    expect((await login('203.0.113.3', { email: EDITOR.email, password: 'wrong' })).status).toBe(401)
    await check('past the global limit every address gets 429', async () => {
      const refused = await login('203.0.113.4', { email: EDITOR.email, password: EDITOR.password })
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    })
  })

  it('leave the Local API alone (seeding, scripts)', async () => {
    await check('Local API sign-ins are not counted', async () => {
      for (let attempt = 1; attempt <= 5; attempt++) expect((await payload.login({ collection: 'users', data: { email: EDITOR.email, password: EDITOR.password } })).token).toBeTruthy()
    })
  })
})

describe('signing in by username', () => {
  it('is refused: staff sign in by email (a username like admin is guessable)', async () => {
    await check('a username sign-in is 400 without a session', async () => {
      const response = await payload.login({ collection: 'users', data: { username: EDITOR.username, password: EDITOR.password } as never }).then(
        () => 'signed in',
        (error: unknown) => (error as { status?: number }).status,
      )
      expect(response).toBe(400)
    })
  })
})
