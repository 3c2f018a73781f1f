/**
 * Per-client limits of the CMS (issue 6), on a CMS of their own started with small limits:
 * 429 with an integer Retry-After and a message, in each surface's own error shape; a refused
 * request writes nothing; the legacy API counts per API key, the rest per client address; the
 * address comes from the connection unless TRUST_PROXY names the proxy that forwarded it.
 */
import { randomUUID } from 'node:crypto'

import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startDedicatedCms, type DedicatedCms } from '../support/dedicatedCms'
import { adminToken, call, createApiUser, type ApiUser, type HttpAnswer } from '../support/legacyApiClient'
import { startTestRedis, type TestRedis } from '../support/testRedis'

const LIMITS = {
  LEGACY_API_RATE_PER_HOUR: '5',
  GRAPHQL_ANONYMOUS_RATE_PER_MINUTE: '3',
  SEARCH_RATE_PER_MINUTE: '3',
  STORY_SUBMISSIONS_PER_HOUR: '2',
  // Repeated identical anonymous reads are answered by the response cache without reaching the
  // limits (docs/cache.md); these tests count every request, so the cache is off here.
  CMS_RESPONSE_CACHE_MB: '0',
}
const V1 = '/api/v1/downloads'
const RELEASES_QUERY = JSON.stringify({ query: '{ Releases(limit: 1) { totalDocs } }' })

let cms: DedicatedCms
let token: string
let managerA: ApiUser
let managerB: ApiUser
let editor: ApiUser
/** 429s checked, for the figure `npm run test:security` collects. */
let refusalsChecked = 0

/** Asserts a 429 and returns the Retry-After it gave, checked against the message. */
function expectTooManyRequests(answer: HttpAnswer, windowSeconds: number, message: string): number {
  refusalsChecked += 1
  expect(answer.status, answer.text).toBe(429)
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
  expect(answer.headers.get('cache-control')).toBe('no-store')
  const retryAfter = answer.headers.get('retry-after') ?? ''
  expect(retryAfter).toMatch(/^[1-9]\d*$/)
  const seconds = Number(retryAfter)
  // The sliding window may ask for up to two windows (its own, then its count fading out).
  expect(seconds).toBeLessThanOrEqual(2 * windowSeconds)
  expect(answer.text).toContain(`${message} Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`)
  return seconds
}

function graphql(headers: Record<string, string> = {}, body = RELEASES_QUERY): Promise<HttpAnswer> {
  return call(cms.url, '/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
}

function legacy(path: string, user: ApiUser | null, init: RequestInit = {}): Promise<HttpAnswer> {
  const headers = { 'content-type': 'application/json', ...(user ? { authorization: user.authorization } : {}) }
  return call(cms.url, `${V1}${path}`, { ...init, headers })
}

async function totalDocs(path: string): Promise<number> {
  const answer = await call(cms.url, path, { headers: { authorization: `JWT ${token}` } })
  expect(answer.status, answer.text).toBe(200)
  return (answer.body as { totalDocs: number }).totalDocs
}

function storySubmission(name: string): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      companyName: 'Example Ltd',
      companyUrl: 'https://example.org/',
      categorySlug: 'arts',
      author: 'A. Author',
      authorEmail: 'author@example.org',
      pullQuote: 'Python works.',
      content: 'We use Python.',
    }),
  }
}

async function draftStoriesNamed(prefix: string): Promise<number> {
  return totalDocs(`/api/success-stories?draft=true&limit=0&where[name][like]=${encodeURIComponent(prefix)}`)
}

beforeAll(async () => {
  cms = await startDedicatedCms('throttle', LIMITS)
  token = await adminToken(cms.url, cms.adminEmail, cms.adminPassword)
  managerA = await createApiUser(cms.url, token, ['release-manager'], 'rm-a')
  managerB = await createApiUser(cms.url, token, ['release-manager'], 'rm-b')
  editor = await createApiUser(cms.url, token, ['editor'], 'editor')
}, 900_000)

afterAll(async () => {
  await cms?.stop()
  console.log(`throttles: ${refusalsChecked} refusals checked (429, Retry-After, message) on the legacy API per key, anonymous GraphQL, search and story submissions per address; refused writes stored nothing`)
})

