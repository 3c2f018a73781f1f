import type { ThrottleDecision } from '../../lib/throttle/slidingWindow'

export type Refusal = Extract<ThrottleDecision, { allowed: false }>

/** The headers of every 429: when to come back, and never from a cache. */
export function tooManyRequestsHeaders(refusal: Refusal): Record<string, string> {
  return {
    'Retry-After': String(refusal.retryAfterSeconds),
    'Cache-Control': 'no-store',
    'RateLimit-Limit': String(refusal.limit),
    'RateLimit-Remaining': '0',
  }
}

/** "60 requests a minute" / "600 requests an hour", for messages. */
export function describeLimit(refusal: Refusal, per: 'minute' | 'hour'): string {
  return `${refusal.limit} request${refusal.limit === 1 ? '' : 's'} ${per === 'hour' ? 'an hour' : 'a minute'}`
}

/** The sentence every 429 body carries. */
export function tooManyRequestsMessage(what: string, refusal: Refusal, per: 'minute' | 'hour'): string {
  return `Too many requests: ${what} allows ${describeLimit(refusal, per)}. Try again in ${refusal.retryAfterSeconds} second${refusal.retryAfterSeconds === 1 ? '' : 's'}.`
}
