import type { RateLimiter } from '../../lib/throttle/RateLimiter'

/** The key every sign-in counts against in the global limiter. */
const EVERYONE = 'everyone'

/**
 * Sign-in attempts are limited twice (issue 18: only the per-account lockout existed, so anyone
 * could spray passwords across accounts): per client address, then all clients together, so a
 * spray from many addresses is slowed too. The address is counted first, so one client cannot
 * spend the budget everyone shares; its refusals never reach the global count. Both are limiters
 * of lib/throttle, used through their public `hit`, whatever store they count in.
 */
export function signInLimiter(perAddress: RateLimiter, global: RateLimiter): RateLimiter {
  return {
    name: perAddress.name,
    rule: perAddress.rule,
    async hit(key) {
      const own = await perAddress.hit(key)
      if (!own.allowed) return own
      return global.hit(EVERYONE)
    },
  }
}
