/**
 * Issue 18 over real HTTP, on a CMS of its own with the renderer exemption off
 * (REST_ANONYMOUS_EXEMPT_ADDRESSES=none, so this test's 127.0.0.1 is an ordinary anonymous client):
 * oversized bodies are 413s before anything reads them, GraphQL's throttle runs before its body is
 * parsed, and anonymous REST reads are capped and throttled.
 */
import { request as httpRequest } from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCheckCounter } from '../../support/checkCounter'
import { startDedicatedCms, type DedicatedCms } from '../../support/dedicatedCms'
import { adminToken, call } from '../../support/legacyApiClient'

const { checks, check } = createCheckCounter()
let cms: DedicatedCms
let token: string

beforeAll(async () => {
  cms = await startDedicatedCms('requestlimits', { REST_ANONYMOUS_EXEMPT_ADDRESSES: 'none', REST_ANONYMOUS_RATE_PER_MINUTE: '6', GRAPHQL_ANONYMOUS_RATE_PER_MINUTE: '2',
    // Cached answers are not counted by the limits (docs/cache.md): this test counts every request.
    CMS_RESPONSE_CACHE_MB: '0',
  })
  token = await adminToken(cms.url, cms.adminEmail, cms.adminPassword)
}, 900_000)

afterAll(async () => {
  await cms?.stop()
  console.log(`body limits: ${bodyChecks.run} checks, ${bodyChecks.failed} failed`)
  console.log(`anonymous read limits: ${checks.run} checks, ${checks.failed} failed`)
})

const bodyCounter = createCheckCounter()
const bodyChecks = bodyCounter.checks

/** Sends `total` bytes chunked (no Content-Length); resolves with the status once the server answers. */
function postChunked(path: string, total: number): Promise<{ status: number; text: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${cms.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' } })
    let sent = 0
    let answered = false
    outgoing.on('response', (response) => {
      answered = true
      let text = ''
      response.on('data', (chunk: Buffer) => (text += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text, sent }))
    })
    outgoing.on('error', (error) => (answered ? undefined : reject(error)))
    const chunk = Buffer.alloc(64 * 1024, ' ')
    const pump = () => {
      while (sent < total && !answered) {
        sent += chunk.length
        if (!outgoing.write(chunk)) return void outgoing.once('drain', pump)
      }
      if (!answered) outgoing.end()
    }
    pump()
  })
}

describe('request bodies', () => {
  it('answers 413 to a declared body over its family limit (GraphQL, REST, legacy API)', () =>
    bodyCounter.check('declared bodies over the limit', async () => {
      for (const [path, size] of [['/api/graphql', 300 * 1024], ['/api/pages', 3 * 1024 * 1024], ['/api/v1/downloads/release/', 300 * 1024]] as const) {
        const answer = await call(cms.url, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ' '.repeat(size) })
        expect(answer.status, `${path}: ${answer.text}`).toBe(413)
        expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
        expect(answer.text).toMatch(/may be at most \d+ bytes/)
      }
    }))

  it('cuts a chunked body off with a 413 at the limit', () =>
    bodyCounter.check('chunked body over the limit', async () => {
      const answer = await postChunked('/api/pages', 8 * 1024 * 1024)
      expect(answer.status).toBe(413)
      expect(answer.text).toContain('may be at most 2097152 bytes')
      expect((await call(cms.url, '/api/health')).status).toBe(200)
    }))

  it('throttles anonymous GraphQL before parsing the body', () =>
    bodyCounter.check('GraphQL throttle before parse', async () => {
      const graphql = (body: string) => call(cms.url, '/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      expect((await graphql('{not json')).status).toBe(400)
      expect((await graphql('{not json')).status).toBe(400)
      // Over the limit, a malformed body is not even parsed: the answer is the 429.
      expect((await graphql('{not json')).status).toBe(429)
    }))
})

describe('anonymous REST reads', () => {
  it('refuses the measured query and its parts with a 400 naming the limit, but not for staff', () =>
    check('caps', async () => {
      for (const query of ['limit=0&depth=3&joins[files][limit]=0', 'limit=500', 'pagination=false', 'depth=3', 'limit=5&joins[files][limit]=0']) {
        const answer = await call(cms.url, `/api/releases?${query}`)
        expect(answer.status, `${query}: ${answer.text}`).toBe(400)
        expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
        expect(answer.text).toMatch(/without signing in/)
      }
      const staff = await call(cms.url, '/api/releases?limit=0&depth=3&joins[files][limit]=0', { headers: { authorization: `JWT ${token}` } })
      expect(staff.status).toBe(200)
    }))

  it('throttles anonymous reads per address with a 429', () =>
    check('throttle', async () => {
      const statuses: number[] = []
      for (let index = 0; index < 8; index += 1) statuses.push((await call(cms.url, '/api/releases?limit=1')).status)
      expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200])
      expect(statuses.slice(6)).toEqual([429, 429])
      const refused = await call(cms.url, '/api/releases?limit=1')
      expect(refused.text).toMatch(/Too many requests: reading the API without signing in allows 6 requests a minute/)
      // The hook's 429 says when to come back, as every 429 must (RFC 9110).
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(refused.headers.get('cache-control')).toBe('no-store')
    }))
})
