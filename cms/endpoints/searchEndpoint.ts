import type { Endpoint } from 'payload'

import { MAX_SEARCH_PAGE, parseSearchParams } from '../search/parseSearchParams'
import { searchBackendFor } from '../search/searchBackendFor'

const noStore = { 'Cache-Control': 'no-store' }

/**
 * `GET /api/search?q=&type=&page=`: the site search over published pages, releases, events and
 * success stories, on whichever backend the CMS runs (Postgres, or Meilisearch with
 * MEILISEARCH_URL). Hits carry HTML whose only element is <mark>; facets count every type for
 * the query whatever `type` filters. A bad parameter is a 400 naming it, in Payload's error
 * shape; a backend that cannot answer (Meilisearch down) is a 503, never a 500.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const parsed = parseSearchParams(req.searchParams)
    if (!parsed.ok) return Response.json({ errors: [{ message: parsed.message }] }, { status: 400, headers: noStore })
    const { query } = parsed
    let results
    try {
      results = await searchBackendFor(req.payload).search(query)
    } catch (error) {
      req.payload.logger.error({ err: error }, 'Search failed')
      return Response.json({ errors: [{ message: 'Search is unavailable at the moment. Please try again shortly.' }] }, { status: 503, headers: noStore })
    }
    return Response.json(
      {
        query: query.text,
        type: query.type,
        page: query.page,
        // Pages past the last one are valid (and empty); past MAX_SEARCH_PAGE they are refused.
        totalPages: Math.min(MAX_SEARCH_PAGE, Math.ceil(results.total / query.pageSize)),
        total: results.total,
        facets: results.facets,
        hits: results.hits,
      },
      { headers: noStore },
    )
  },
}
