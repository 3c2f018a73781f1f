import type { Endpoint, PayloadRequest } from 'payload'

import type { RateLimiter } from '../../lib/throttle/RateLimiter'
import type { Refusal } from './tooManyRequests'

/** How one endpoint is limited: what a request counts against, and its 429 in the endpoint's own shape. */
export type EndpointThrottle = {
  limiter: RateLimiter
  keyOf(req: PayloadRequest): Promise<string> | string
  refuse(refusal: Refusal, req: PayloadRequest): Response
}

/**
 * The endpoint, counted before its handler runs: a refused request is answered 429 without
 * reading its body or touching the database, so it writes nothing.
 */
export function throttleEndpoint(endpoint: Endpoint, throttle: EndpointThrottle): Endpoint {
  return {
    ...endpoint,
    handler: async (req) => {
      const decision = await throttle.limiter.hit(await throttle.keyOf(req))
      if (!decision.allowed) return throttle.refuse(decision, req)
      return endpoint.handler(req)
    },
  }
}
