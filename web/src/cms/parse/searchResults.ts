/** Parser for the CMS's `GET /api/search` body (cms/endpoints/searchEndpoint.ts). */
import { asObject, requireNumber, requireString, type Fields } from './fieldReaders';

export interface SearchHitDoc {
  readonly type: string;
  readonly id: number;
  readonly title: string;
  readonly url: string;
  /** HTML from the CMS with <mark> around matches: sanitised again before it is shown. */
  readonly highlightedTitle: string;
  readonly snippet: string;
}

export interface SearchResultsDoc {
  readonly query: string;
  readonly type: string | null;
  readonly page: number;
  readonly totalPages: number;
  readonly total: number;
  /** Matches per type (pages, releases, events, success-stories), whatever the type filter. */
  readonly facets: Readonly<Record<string, number>>;
  readonly hits: readonly SearchHitDoc[];
}

export function parseSearchResults(value: unknown): SearchResultsDoc {
  const where = 'response body';
  const fields = asObject(value, where);
  const hits = fields['hits'];
  if (!Array.isArray(hits)) throw new TypeError(`${where}: "hits" is not an array`);
  const type = fields['type'];
  if (type !== null && typeof type !== 'string') throw new TypeError(`${where}: "type" is not a string or null`);
  return {
    query: requireString(fields, 'query', where),
    type,
    page: requireNumber(fields, 'page', where),
    totalPages: requireNumber(fields, 'totalPages', where),
    total: requireNumber(fields, 'total', where),
    facets: parseFacets(asObject(fields['facets'], `${where}.facets`), `${where}.facets`),
    hits: hits.map((hit: unknown, index) => parseHit(hit, `hits[${index}]`)),
  };
}

/** The message of a 400 in Payload's error shape, `{ errors: [{ message }] }`. */
export function parseErrorMessage(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('errors' in value) || !Array.isArray(value.errors)) return null;
  const first: unknown = value.errors[0];
  return typeof first === 'object' && first !== null && 'message' in first && typeof first.message === 'string' ? first.message : null;
}

function parseFacets(fields: Fields, where: string): Record<string, number> {
  return Object.fromEntries(Object.keys(fields).map((type) => [type, requireNumber(fields, type, where)]));
}

function parseHit(value: unknown, where: string): SearchHitDoc {
  const fields = asObject(value, where);
  return {
    type: requireString(fields, 'type', where),
    id: requireNumber(fields, 'id', where),
    title: requireString(fields, 'title', where),
    url: requireString(fields, 'url', where),
    highlightedTitle: requireString(fields, 'highlightedTitle', where),
    snippet: typeof fields['snippet'] === 'string' ? fields['snippet'] : '',
  };
}
