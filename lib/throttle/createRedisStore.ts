import { Redis } from 'ioredis'

import { createMemoryStore, type ThrottleStore } from './RateLimiter'
import { decide, type RateRule, type WindowCounts } from './slidingWindow'

/**
 * The sliding window of slidingWindow.ts, kept in Redis so that every process that shares the
 * Redis (renderer workers, CMS replicas, machines) counts against one budget. One script per
 * request reads the key's counts, rolls them into the current window, checks
 * `previous x (W - elapsed) + (current + 1) x W <= limit x W` (the test of fitsOneMore, in whole
 * numbers, exact in Lua's doubles up to 2^53: a billion requests an hour is 3.6e15) and counts
 * the request only if it fits, atomically, so two processes cannot both take the last place.
 * It answers with the counts it found (rolled), from which `decide` works out the same decision,
 * `remaining` and `Retry-After` as the in-process store.
 *
 * Written by hand rather than taken from rate-limiter-flexible: that library's Redis limiters are
 * fixed windows that count refused requests too, which would change the limits' documented
 * behaviour (a client that keeps knocking would never get back in); the window itself is a
 * dozen lines of Lua.
 */
const SLIDING_WINDOW_SCRIPT = `
local now = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local windowStart = math.floor(now / windowMs) * windowMs
local stored = redis.call('HMGET', KEYS[1], 'start', 'current', 'previous')
local start = tonumber(stored[1])
local current = tonumber(stored[2]) or 0
local previous = tonumber(stored[3]) or 0
if start == nil or start < windowStart - windowMs then
  current = 0
  previous = 0
elseif start == windowStart - windowMs then
  previous = current
  current = 0
elseif start > windowStart then
  -- Another process's clock is ahead: count in its window rather than go back in time.
  windowStart = start
end
local elapsed = now - windowStart
if elapsed < 0 then elapsed = 0 end
if previous * (windowMs - elapsed) + (current + 1) * windowMs <= limit * windowMs then
  redis.call('HSET', KEYS[1], 'start', windowStart, 'current', current + 1, 'previous', previous)
  redis.call('PEXPIRE', KEYS[1], 2 * windowMs)
end
return {windowStart, current, previous}
`

/** Keys of the limits in Redis: `pydotorg:throttle:<limiter>:<key>`. */
export const THROTTLE_KEY_PREFIX = 'pydotorg:throttle:'

/** A Redis that does not answer within this is treated as down for this request. */
const COMMAND_TIMEOUT_MS = 500
/** After a failure, count in this process for this long before trying Redis again. */
const RETRY_REDIS_AFTER_MS = 5_000

export type RedisStoreOptions = {
  /** Told once per outage (and when Redis is back), so an outage does not flood the log. */
  readonly warn: (message: string) => void
  readonly now?: () => number
}

export type RedisThrottleStore = ThrottleStore & {
  /** Closes the connection (tests, shutdown). */
  close(): Promise<void>
}

/**
 * A store in the Redis at `redisUrl`. While Redis is unreachable (or slower than half a second)
 * requests are counted in this process instead (the in-process store: each process then counts
 * on its own, as without Redis), and Redis is tried again every few seconds: limits hold
 * loosely rather than stop the site or let everything through.
 *
 * The connection opens on the first request counted, so builds, migrations and scripts that
 * load the config never connect.
 */
export function createRedisStore(redisUrl: string, options: RedisStoreOptions): RedisThrottleStore {
  const fallback = createMemoryStore()
  const clock = options.now ?? Date.now
  let client: Redis | undefined
  let degradedUntil = 0
  let degraded = false

  const connect = () => {
    const redis = new Redis(redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    })
    // Failures reach the requests (and the warning below); this keeps ioredis from printing each
    // failed reconnection as an unhandled error event.
    redis.on('error', () => undefined)
    return redis
  }

  return {
    async hit(key, rule: RateRule, now) {
      if (clock() < degradedUntil) return fallback.hit(key, rule, now)
      client ??= connect()
      try {
        const reply = (await client.eval(SLIDING_WINDOW_SCRIPT, 1, `${THROTTLE_KEY_PREFIX}${key}`, Math.floor(now), rule.windowMs, rule.limit)) as [number, number, number]
        if (degraded) {
          degraded = false
          options.warn('Request limits: Redis answers again; counting there.')
        }
        const counts: WindowCounts = { windowStart: Number(reply[0]), current: Number(reply[1]), previous: Number(reply[2]) }
        return decide(counts, Math.max(now, counts.windowStart), rule).decision
      } catch (error) {
        degradedUntil = clock() + RETRY_REDIS_AFTER_MS
        if (!degraded) {
          degraded = true
          options.warn(`Request limits: Redis is unreachable (${error instanceof Error ? error.message : String(error)}); counting in this process until it answers again.`)
        }
        return fallback.hit(key, rule, now)
      }
    },
    async close() {
      const redis = client
      client = undefined
      if (redis !== undefined) await redis.quit().catch(() => redis.disconnect())
    },
  }
}
