/**
 * Search strings: operators of Postgres' tsquery and Meilisearch syntax, quotes, wildcards,
 * NULs, very long strings and odd paging, to the site's /search/ and the CMS's /api/search.
 */
import fc from 'fast-check'

import type { FuzzRequest } from './FuzzTally'
import { hostileQueryValue } from './hostileValues'

const SEARCH_STRINGS = ['!', '&', '|', '!!', '(', ')', ':*', '<->', '<2>', 'a & | b', '"', '""', '"unterminated', '*', '%', '_', '\\', "'", "'; --", 'python:*', 'a <-> <-> b', '-', 'NOT', 'AND OR', 'filter = id', '(a | b) & !c']

export function searchInputs(webUrl: string, cmsUrl: string, cmsSearchPresent: boolean): fc.Arbitrary<FuzzRequest> {
  const text = fc.oneof(fc.constantFrom(...SEARCH_STRINGS), hostileQueryValue, fc.array(fc.constantFrom(...SEARCH_STRINGS), { maxLength: 20 }).map((parts) => parts.join(' ')))
  const extra = fc.constantFrom('', '&page=-1', '&page=99999999999', '&limit=-5', '&limit=1000000', '&type=%00', '&type=nope', '&q=second')
  const bases = cmsSearchPresent ? [`${webUrl}/search/`, `${cmsUrl}/api/search`] : [`${webUrl}/search/`]
  return fc.tuple(fc.constantFrom(...bases), text, extra).map(([base, query, rest]) => ({ method: 'GET', url: `${base}?q=${encodeURIComponent(query)}${rest}` }))
}
