import type { Endpoint, PayloadRequest } from 'payload'

import { legacyErrorResponse } from './legacyErrors'
import { LegacyHttpError } from './LegacyHttpError'
import { findLegacyResource, type LegacyResource } from './legacyResources'
import { createV1, deleteDetailV1, deleteFilesOfReleaseV1, detailV1, listV1 } from './legacyV1Handlers'
import { detailV2, listV2 } from './legacyV2Handlers'

type Handler = (req: PayloadRequest, url: URL, resource: LegacyResource, id: string | undefined) => Promise<Response>

function param(req: PayloadRequest, name: string): string | undefined {
  const value = req.routeParams?.[name]
  return typeof value === 'string' ? value : undefined
}

/** Resolves the resource, runs the handler, and answers every failure in tastypie's shape. */
function route(handler: Handler): Endpoint['handler'] {
  return async (req) => {
    const resourceName = param(req, 'resource')
    const resource = findLegacyResource(resourceName)
    try {
      if (!resource) throw new LegacyHttpError(404, `No such resource: '${resourceName ?? ''}'. Try os, release or release_file.`)
      return await handler(req, new URL(req.url ?? 'http://localhost/'), resource, param(req, 'id'))
    } catch (error) {
      return legacyErrorResponse(error, req, resource)
    }
  }
}

function methodNotAllowed(allowed: string): Endpoint['handler'] {
  return route(async () => {
    throw new LegacyHttpError(405, `Method not allowed here; allowed: ${allowed}.`, {}, { Allow: allowed })
  })
}

const V1_LIST = '/v1/downloads/:resource'
const V1_DETAIL = '/v1/downloads/:resource/:id'
const V2_LIST = '/v2/downloads/:resource'
const V2_DETAIL = '/v2/downloads/:resource/:id'

/**
 * python.org's downloads APIs, for its release tooling: v1 (tastypie: lists with `meta`, writes
 * with `Authorization: ApiKey`) and read-only v2 (DRF: plain arrays). Paths match with or without
 * their trailing slash (Next.js is told not to redirect them). PUT is refused with 405 by the
 * route itself (the REST route exports no PUT); PATCH here, before any authentication.
 */
export const legacyDownloadsEndpoints: Endpoint[] = [
  { path: V1_LIST, method: 'get', handler: route((req, url, resource) => listV1(req, url, resource)) },
  { path: V1_LIST, method: 'post', handler: route((req, url, resource) => createV1(req, url, resource)) },
  {
    path: V1_LIST,
    method: 'delete',
    handler: route(async (req, url, resource) => {
      if (resource.name !== 'release_file') throw new LegacyHttpError(405, 'Method not allowed here; allowed: GET, POST.', {}, { Allow: 'GET, POST' })
      return deleteFilesOfReleaseV1(req, url, resource)
    }),
  },
  { path: V1_LIST, method: 'patch', handler: methodNotAllowed('GET, POST, DELETE') },
  { path: V1_DETAIL, method: 'get', handler: route(detailV1) },
  { path: V1_DETAIL, method: 'delete', handler: route(deleteDetailV1) },
  { path: V1_DETAIL, method: 'patch', handler: methodNotAllowed('GET, DELETE') },
  { path: V2_LIST, method: 'get', handler: route((req, url, resource) => listV2(req, url, resource)) },
  { path: V2_DETAIL, method: 'get', handler: route(detailV2) },
  ...[V2_LIST, V2_DETAIL].flatMap((path): Endpoint[] =>
    (['post', 'delete', 'patch'] as const).map((method) => ({ path, method, handler: methodNotAllowed('GET') })),
  ),
]
