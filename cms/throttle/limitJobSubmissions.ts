import { APIError, type CollectionBeforeOperationHook } from 'payload'

import type { RateLimiter } from '../../lib/throttle/RateLimiter'
import { accountOf } from '../../collections/Accounts/accountAccess'
import { clientAddressFrom } from './clientAddressHeader'
import { tooManyRequestsMessage } from './tooManyRequests'

/**
 * New job postings by visitors' accounts, limited per account and per client address (the site's
 * form counts per visitor too), before anything is read or written: the 429 stores nothing.
 * Staff and server code are not counted; edits are not new postings.
 */
export function limitJobSubmissions(limiter: RateLimiter): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    if (operation !== 'create') return args
    const account = accountOf(req)
    if (account === null) return args
    for (const key of [`account:${account.id}`, `address:${clientAddressFrom(req.headers)}`]) {
      const decision = await limiter.hit(key)
      if (!decision.allowed) throw new APIError(tooManyRequestsMessage('posting jobs', decision, 'hour'), 429, { retryAfterSeconds: decision.retryAfterSeconds }, true)
    }
    return args
  }
}
