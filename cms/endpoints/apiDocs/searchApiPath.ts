import { MAX_QUERY_LENGTH, MAX_SEARCH_PAGE, SEARCH_PAGE_SIZE } from '../../search/parseSearchParams'
import { SEARCH_TYPES } from '../../search/searchDocument'
import type { JsonSchema } from './fieldSchemas'

const ERRORS = { $ref: '#/components/schemas/PayloadErrors' }
const markedHtml = (what: string): JsonSchema => ({ type: 'string', description: `${what} as HTML: escaped text whose only element is <mark> around the query words.` })

/** The site search's result body (cms/endpoints/searchEndpoint.ts). */
export function searchComponents(): Record<string, JsonSchema> {
  const counts: Record<string, JsonSchema> = Object.fromEntries(SEARCH_TYPES.map((type) => [type, { type: 'integer', minimum: 0 }]))
  return {
    SearchResults: {
      type: 'object',
      properties: {
        query: { type: 'string' },
        type: { type: ['string', 'null'], enum: [...SEARCH_TYPES, null] },
        page: { type: 'integer', minimum: 1 },
        totalPages: { type: 'integer', minimum: 0 },
        total: { type: 'integer', minimum: 0, description: 'Matches for the query and its type filter.' },
        facets: { type: 'object', properties: counts, required: [...SEARCH_TYPES], description: 'Matches per type, whatever the type filter.' },
        hits: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              type: { type: 'string', enum: [...SEARCH_TYPES] },
              id: { type: 'integer' },
              title: { type: 'string' },
              url: { type: 'string', description: 'Path on the public site, e.g. /downloads/release/python-3147/' },
              highlightedTitle: markedHtml('The title'),
              snippet: markedHtml('A passage of the summary or body'),
            },
            required: ['type', 'id', 'title', 'url', 'highlightedTitle', 'snippet'],
          },
        },
      },
      required: ['query', 'type', 'page', 'totalPages', 'total', 'facets', 'hits'],
    },
  }
}

/** `GET /api/search`. */
export function searchApiPaths(): Record<string, unknown> {
  return {
    '/api/search': {
      get: {
        tags: ['Search'],
        summary: 'Search published pages, releases, events and success stories (typo tolerant)',
        operationId: 'search',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: MAX_QUERY_LENGTH }, example: 'pyhton relase' },
          { name: 'type', in: 'query', required: false, schema: { type: 'string', enum: [...SEARCH_TYPES] }, description: 'Only this type; facets still count every type.' },
          { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_PAGE, default: 1 }, description: `${SEARCH_PAGE_SIZE} hits per page.` },
        ],
        responses: {
          200: { description: 'The hits of the page, the facet counts and the total.', content: { 'application/json': { schema: { $ref: '#/components/schemas/SearchResults' } } } },
          400: { description: 'A missing, repeated or out-of-range parameter; the message names it.', content: { 'application/json': { schema: ERRORS } } },
          503: { description: 'The search backend (Meilisearch) is unreachable.', content: { 'application/json': { schema: ERRORS } } },
        },
      },
    },
  }
}
