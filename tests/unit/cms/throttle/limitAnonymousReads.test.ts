import { APIError } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createRateLimiter } from '../../../../lib/throttle/RateLimiter'
import { parseThrottleEnv } from '../../../../cms/config/throttleEnv'
import { anonymousReadProblem } from '../../../../cms/requestGuards/anonymousReadProblem'
import { CLIENT_ADDRESS_HEADER, markClientAddressStamped } from '../../../../cms/throttle/clientAddressHeader'
import { limitAnonymousReads, RENDERER_KEY_HEADER } from '../../../../cms/throttle/limitAnonymousReads'
import { rendererKeyHeader } from '../../../../web/src/cms/client'
import { createCheckCounter } from '../../../support/checkCounter'

/**
 * Issue 18, anonymous REST reads: `GET /api/releases?limit=0&depth=3&joins[files][limit]=0` read
 * everything for anyone. The hook sits first among every collection's beforeOperation hooks
 * (withCmsThrottles); here it gets the arguments Payload's REST find parses from such queries.
 */
const { checks, check } = createCheckCounter()

beforeAll(() => markClientAddressStamped())
afterAll(() => {
  console.log(`anonymous read limits: ${checks.run} checks, ${checks.failed} failed`)
})

type Hook = ReturnType<typeof limitAnonymousReads>

function read(hook: Hook, args: Record<string, unknown>, who: { address?: string; user?: object | null; api?: string; rendererKey?: string; method?: string; route?: string } = {}) {
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: who.address ?? '203.0.113.7', ...(who.rendererKey ? { [RENDERER_KEY_HEADER]: who.rendererKey } : {}) })
  const req = { payloadAPI: who.api ?? 'REST', method: who.method ?? 'GET', user: who.user ?? null, headers, routeParams: { collection: who.route ?? 'releases' } }
  return (hook as unknown as (input: object) => Promise<unknown>)({ args: { ...args, req }, operation: 'read', req, collection: { slug: 'releases' }, context: {} })
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string } | null> {
  try {
    await promise
    return null
  } catch (error) {
    if (!(error instanceof APIError)) throw error
    return { status: error.status, message: error.message }
  }
}

const env = parseThrottleEnv({})
const hookWith = (limit = 1000) => limitAnonymousReads(createRateLimiter({ name: 'rest-test', limit, windowMs: 60_000 }), env.restAnonymousExemptAddresses)

