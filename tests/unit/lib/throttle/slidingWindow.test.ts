import { describe, expect, it } from 'vitest'

import { createRateLimiter } from '../../../../lib/throttle/RateLimiter'
import { decide, type WindowCounts } from '../../../../lib/throttle/slidingWindow'

const HOUR = 60 * 60 * 1000

/** A limiter on a clock the test moves. */
function limiterAt(limit: number, windowMs: number, start: number) {
  let time = start
  const limiter = createRateLimiter({ name: 'test', limit, windowMs, now: () => time })
  return { limiter, advance: (ms: number) => (time += ms) }
}

describe('the sliding-window limiter', () => {
  it('allows `limit` requests in a window and refuses the next until enough of them have faded', async () => {
    // 10 minutes into an hour window, nothing counted before it.
    const { limiter } = limiterAt(600, HOUR, 10 * 60 * 1000)
    for (let i = 0; i < 600; i++) expect((await limiter.hit('key')).allowed).toBe(true)
    // The 50 minutes left of this window, then 6 s of the next, by when 1/600 of them has faded.
    expect(await limiter.hit('key')).toEqual({ allowed: false, limit: 600, remaining: 0, retryAfterSeconds: 50 * 60 + 6 })
  })

  it('counts remaining requests down', async () => {
    const { limiter } = limiterAt(3, 60_000, 0)
    expect(await limiter.hit('a')).toEqual({ allowed: true, limit: 3, remaining: 2 })
    expect(await limiter.hit('a')).toEqual({ allowed: true, limit: 3, remaining: 1 })
    expect(await limiter.hit('a')).toEqual({ allowed: true, limit: 3, remaining: 0 })
    expect((await limiter.hit('a')).allowed).toBe(false)
  })

  it('counts every key on its own', async () => {
    const { limiter } = limiterAt(1, 60_000, 0)
    expect((await limiter.hit('a')).allowed).toBe(true)
    expect((await limiter.hit('b')).allowed).toBe(true)
    expect((await limiter.hit('a')).allowed).toBe(false)
  })

  it('lets the previous window fade out: the Retry-After it gives is exactly when one more fits', async () => {
    const { limiter, advance } = limiterAt(10, 60_000, 0)
    for (let i = 0; i < 10; i++) await limiter.hit('k')
    // 15 s into the next window, 75% of the 10 still count: 7.5 + 1 > 10 is false, so 2 fit.
    advance(75_000)
    expect((await limiter.hit('k')).allowed).toBe(true)
    expect((await limiter.hit('k')).allowed).toBe(true)
    const refused = await limiter.hit('k')
    // 10 x (60 - e)/60 + 2 <= 9 when e >= 18 s: 3 s after now (15 s into the window).
    expect(refused).toEqual({ allowed: false, limit: 10, remaining: 0, retryAfterSeconds: 3 })
    advance(3_000)
    expect((await limiter.hit('k')).allowed).toBe(true)
  })

  it('does not count refused requests, so knocking does not push the wait further out', async () => {
    const { limiter, advance } = limiterAt(1, 60_000, 0)
    await limiter.hit('k')
    const first = await limiter.hit('k')
    for (let i = 0; i < 50; i++) expect(await limiter.hit('k')).toEqual(first)
    if (first.allowed) throw new Error('the second request should have been refused')
    advance(first.retryAfterSeconds * 1000)
    expect((await limiter.hit('k')).allowed).toBe(true)
  })

  it('forgets counts older than two windows', () => {
    const stale: WindowCounts = { windowStart: 0, current: 99, previous: 99 }
    expect(decide(stale, 3 * 60_000, { limit: 1, windowMs: 60_000 }).decision.allowed).toBe(true)
  })

  it('never answers a Retry-After below 1 second', () => {
    // One more fits 1 ms from now, when the previous window's 2 weigh no more than 1.
    const almost: WindowCounts = { windowStart: 0, current: 1, previous: 2 }
    const { decision } = decide(almost, 29_999, { limit: 3, windowMs: 60_000 })
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: 1 })
  })

  it('refuses a limit or window it cannot honour', () => {
    expect(() => createRateLimiter({ name: 'x', limit: 0, windowMs: 1000 })).toThrow(/positive integer/)
    expect(() => createRateLimiter({ name: 'x', limit: 1, windowMs: 10 })).toThrow(/1 s or more/)
  })
})
