/**
 * Per-visitor limits on the account forms a stranger can post (sign-up, sign-in, the two
 * password-reset forms, the PSF membership forms), counted here in the renderer before the CMS is asked, on top of the
 * CMS's own per-visitor and per-account limits. One limiter per form, so a visitor who mistypes
 * a password a few times can still ask for a reset.
 */
import { addressBucket, clientAddressOf, type TrustedProxies } from '../../../lib/throttle/clientAddress';
import { createRateLimiter, type RateLimiter, type ThrottleStore } from '../../../lib/throttle/RateLimiter';
import type { Request } from 'express';

export type ThrottledAccountForm = 'signUp' | 'signIn' | 'passwordReset' | 'membership';

export interface AccountFormThrottle {
  readonly limiters: Readonly<Record<ThrottledAccountForm, RateLimiter>>;
  readonly trustedProxies: TrustedProxies;
}

/**
 * `perHour` posts of each form per visitor (an IPv6 visitor per /64): in `store` when given
 * (Redis, with REDIS_URL: one budget across every renderer), else per renderer process.
 */
export function accountFormThrottle(perHour: number, trustedProxies: TrustedProxies, store?: ThrottleStore): AccountFormThrottle {
  const limiter = (name: string) => createRateLimiter({ name, limit: perHour, windowMs: 60 * 60 * 1000, store });
  return {
    limiters: { signUp: limiter('account-sign-up'), signIn: limiter('account-sign-in'), passwordReset: limiter('account-password-reset'), membership: limiter('psf-membership') },
    trustedProxies,
  };
}

/** The visitor's address as TRUST_PROXY lets this renderer see it (the CMS limits per visitor with it). */
export function visitorAddressOf(req: Request, trustedProxies: TrustedProxies): string {
  return clientAddressOf(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies);
}

/** Counts one post; the seconds to wait when over the limit, else null. */
export async function overAccountFormLimit(throttle: AccountFormThrottle, form: ThrottledAccountForm, visitor: string): Promise<number | null> {
  const decision = await throttle.limiters[form].hit(addressBucket(visitor));
  return decision.allowed ? null : decision.retryAfterSeconds;
}
