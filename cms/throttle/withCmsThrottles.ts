import type { CollectionConfig, Config, Endpoint, PayloadRequest } from 'payload'

import { legacyThrottleKey } from '../endpoints/legacyDownloads/legacyThrottleKey'
import { legacyJson } from '../endpoints/legacyDownloads/legacyResponses'
import type { ThrottleStore } from '../../lib/throttle/RateLimiter'
import type { ThrottleEnv } from '../config/throttleEnv'
import { clientAddressFrom } from './clientAddressHeader'
import { createCmsThrottles, type CmsThrottles } from './cmsThrottles'
import { limitAnonymousReads } from './limitAnonymousReads'
import { limitJobSubmissions } from './limitJobSubmissions'
import { throttleEndpoint, type EndpointThrottle } from './throttleEndpoint'
import { tooManyRequestsHeaders, tooManyRequestsMessage } from './tooManyRequests'

/** Where the GraphQL route finds its limiter: the config it is given (see throttleAnonymousGraphql). */
export const THROTTLES_KEY = 'throttles'

const byAddress = (req: PayloadRequest) => `address:${clientAddressFrom(req.headers)}`

/** The throttled endpoints, by where they are mounted, with the key and the body shape of each. */
function rootEndpointThrottle(endpoint: Endpoint, throttles: CmsThrottles): EndpointThrottle | null {
  // The legacy downloads API (v1 and v2): per API key, as python.org counts (guests per address).
  // PATCH and PUT are refused with 405 before anything else and count for nothing.
  if (/^\/v[12]\/downloads\//.test(endpoint.path) && ['get', 'post', 'delete'].includes(endpoint.method)) {
    return {
      limiter: throttles.legacyApi,
      keyOf: legacyThrottleKey,
      refuse: (refusal) =>
        legacyJson({ error_message: tooManyRequestsMessage('the downloads API', refusal, 'hour') }, 429, tooManyRequestsHeaders(refusal)),
    }
  }
  if (endpoint.path === '/search' && endpoint.method === 'get') {
    return {
      limiter: throttles.search,
      keyOf: byAddress,
      refuse: (refusal) =>
        Response.json({ errors: [{ message: tooManyRequestsMessage('search', refusal, 'minute') }] }, { status: 429, headers: tooManyRequestsHeaders(refusal) }),
    }
  }
  return null
}

function collectionEndpointThrottle(collection: string, endpoint: Endpoint, throttles: CmsThrottles): EndpointThrottle | null {
  if (collection === 'success-stories' && endpoint.path === '/submit' && endpoint.method === 'post') {
    return {
      limiter: throttles.storySubmissions,
      keyOf: byAddress,
      // The submit endpoint's own error shape: `{ errors: { field: message } }`.
      refuse: (refusal) =>
        Response.json(
          { errors: { body: tooManyRequestsMessage('the success-story form', refusal, 'hour') } },
          { status: 429, headers: tooManyRequestsHeaders(refusal) },
        ),
    }
  }
  return null
}

function throttled(endpoints: Config['endpoints'], throttleOf: (endpoint: Endpoint) => EndpointThrottle | null): Endpoint[] | undefined {
  return endpoints?.map((endpoint) => {
    const throttle = throttleOf(endpoint)
    return throttle ? throttleEndpoint(endpoint, throttle) : endpoint
  })
}

/**
 * The Payload config with its public, costly or abusable endpoints limited per client (issue 6):
 * the legacy downloads API per key, search and the success-story form per address. GraphQL is
 * limited in its route (cms/app/(payload)/api/graphql), with the limiter kept in `custom`.
 * Counts live in `store`: Redis when REDIS_URL is set (every CMS replica shares one budget per
 * client), else this process's memory (each process counts on its own).
 */
export function withCmsThrottles(env: ThrottleEnv, config: Config, store?: ThrottleStore): Config {
  const throttles = createCmsThrottles(env, store)
  return {
    ...config,
    endpoints: throttled(config.endpoints, (endpoint) => rootEndpointThrottle(endpoint, throttles)),
    collections: config.collections?.map((collection): CollectionConfig => {
      // Anonymous REST reads capped and counted first, before any other hook or query (issue 18).
      // New job postings by accounts counted next, per account and per address.
      const jobLimit = collection.slug === 'jobs' ? [limitJobSubmissions(throttles.jobSubmissions)] : []
      const hooks = { ...collection.hooks, beforeOperation: [limitAnonymousReads(throttles.anonymousRest, env.restAnonymousExemptAddresses, env.rendererKey), ...jobLimit, ...(collection.hooks?.beforeOperation ?? [])] }
      return Array.isArray(collection.endpoints)
        ? { ...collection, hooks, endpoints: throttled(collection.endpoints, (endpoint) => collectionEndpointThrottle(collection.slug, endpoint, throttles)) }
        : { ...collection, hooks }
    }),
    custom: { ...config.custom, [THROTTLES_KEY]: throttles },
  }
}

/** The limiters withCmsThrottles put in a built config. */
export function throttlesOf(config: { custom?: Record<string, unknown> }): CmsThrottles {
  const throttles = config.custom?.[THROTTLES_KEY] as CmsThrottles | undefined
  if (!throttles) throw new Error('The CMS config was built without withCmsThrottles (cms/config/payloadConfig.ts).')
  return throttles
}
