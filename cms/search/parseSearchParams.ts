import type { SearchQuery } from './SearchBackend'
import { SEARCH_TYPES, isSearchType } from './searchDocument'

export const SEARCH_PAGE_SIZE = 20
export const MAX_QUERY_LENGTH = 200
/** Meilisearch counts at most 1,000 hits by default: 50 pages of 20, on both backends alike. */
export const MAX_SEARCH_PAGE = 50

export type ParsedSearchParams = { ok: true; query: SearchQuery } | { ok: false; message: string }

/**
 * `?q=&type=&page=` of GET /api/search. Each is given at most once; an empty `type` or `page`
 * counts as absent (what an HTML form sends), an empty `q` does not: there is nothing to search.
 */
export function parseSearchParams(params: URLSearchParams): ParsedSearchParams {
  for (const name of ['q', 'type', 'page']) {
    if (params.getAll(name).length > 1) return { ok: false, message: `Give ${name} once.` }
  }
  // Control characters are no words, and Postgres refuses a NUL in text outright (a 500).
  const text = [...(params.get('q') ?? '')].map((character) => (isControlCharacter(character) ? ' ' : character)).join('').trim()
  if (text === '') return { ok: false, message: 'Give the words to search for in q, like ?q=python+release.' }
  if (text.length > MAX_QUERY_LENGTH) {
    return { ok: false, message: `q is too long: ${text.length} characters; the limit is ${MAX_QUERY_LENGTH}.` }
  }
  const type = params.get('type') ?? ''
  const searchType = type === '' ? null : isSearchType(type) ? type : undefined
  if (searchType === undefined) {
    return { ok: false, message: `type must be one of ${SEARCH_TYPES.join(', ')}; got "${type.slice(0, 50)}".` }
  }
  const page = params.get('page') ?? ''
  const pageNumber = page === '' ? 1 : /^\d{1,3}$/.test(page) ? Number(page) : Number.NaN
  if (!(pageNumber >= 1 && pageNumber <= MAX_SEARCH_PAGE)) {
    return { ok: false, message: `page must be a whole number from 1 to ${MAX_SEARCH_PAGE}; got "${page.slice(0, 50)}".` }
  }
  return { ok: true, query: { text, type: searchType, page: pageNumber, pageSize: SEARCH_PAGE_SIZE } }
}

function isControlCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0
  return code < 0x20 || code === 0x7f
}
