import { APIError, type CollectionBeforeOperationHook, type PayloadRequest, type SanitizedConfig } from 'payload'

import { clientAddressFrom } from './clientAddressHeader'
import { throttleEndpoint } from './throttleEndpoint'
import { tooManyRequestsHeaders, tooManyRequestsMessage } from './tooManyRequests'
import { throttlesOf } from './withCmsThrottles'

const AUTH_COLLECTION = 'users'
const byAddress = (req: PayloadRequest) => `address:${clientAddressFrom(req.headers)}`

/**
 * GraphQL's `loginUser` runs the same login operation as REST, several to a request if aliased:
 * each one is counted here and refused past the limit (Payload's GraphQL errors carry no headers,
 * so the wait is in the error's data). REST sign-ins are counted by their endpoint instead, and
 * the Local API (seeding, tests, scripts) is not limited.
 */
function limitGraphqlSignIns(config: SanitizedConfig): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    if (operation !== 'login' || req.payloadAPI !== 'GraphQL') return args
    const decision = await throttlesOf(config).signIn.hit(byAddress(req))
    if (!decision.allowed) throw new APIError(tooManyRequestsMessage('signing in', decision, 'hour'), 429, { retryAfterSeconds: decision.retryAfterSeconds }, true)
    return args
  }
}

/**
 * Sign-in limited per client address and overall (issue 18), on the built config: Payload adds
 * its `POST /api/users/login` endpoint (which the admin's sign-in form posts to) while it builds
 * the config, so that endpoint is wrapped here, counted before the body is read and refused with
 * 429, Retry-After and `{"errors":[{"message":...}]}`; GraphQL's loginUser is counted by a hook.
 */
export function throttleSignIns(config: SanitizedConfig): SanitizedConfig {
  const users = config.collections.find((collection) => collection.slug === AUTH_COLLECTION)
  if (users === undefined) throw new Error(`throttleSignIns: the config has no ${AUTH_COLLECTION} collection.`)
  const throttles = throttlesOf(config)
  let wrapped = 0
  if (Array.isArray(users.endpoints)) {
    users.endpoints = users.endpoints.map((endpoint) => {
      if (endpoint.path !== '/login' || endpoint.method !== 'post') return endpoint
      wrapped += 1
      return throttleEndpoint(endpoint, {
        limiter: throttles.signIn,
        keyOf: byAddress,
        refuse: (refusal) =>
          Response.json({ errors: [{ message: tooManyRequestsMessage('signing in', refusal, 'hour') }] }, { status: 429, headers: tooManyRequestsHeaders(refusal) }),
      })
    })
  }
  if (wrapped === 0) throw new Error('throttleSignIns: Payload no longer adds POST /login to the users collection; sign-in would be unlimited.')
  users.hooks.beforeOperation = [limitGraphqlSignIns(config), ...(users.hooks.beforeOperation ?? [])]
  return config
}
