import { createHash, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'

import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { trustsProxy, type TrustedProxies } from '../../lib/throttle/clientAddress'
import type { RateLimiter } from '../../lib/throttle/RateLimiter'
import { anonymousReadProblem } from '../requestGuards/anonymousReadProblem'
import { clientAddressFrom, exactClientAddressFrom } from './clientAddressHeader'
import { tooManyRequestsMessage } from './tooManyRequests'

/**
 * Anonymous REST reads (issue 18): each is held to the limits of anonymousReadProblem (a 400) and
 * counted per client address like anonymous GraphQL (a 429 past REST_ANONYMOUS_RATE_PER_MINUTE),
 * first among a collection's beforeOperation hooks, so nothing is queried for a refused read.
 * The site's renderer is an anonymous caller too and reads whole lists (limit 1000/5000): it is
 * exempt when it sends the secret it shares with the CMS (PURGE_SECRET, in X-Pydotorg-Renderer-Key;
 * renderers on other hosts, docker-compose's replicas) or by its address,
 * REST_ANONYMOUS_EXEMPT_ADDRESSES (default loopback; the client address as cms/server.ts worked it
 * out through TRUST_PROXY, so a same-host proxy needs TRUST_PROXY).
 * The Local API (jobs, seed) and signed-in callers are not limited.
 */
export const RENDERER_KEY_HEADER = 'x-pydotorg-renderer-key'

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}

/** Both sides hashed before the constant-time comparison: neither content nor length leaks. */
function carriesRendererKey(headers: Headers, rendererKey: string | null): boolean {
  const sent = headers.get(RENDERER_KEY_HEADER)
  return rendererKey !== null && sent !== null && timingSafeEqual(digest(sent), digest(rendererKey))
}

export function limitAnonymousReads(limiter: RateLimiter, exempt: TrustedProxies, rendererKey: string | null = null): CollectionBeforeOperationHook {
  // Populating relations runs further reads for the request (Payload's data loader: pagination=false,
  // a currentDepth, sometimes a copy of the req): only the caller's own operation, the request's
  // first, is checked and counted.
  const seen = new WeakSet<object>()
  return async ({ args, collection, operation, req }) => {
    // The caller's read is a GET of this collection's REST route; reads inside other operations or
    // endpoints (a sign-in looks its user up, the health check reads a row) are not the caller's.
    if (operation !== 'read' || req.payloadAPI !== 'REST' || req.method !== 'GET' || req.user || seen.has(req)) return args
    if (req.routeParams?.collection !== collection.slug) return args
    if ((args as { currentDepth?: unknown }).currentDepth !== undefined) return args
    seen.add(req)
    const exactAddress = exactClientAddressFrom(req.headers)
    if (isIP(exactAddress) !== 0 && trustsProxy(exempt, exactAddress, 0)) return args
    // Counted per /64 for IPv6, as every per-client limit is.
    const address = clientAddressFrom(req.headers)
    if (carriesRendererKey(req.headers, rendererKey)) return args
    const problem = anonymousReadProblem(args as Record<string, unknown>)
    if (problem) throw new APIError(problem, 400, { field: 'query' }, true)
    const decision = await limiter.hit(`address:${address}`)
    if (!decision.allowed) throw new APIError(tooManyRequestsMessage('reading the API without signing in', decision, 'minute'), 429, { retryAfterSeconds: decision.retryAfterSeconds }, true)
    return args
  }
}