describe('anonymous REST reads are bounded', () => {
  it.each([
    ['limit=0', { limit: 0 }, /limit must be between 1 and 100/],
    ['limit=101', { limit: 101 }, /limit must be between 1 and 100/],
    ['pagination=false', { pagination: false }, /pagination=false is refused without signing in/],
    ['depth=3', { depth: 3 }, /depth must be between 0 and 2/],
    ['joins[files][limit]=0', { joins: { files: { limit: 0 } } }, /joins\[files\]\[limit\] must be between 1 and 100/],
    ['the measured query', { limit: 0, depth: 3, joins: { files: { limit: 0 } } }, /limit must be/],
  ])('refuses %s with a 400 naming the limit', (name, args, message) =>
    check(`refuses ${name}`, async () => {
      const refused = await refusal(read(hookWith(), args))
      expect(refused?.status).toBe(400)
      expect(refused?.message).toMatch(message)
    }))

  it('lets reads within the limits through', () =>
    check('within limits', async () => {
      for (const args of [{}, { limit: 100, depth: 2, pagination: true }, { limit: 10, joins: { files: { limit: 100 } } }, { joins: false }]) {
        expect(await refusal(read(hookWith(), args))).toBeNull()
      }
      expect(anonymousReadProblem({ limit: 10, depth: 1 })).toBeNull()
    }))

  it('does not limit signed-in callers, the Local API or the renderer (an exempt address)', () =>
    check('exempt callers', async () => {
      const everything = { limit: 0, pagination: false, depth: 5, joins: { files: { limit: 0 } } }
      expect(await refusal(read(hookWith(), everything, { user: { id: 1 } }))).toBeNull()
      expect(await refusal(read(hookWith(), everything, { api: 'local' }))).toBeNull()
      expect(await refusal(read(hookWith(), everything, { address: '127.0.0.1' }))).toBeNull()
      expect(await refusal(read(hookWith(), everything, { address: '::1' }))).toBeNull()
      const none = limitAnonymousReads(createRateLimiter({ name: 'rest-none', limit: 10, windowMs: 60_000 }), parseThrottleEnv({ REST_ANONYMOUS_EXEMPT_ADDRESSES: 'none' }).restAnonymousExemptAddresses)
      expect((await refusal(read(none, everything, { address: '127.0.0.1' })))?.status).toBe(400)
      expect((await refusal(read(hookWith(), everything, { address: 'unplaced' })))?.status).toBe(400)
      // A renderer on another host (docker-compose's replicas) sends the secret it shares with the CMS.
      expect(rendererKeyHeader).toBe(RENDERER_KEY_HEADER)
      const keyed = limitAnonymousReads(createRateLimiter({ name: 'rest-key', limit: 1, windowMs: 60_000 }), env.restAnonymousExemptAddresses, 'the-shared-purge-secret-0123')
      for (let index = 0; index < 3; index += 1) expect(await refusal(read(keyed, everything, { rendererKey: 'the-shared-purge-secret-0123' }))).toBeNull()
      expect((await refusal(read(keyed, everything, { rendererKey: 'a-guess' })))?.status).toBe(400)
    }))

  it('checks and counts only the request\'s first read, not the reads that populate its relations', () =>
    check('populating reads', async () => {
      const hook = hookWith(1)
      const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: '192.0.2.44' })
      const req = { payloadAPI: 'REST', method: 'GET', user: null, headers, routeParams: { collection: 'releases' } }
      const run = (args: object) => (hook as unknown as (input: object) => Promise<unknown>)({ args: { ...args, req }, operation: 'read', req, collection: { slug: 'releases' }, context: {} })
      expect(await refusal(run({ limit: 10 }))).toBeNull()
      expect(await refusal(run({ pagination: false, limit: 0 }))).toBeNull()
      // The data loader's reads, on a copy of the request, say how deep they are.
      expect(await refusal(read(hook, { pagination: false, currentDepth: 1 }, { address: '192.0.2.44' }))).toBeNull()
      // A sign-in (POST) looks its user up with a read: not counted.
      expect(await refusal(read(hook, { limit: 1 }, { address: '192.0.2.44', method: 'POST' }))).toBeNull()
      // A root endpoint (the health check) or another collection's route reading this one: not counted.
      expect(await refusal(read(hook, { limit: 1 }, { address: '192.0.2.44', route: 'files' }))).toBeNull()
    }))

  it('throttles anonymous reads per address with a 429, like GraphQL', () =>
    check('throttle', async () => {
      const hook = hookWith(3)
      for (let index = 0; index < 3; index += 1) expect(await refusal(read(hook, { limit: 10 }))).toBeNull()
      const refused = await refusal(read(hook, { limit: 10 }))
      expect(refused?.status).toBe(429)
      expect(refused?.message).toMatch(/Too many requests: reading the API without signing in allows 3 requests a minute/)
      expect(await refusal(read(hook, { limit: 10 }, { address: '198.51.100.9' }))).toBeNull()
      for (let index = 0; index < 10; index += 1) expect(await refusal(read(hook, { limit: 10 }, { address: '127.0.0.1' }))).toBeNull()
    }))

  it('reads REST_ANONYMOUS_RATE_PER_MINUTE (default 300) and REST_ANONYMOUS_EXEMPT_ADDRESSES (default loopback)', () =>
    check('config', () => {
      expect(env.restAnonymousPerMinute).toBe(300)
      expect(env.restAnonymousExemptAddresses).toMatchObject({ kind: 'addresses', description: 'loopback' })
      expect(parseThrottleEnv({ REST_ANONYMOUS_RATE_PER_MINUTE: '20' }).restAnonymousPerMinute).toBe(20)
      expect(() => parseThrottleEnv({ REST_ANONYMOUS_EXEMPT_ADDRESSES: '1' })).toThrow(/REST_ANONYMOUS_EXEMPT_ADDRESSES/)
    }))
})
