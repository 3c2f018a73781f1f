import { decide, type RateRule, type ThrottleDecision, type WindowCounts } from './slidingWindow'

/** Counts requests per key and says whether one more is allowed. */
export interface RateLimiter {
  readonly name: string
  readonly rule: RateRule
  /** Counts one request of `key` if it is allowed; never counts a refused one. */
  hit(key: string): Promise<ThrottleDecision>
}

/** Where the counts live: this process (the default) or a store shared by several processes. */
export interface ThrottleStore {
  /** Decides and records one request of `key` atomically. */
  hit(key: string, rule: RateRule, now: number): Promise<ThrottleDecision>
}

/** More keys than this and the oldest are dropped: a flood of fresh addresses cannot exhaust memory. */
const MAX_KEYS = 100_000

/**
 * Counts in a Map of this process. With several processes (renderer workers, CMS replicas)
 * each one counts on its own, so a client may get up to N times the limit across N processes.
 */
export function createMemoryStore(): ThrottleStore {
  const entries = new Map<string, WindowCounts>()
  return {
    async hit(key, rule, now) {
      const { decision, counts } = decide(entries.get(key), now, rule)
      // Re-inserting keeps the Map ordered by last use, so the oldest entries come first.
      entries.delete(key)
      entries.set(key, counts)
      if (entries.size > MAX_KEYS) {
        // The least recently used keys go first; a key idle that long has little left to count.
        for (const oldKey of entries.keys()) {
          if (entries.size <= MAX_KEYS * 0.9) break
          entries.delete(oldKey)
        }
      }
      return decision
    },
  }
}

/** A limiter of `limit` requests per `windowMs` for each key. */
export function createRateLimiter(options: {
  name: string
  limit: number
  windowMs: number
  store?: ThrottleStore
  now?: () => number
}): RateLimiter {
  if (!Number.isInteger(options.limit) || options.limit < 1) throw new Error(`${options.name}: the limit must be a positive integer.`)
  if (!Number.isInteger(options.windowMs) || options.windowMs < 1000) throw new Error(`${options.name}: the window must be a whole number of ms, 1 s or more.`)
  const store = options.store ?? createMemoryStore()
  const now = options.now ?? Date.now
  const rule: RateRule = { limit: options.limit, windowMs: options.windowMs }
  return {
    name: options.name,
    rule,
    // The name keeps limiters apart in a shared store.
    hit: (key) => store.hit(`${options.name}:${key}`, rule, now()),
  }
}
