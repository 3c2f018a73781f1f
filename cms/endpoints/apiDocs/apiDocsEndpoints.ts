import type { Endpoint, PayloadRequest } from 'payload'

import { renderApiDocsPage } from './apiDocsPage'
import { buildOpenApiDocument } from './openApiDocument'

/** Public, and the same until the next deploy: cacheable for a few minutes. */
const CACHE = 'public, max-age=300'

let cached: Record<string, unknown> | null = null

function documentFor(req: PayloadRequest): Record<string, unknown> {
  cached ??= buildOpenApiDocument(req.payload.config)
  return cached
}

/** `GET /api/openapi.json` (OpenAPI 3.1) and `GET /api/docs` (the same, for people). */
export const apiDocsEndpoints: Endpoint[] = [
  {
    path: '/openapi.json',
    method: 'get',
    handler: (req) => Response.json(documentFor(req), { headers: { 'Cache-Control': CACHE } }),
  },
  {
    path: '/docs',
    method: 'get',
    handler: (req) =>
      new Response(renderApiDocsPage(documentFor(req)), {
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': CACHE },
      }),
  },
]
