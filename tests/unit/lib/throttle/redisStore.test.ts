/**
 * The request limits in a real redis-server: several processes (here, several stores, each with
 * its own connection, as each renderer worker or CMS replica has) share one budget, decide
 * exactly as the in-process store does, and fall back to counting in-process while Redis is down.
 */
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { createRedisStore, THROTTLE_KEY_PREFIX, type RedisThrottleStore } from '../../../../lib/throttle/createRedisStore'
import { createMemoryStore, createRateLimiter } from '../../../../lib/throttle/RateLimiter'
import type { ThrottleDecision } from '../../../../lib/throttle/slidingWindow'
import { startTestRedis, type TestRedis } from '../../../support/testRedis'

const MINUTE = 60_000

let redis: TestRedis
let inspector: Redis
const stores: RedisThrottleStore[] = []
let nextName = 0

function store(warnings: string[] = [], now?: () => number): RedisThrottleStore {
  const created = createRedisStore(redis.url, { warn: (message) => warnings.push(message), now })
  stores.push(created)
  return created
}

beforeAll(async () => {
  redis = await startTestRedis()
  inspector = new Redis(redis.url)
  inspector.on('error', () => undefined)
}, 30_000)

afterEach(async () => {
  await Promise.all(stores.splice(0).map((created) => created.close()))
})

afterAll(async () => {
  inspector?.disconnect()
  await redis?.dispose()
})

describe('the Redis store of the request limits', () => {
  it('makes several processes enforce one budget', async () => {
    const name = `shared-${nextName++}`
    let time = 10 * MINUTE + 5_000
    const processes = [store(), store(), store()].map((shared) => createRateLimiter({ name, limit: 5, windowMs: MINUTE, store: shared, now: () => time }))
    const decisions: ThrottleDecision[] = []
    for (let request = 0; request < 8; request += 1) decisions.push(await processes[request % 3].hit('address:203.0.113.9'))
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, true, true, false, false, false])
    // Another client has a budget of its own.
    expect((await processes[0].hit('address:198.51.100.7')).allowed).toBe(true)
    // The key lives in Redis, and expires with its windows.
    const ttl = await inspector.pttl(`${THROTTLE_KEY_PREFIX}${name}:address:203.0.113.9`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(2 * MINUTE)
    // A window later, the earlier requests have faded enough for some more.
    time += MINUTE + 15_000
    expect((await processes[1].hit('address:203.0.113.9')).allowed).toBe(true)
  })

  it('decides exactly as the in-process store, refused requests not counted, Retry-After included', async () => {
    const name = `same-${nextName++}`
    let time = 3 * MINUTE + 20_000
    const inRedis = createRateLimiter({ name, limit: 4, windowMs: MINUTE, store: store(), now: () => time })
    const inMemory = createRateLimiter({ name, limit: 4, windowMs: MINUTE, store: createMemoryStore(), now: () => time })
    for (const step of [0, 1_000, 1_000, 30_000, 1_000, 1_000, 9_000, 20_000, 500, 500, 45_000, 1_000, 61_000, 1_000]) {
      time += step
      expect(await inRedis.hit('client')).toEqual(await inMemory.hit('client'))
    }
  })

  it('counts in this process while Redis is down, says so once, and goes back to Redis when it is up', async () => {
    const warnings: string[] = []
    const name = `outage-${nextName++}`
    let storeTime = Date.now()
    const limiter = createRateLimiter({ name, limit: 2, windowMs: MINUTE, store: store(warnings, () => storeTime) })
    expect((await limiter.hit('client')).allowed).toBe(true)
    await redis.stop()
    try {
      const started = Date.now()
      // Still limited (in this process), answered without waiting for Redis each time.
      const during = [await limiter.hit('client'), await limiter.hit('client'), await limiter.hit('client')]
      expect(during.map((decision) => decision.allowed)).toEqual([true, true, false])
      expect(Date.now() - started).toBeLessThan(3_000)
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/^Request limits: Redis is unreachable \(.+\); counting in this process until it answers again\.$/)
    } finally {
      await redis.start()
    }
    // Redis is tried again a few seconds later (and again, until ioredis has reconnected).
    const deadline = Date.now() + 15_000
    while (!warnings.includes('Request limits: Redis answers again; counting there.') && Date.now() < deadline) {
      storeTime += 6_000
      await limiter.hit('another client')
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    expect(warnings.filter((warning) => warning.startsWith('Request limits: Redis is unreachable'))).toHaveLength(1)
    expect(warnings).toContain('Request limits: Redis answers again; counting there.')
    // Back in Redis: the restarted server (no persistence) starts from zero for this client.
    expect(await inspector.exists(`${THROTTLE_KEY_PREFIX}${name}:another client`)).toBe(1)
  }, 30_000)
})