describe('without TRUST_PROXY: the connection says who the client is', () => {
  it('limits the legacy API per API key, and guests and bad keys per address', async () => {
    for (let i = 0; i < 5; i++) expect((await legacy('/os/', managerA)).status).toBe(200)
    const refused = await legacy('/os/', managerA)
    expectTooManyRequests(refused, 3600, 'Too many requests: the downloads API allows 5 requests an hour.')
    expect(Object.keys(refused.body as object)).toEqual(['error_message'])

    // A refused write writes nothing.
    const name = `Python 3.66.${Date.now() % 1000}`
    const write = await legacy('/release/', managerA, { method: 'POST', body: JSON.stringify({ name, version: 3, is_published: false }) })
    expect(write.status).toBe(429)
    expect(await totalDocs(`/api/releases?limit=0&where[name][equals]=${encodeURIComponent(name)}`)).toBe(0)

    // Another key from the same address, and a guest, have budgets of their own.
    expect((await legacy('/os/', managerB)).status).toBe(200)
    expect((await legacy('/os/', null)).status).toBe(200)
    // Someone who knows A's username but not the key spends the address's budget, not A's...
    const guessed: ApiUser = { ...managerA, authorization: `ApiKey ${managerA.username}:${randomUUID()}` }
    for (let i = 0; i < 4; i++) expect((await legacy('/os/', guessed)).status).toBe(401)
    // ...which is now spent too.
    expectTooManyRequests(await legacy('/os/', guessed), 3600, 'Too many requests: the downloads API allows 5 requests an hour.')
    expectTooManyRequests(await legacy('/os/', null), 3600, 'Too many requests: the downloads API allows 5 requests an hour.')
    expect((await legacy('/os/', managerB)).status).toBe(200)
  })

  it('limits anonymous GraphQL per address, whatever forwarding headers a client invents', async () => {
    for (let i = 0; i < 3; i++) expect((await graphql()).status).toBe(200)
    const message = 'Too many requests: GraphQL without signing in allows 3 requests a minute.'
    const refused = await graphql()
    const seconds = expectTooManyRequests(refused, 60, message)
    expect(refused.body).toEqual({ errors: [{ message: `${message} Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: seconds } }] })
    expect((await graphql({ 'x-forwarded-for': '203.0.113.77' })).status).toBe(429)
    expect((await graphql({ 'x-pydotorg-client-address': '203.0.113.78' })).status).toBe(429)
    // Credentials that do not check out count as anonymous.
    expect((await graphql({ authorization: 'JWT not-a-token' })).status).toBe(429)
    // A refused mutation writes nothing (it would be refused anyway; the limit answers first).
    const path = `/throttled-${randomUUID().slice(0, 8)}/`
    const mutation = JSON.stringify({ query: `mutation { createPage(data: { title: "T", path: "${path}" }) { id } }` })
    expect((await graphql({}, mutation)).status).toBe(429)
    expect(await totalDocs(`/api/pages?draft=true&limit=0&where[path][equals]=${encodeURIComponent(path)}`)).toBe(0)
  })

  it('does not limit signed-in staff on GraphQL, by session or API key', async () => {
    // Past the anonymous limit of this address (the test before), 5 times each.
    for (let i = 0; i < 5; i++) {
      expect((await graphql({ authorization: `JWT ${token}` })).status).toBe(200)
      expect((await graphql({ authorization: `users API-Key ${editor.apiKey}` })).status).toBe(200)
    }
  })

  it('limits search per address', async () => {
    for (let i = 0; i < 3; i++) expect((await call(cms.url, `/api/search?q=python&page=1&n=${i}`)).status).toBe(200)
    const refused = await call(cms.url, '/api/search?q=python')
    const seconds = expectTooManyRequests(refused, 60, 'Too many requests: search allows 3 requests a minute.')
    expect(refused.body).toEqual({ errors: [{ message: `Too many requests: search allows 3 requests a minute. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.` }] })
  })

  it('limits story submissions per address, and a refused one stores no draft', async () => {
    const prefix = `Throttled story ${randomUUID().slice(0, 8)}`
    expect((await call(cms.url, '/api/success-stories/submit', storySubmission(`${prefix} 1`))).status).toBe(201)
    expect((await call(cms.url, '/api/success-stories/submit', storySubmission(`${prefix} 2`))).status).toBe(201)
    const refused = await call(cms.url, '/api/success-stories/submit', storySubmission(`${prefix} 3`))
    const seconds = expectTooManyRequests(refused, 3600, 'Too many requests: the success-story form allows 2 requests an hour.')
    expect(refused.body).toEqual({ errors: { body: `Too many requests: the success-story form allows 2 requests an hour. Try again in ${seconds} seconds.` } })
    expect(await draftStoriesNamed(prefix)).toBe(2)
  })
})

describe('with TRUST_PROXY=loopback: the proxy (or the site) on loopback says who the client is', () => {
  beforeAll(async () => {
    await cms.restart({ ...LIMITS, TRUST_PROXY: 'loopback' })
  }, 300_000)

  it('counts each forwarded client on its own, from the right of X-Forwarded-For', async () => {
    const as = (chain: string, extra: Record<string, string> = {}) => graphql({ 'x-forwarded-for': chain, ...extra })
    for (let i = 0; i < 3; i++) expect((await as('203.0.113.1')).status).toBe(200)
    expect((await as('203.0.113.1')).status).toBe(429)
    // The client invented the left part; the proxy appended the address it saw.
    expect((await as('198.51.100.50, 203.0.113.1')).status).toBe(429)
    // Our own header cannot be sent from outside: the server replaces it.
    expect((await as('203.0.113.1', { 'x-pydotorg-client-address': '198.51.100.51' })).status).toBe(429)
    expect((await as('203.0.113.2')).status).toBe(200)
    // Without the header, the proxy's own address is the client.
    expect((await graphql()).status).toBe(200)
  })

  it("counts the site's story submissions per visitor the site names", async () => {
    const prefix = `Forwarded story ${randomUUID().slice(0, 8)}`
    const from = (visitor: string, n: number) => {
      const init = storySubmission(`${prefix} ${n}`)
      return call(cms.url, '/api/success-stories/submit', { ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': visitor } })
    }
    expect((await from('203.0.113.10', 1)).status).toBe(201)
    expect((await from('203.0.113.10', 2)).status).toBe(201)
    expect((await from('203.0.113.10', 3)).status).toBe(429)
    expect((await from('203.0.113.11', 4)).status).toBe(201)
    expect(await draftStoriesNamed(prefix)).toBe(3)
  })
})

describe('with REDIS_URL: one budget for every CMS process (issue 10)', () => {
  let redis: TestRedis | undefined
  let inspector: Redis | undefined
  let env: Record<string, string>

  beforeAll(async () => {
    redis = await startTestRedis()
    inspector = new Redis(redis.url)
    env = { ...LIMITS, TRUST_PROXY: 'loopback', REDIS_URL: redis.url }
    await cms.restart(env)
  }, 300_000)

  afterAll(async () => {
    inspector?.disconnect()
    await redis?.dispose()
  })

  function submitFrom(visitor: string, name: string): Promise<HttpAnswer> {
    const init = storySubmission(name)
    return call(cms.url, '/api/success-stories/submit', { ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': visitor } })
  }

  it('keeps the counts in Redis: another CMS process (here, the restarted one) goes on from them', async () => {
    const prefix = `Redis story ${randomUUID().slice(0, 8)}`
    expect((await submitFrom('203.0.113.30', `${prefix} 1`)).status).toBe(201)
    expect((await submitFrom('203.0.113.30', `${prefix} 2`)).status).toBe(201)
    expect(await inspector!.exists('pydotorg:throttle:story-submissions:address:203.0.113.30')).toBe(1)
    // A process of its own, with nothing in memory: in-process counting would let two more in.
    await cms.restart(env)
    expectTooManyRequests(await submitFrom('203.0.113.30', `${prefix} 3`), 3600, 'Too many requests: the success-story form allows 2 requests an hour.')
    expect((await submitFrom('203.0.113.31', `${prefix} 4`)).status).toBe(201)
    expect(await draftStoriesNamed(prefix)).toBe(3)
  }, 300_000)

  it('counts an IPv6 client per /64', async () => {
    const prefix = `IPv6 story ${randomUUID().slice(0, 8)}`
    expect((await submitFrom('2001:db8:5:6::1', `${prefix} 1`)).status).toBe(201)
    expect((await submitFrom('2001:db8:5:6::2', `${prefix} 2`)).status).toBe(201)
    expectTooManyRequests(await submitFrom('2001:db8:5:6:ffff:1:2:3', `${prefix} 3`), 3600, 'Too many requests: the success-story form allows 2 requests an hour.')
    expect((await submitFrom('2001:db8:5:7::1', `${prefix} 4`)).status).toBe(201)
    expect(await inspector!.exists('pydotorg:throttle:story-submissions:address:2001:db8:5:6::/64')).toBe(1)
  })
})
