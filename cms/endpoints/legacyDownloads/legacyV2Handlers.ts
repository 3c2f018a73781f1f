import type { PayloadRequest } from 'payload'

import { clientAddressStamped } from '../../throttle/clientAddressHeader'
import { authenticateLegacy, seesDrafts } from './legacyAuth'
import { legacyWhere } from './legacyFilters'
import type { LegacyResource } from './legacyResources'
import { legacyJson } from './legacyResponses'
import { serializeLegacy } from './legacySerializers'
import { v2UriBuilder, type UriBuilder } from './legacyUris'
import { findVisible, parseDetailId } from './legacyV1Handlers'

type Doc = Record<string, unknown> & { id: number | string }

/**
 * DRF's hyperlinks are absolute, built from the host the request came in on (behind a proxy,
 * its `X-Forwarded-Proto`/`X-Forwarded-Host`), as Django's `build_absolute_uri` does with
 * USE_X_FORWARDED_HOST. Those headers are believed only from a proxy TRUST_PROXY names: cms/server.ts
 * drops them otherwise, and without that server (a bare `next start`) they are ignored here.
 */
function uriBuilderFor(req: PayloadRequest, url: URL): UriBuilder {
  const forwarded = clientAddressStamped()
  const host = (forwarded ? req.headers.get('x-forwarded-host') : null) ?? req.headers.get('host') ?? url.host
  const protocol = (forwarded ? req.headers.get('x-forwarded-proto') : null) ?? url.protocol.replace(/:$/, '')
  return v2UriBuilder(`${protocol}://${host.split(',')[0].trim()}`)
}

/** `GET /api/v2/downloads/<resource>/`: every visible object as a plain JSON array (no pagination). */
export async function listV2(req: PayloadRequest, url: URL, resource: LegacyResource): Promise<Response> {
  const user = await authenticateLegacy(req, url, null)
  req.user = user
  const where = legacyWhere(resource, url.searchParams, { drafts: seesDrafts(user), strict: true })
  const result = await req.payload.find({ collection: resource.collection, where, depth: 0, sort: 'id', pagination: false, req, overrideAccess: false })
  const uri = uriBuilderFor(req, url)
  return legacyJson((result.docs as unknown as Doc[]).map((doc) => serializeLegacy(resource, doc, uri, 'v2')))
}

/** `GET /api/v2/downloads/<resource>/<id>/`. */
export async function detailV2(req: PayloadRequest, url: URL, resource: LegacyResource, rawId: string | undefined): Promise<Response> {
  const user = await authenticateLegacy(req, url, null)
  const doc = await findVisible(req, resource, parseDetailId(rawId, resource), user)
  return legacyJson(serializeLegacy(resource, doc, uriBuilderFor(req, url), 'v2'))
}
