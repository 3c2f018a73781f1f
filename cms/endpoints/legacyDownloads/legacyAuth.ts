import type { PayloadRequest, TypedUser } from 'payload'

import { hasRole, type RoleHolder } from '../../../collections/access/roles'
import { LegacyHttpError } from './LegacyHttpError'
import type { LegacyResource } from './legacyResources'

/** python.org's legacy credential parameters, refused wherever they appear outside the header. */
const CREDENTIAL_PARAMS = ['username', 'api_key']

const CHALLENGE = { 'WWW-Authenticate': 'ApiKey' }

function unauthorized(message: string): LegacyHttpError {
  return new LegacyHttpError(401, message, {}, CHALLENGE)
}

/** The request's form or JSON fields, as far as they can be read, for the credential check. */
export type RequestFields = Record<string, unknown> | null

/**
 * tastypie's `ApiKeyOrGuestAuthentication`: no `Authorization` header is an anonymous guest
 * (a session cookie is ignored); `Authorization: ApiKey <username>:<key>` must name an existing
 * user whose API key it is. The key is checked by Payload's own API-key strategy, then the
 * username must match exactly. Credentials in the query string or the body are refused, even on
 * reads. Returns the user, or null for a guest; throws a 401 otherwise.
 */
export async function authenticateLegacy(req: PayloadRequest, url: URL, fields: RequestFields): Promise<TypedUser | null> {
  for (const name of CREDENTIAL_PARAMS) {
    if (url.searchParams.has(name)) throw unauthorized(`Credentials in the query string are refused: send "Authorization: ApiKey <username>:<key>".`)
    if (fields && Object.hasOwn(fields, name)) throw unauthorized(`Credentials in the request body are refused: send "Authorization: ApiKey <username>:<key>".`)
  }
  const checked = await checkApiKeyHeader(req)
  if (checked.kind === 'invalid') throw unauthorized(checked.message)
  return checked.kind === 'user' ? checked.user : null
}

/** What the `Authorization` header of a legacy request comes to. */
export type ApiKeyCheck = { kind: 'guest' } | { kind: 'user'; user: TypedUser } | { kind: 'invalid'; message: string }

/** One check per request: the throttle (legacyThrottleKey) and the handler ask the same question. */
const checksByRequest = new WeakMap<PayloadRequest, Promise<ApiKeyCheck>>()

export function checkApiKeyHeader(req: PayloadRequest): Promise<ApiKeyCheck> {
  let check = checksByRequest.get(req)
  if (check === undefined) {
    check = checkApiKeyHeaderUncached(req)
    checksByRequest.set(req, check)
  }
  return check
}

async function checkApiKeyHeaderUncached(req: PayloadRequest): Promise<ApiKeyCheck> {
  const header = req.headers.get('authorization')
  if (header === null) return { kind: 'guest' }
  const match = /^ApiKey (.*)$/.exec(header.trim())
  const parts = match ? match[1].split(':') : []
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
    return { kind: 'invalid', message: 'Malformed Authorization header: expected "ApiKey <username>:<key>".' }
  }
  const [username, key] = parts
  const { user } = await req.payload.auth({ headers: new Headers({ Authorization: `users API-Key ${key}` }) })
  const candidate = user as (TypedUser & { username?: string; enableAPIKey?: boolean | null }) | null
  if (!user || !candidate || candidate.username !== username || candidate.enableAPIKey !== true) {
    return { kind: 'invalid', message: 'Invalid username or API key.' }
  }
  return { kind: 'user', user }
}

/** Writes need a release manager (or an admin); some resources (`os`) only an admin. */
export function requireWriter(user: TypedUser | null, resource: LegacyResource): TypedUser {
  if (!user) throw unauthorized('Authentication required: send "Authorization: ApiKey <username>:<key>".')
  const allowed = resource.writeNeedsAdmin ? hasRole(user as RoleHolder) : hasRole(user as RoleHolder, 'release-manager')
  if (!allowed) {
    const role = resource.writeNeedsAdmin ? 'an admin' : 'a release manager'
    throw new LegacyHttpError(403, `Only ${role} may change ${resource.label}s.`)
  }
  return user
}

/** Release managers (and admins) see unpublished releases and their files; nobody else does. */
export function seesDrafts(user: TypedUser | null): boolean {
  return hasRole(user as RoleHolder, 'release-manager')
}
