import { getPayload, type SanitizedConfig } from 'payload'

import { hasRole, type RoleHolder } from '../../collections/access/roles'
import { STAFF_ROLES } from '../../collections/access/staffRoles'
import { clientAddressFrom } from './clientAddressHeader'
import { tooManyRequestsHeaders, tooManyRequestsMessage } from './tooManyRequests'
import { throttlesOf } from './withCmsThrottles'

type RouteHandler = (request: Request) => Promise<Response>

/** Whether the request carries credentials at all: a session cookie or an Authorization header. */
function carriesCredentials(request: Request, cookiePrefix: string): boolean {
  if (request.headers.has('authorization')) return true
  const cookie = request.headers.get('cookie')
  return cookie !== null && cookie.includes(`${cookiePrefix}-token=`)
}

/**
 * Signed-in staff (a valid session or API key) are not limited. Only requests that carry
 * credentials are checked with Payload, so anonymous queries cost nothing more than a count;
 * credentials that do not check out count as anonymous.
 */
async function isSignedInStaff(request: Request, config: SanitizedConfig): Promise<boolean> {
  if (!carriesCredentials(request, config.cookiePrefix)) return false
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: request.headers })
  return hasRole(user as RoleHolder, ...STAFF_ROLES)
}

/**
 * Payload's GraphQL route with anonymous callers limited per client address (issue 6). Payload
 * has no hook before a GraphQL operation runs, hence a wrapper of the route handler. A refused
 * request is a 429 in GraphQL's error shape, before its body is read.
 */
export function throttleAnonymousGraphql(handler: RouteHandler, configPromise: Promise<SanitizedConfig>): RouteHandler {
  return async (request) => {
    const config = await configPromise
    if (!(await isSignedInStaff(request, config))) {
      const decision = await throttlesOf(config).anonymousGraphql.hit(`address:${clientAddressFrom(request.headers)}`)
      if (!decision.allowed) {
        const message = tooManyRequestsMessage('GraphQL without signing in', decision, 'minute')
        return Response.json({ errors: [{ message, extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: decision.retryAfterSeconds } }] }, {
          status: 429,
          headers: tooManyRequestsHeaders(decision),
        })
      }
    }
    return handler(request)
  }
}
