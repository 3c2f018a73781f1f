/**
 * The sliding-window counter (as Cloudflare and nginx-style limiters use it): each key keeps
 * the count of the current fixed window and of the one before it, and the number of requests
 * "in the last window" is estimated as `previous x (the part of the previous window still inside
 * the last W ms) + current`. O(1) memory per key, never more than `limit` requests in any window
 * of W ms give or take the estimate, and the wait until the next allowed request can be worked
 * out exactly, which is what `Retry-After` needs.
 */

/** How many requests a key may make per window. */
export type RateRule = { readonly limit: number; readonly windowMs: number }

/** What is stored per key. */
export type WindowCounts = { readonly windowStart: number; readonly current: number; readonly previous: number }

export type ThrottleDecision =
  | { readonly allowed: true; readonly limit: number; readonly remaining: number }
  | { readonly allowed: false; readonly limit: number; readonly remaining: 0; readonly retryAfterSeconds: number }

/** The counts as they stand at `now`: a new window turns `current` into `previous`. */
export function rollWindow(counts: WindowCounts | undefined, now: number, windowMs: number): WindowCounts {
  const windowStart = Math.floor(now / windowMs) * windowMs
  if (counts === undefined) return { windowStart, current: 0, previous: 0 }
  if (counts.windowStart === windowStart) return counts
  if (counts.windowStart === windowStart - windowMs) return { windowStart, current: 0, previous: counts.current }
  return { windowStart, current: 0, previous: 0 }
}

/**
 * Whether one more request fits at `now`: `previous x (W - elapsed) / W + current + 1 <= limit`,
 * multiplied out by W so that it is exact in integers (ms), with no rounding at the boundary.
 */
export function fitsOneMore(counts: WindowCounts, now: number, rule: RateRule): boolean {
  const elapsed = now - counts.windowStart
  return counts.previous * (rule.windowMs - elapsed) + (counts.current + 1) * rule.windowMs <= rule.limit * rule.windowMs
}

/** The first ms `e` into a window at which `count x (W - e) <= room x W`: when `count` has faded enough. */
function fadedEnoughAt(count: number, room: number, windowMs: number): number {
  return Math.max(0, windowMs - Math.floor((room * windowMs) / count))
}

/** How long until one more request fits, in ms (0 when it fits now). */
export function waitBeforeNextRequest(counts: WindowCounts, now: number, rule: RateRule): number {
  const { limit, windowMs } = rule
  const elapsed = now - counts.windowStart
  const room = limit - 1 - counts.current
  if (room >= 0) {
    // Only the previous window's share has to shrink, within this window.
    if (counts.previous === 0) return 0
    return Math.max(0, fadedEnoughAt(counts.previous, room, windowMs) - elapsed)
  }
  // This window alone is full: wait for the next one, in which this window's count fades out.
  return windowMs - elapsed + fadedEnoughAt(counts.current, limit - 1, windowMs)
}

/**
 * Decides one request at `now` and returns the counts to store. A refused request is not
 * counted, so a client that keeps knocking is let in again as soon as its earlier requests
 * age out, and `Retry-After` is the true wait (whole seconds, at least 1).
 */
export function decide(stored: WindowCounts | undefined, at: number, rule: RateRule): { decision: ThrottleDecision; counts: WindowCounts } {
  const now = Math.floor(at)
  const counts = rollWindow(stored, now, rule.windowMs)
  if (fitsOneMore(counts, now, rule)) {
    const estimate = (counts.previous * (rule.windowMs - (now - counts.windowStart))) / rule.windowMs + counts.current
    return {
      decision: { allowed: true, limit: rule.limit, remaining: Math.max(0, Math.floor(rule.limit - estimate - 1)) },
      counts: { ...counts, current: counts.current + 1 },
    }
  }
  const waitMs = waitBeforeNextRequest(counts, now, rule)
  return {
    decision: { allowed: false, limit: rule.limit, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) },
    counts,
  }
}
