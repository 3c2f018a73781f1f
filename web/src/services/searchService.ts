/**
 * The /search/ page: the CMS's search (Postgres or Meilisearch behind it, typo tolerant) shaped
 * for the template: facet links per type, sanitised highlights, previous and next pages.
 */
import type { CmsClient } from '../cms/client';
import type { SearchHitDoc, SearchResultsDoc } from '../cms/parse/searchResults';
import { sanitizeHighlightHtml } from '../rendering/sanitizeHighlightHtml';

const TYPE_LABELS: Readonly<Record<string, string>> = {
  pages: 'Pages',
  releases: 'Releases',
  events: 'Events',
  'success-stories': 'Success stories',
  minutes: 'Board minutes',
  jobs: 'Jobs',
};

export interface SearchFacet {
  readonly label: string;
  readonly count: number;
  readonly url: string;
  readonly current: boolean;
}

export interface SearchResultItem {
  readonly typeLabel: string;
  readonly url: string;
  /** Only <mark> elements survive in these two. */
  readonly titleHtml: string;
  readonly snippetHtml: string;
}

export interface SearchResultsView {
  readonly total: number;
  readonly page: number;
  readonly totalPages: number;
  readonly facets: readonly SearchFacet[];
  readonly hits: readonly SearchResultItem[];
  readonly previousUrl: string | null;
  readonly nextUrl: string | null;
}

export interface SearchPage {
  /** 400 when the CMS refused the parameters, 429 when this visitor searched too often (the message says why). */
  readonly status: 200 | 400 | 429;
  readonly query: string;
  /** Null before anything was searched for (the bare form) and after a refusal. */
  readonly results: SearchResultsView | null;
  readonly error: string | null;
}

export interface SearchService {
  /** The page for the request's `q`, `type` and `page`, passed to the CMS as given, on behalf of `visitorAddress`. */
  search(params: URLSearchParams, visitorAddress?: string): Promise<SearchPage>;
}

export function createSearchService(client: CmsClient): SearchService {
  return {
    async search(params, visitorAddress) {
      const queries = params.getAll('q');
      const typed = queries.join(' ').trim();
      // An empty search box is not an error: the visitor gets the form.
      if (typed === '') return { status: 200, query: '', results: null, error: null };
      const forwarded = new URLSearchParams();
      for (const name of ['q', 'type', 'page']) for (const value of params.getAll(name)) forwarded.append(name, value);
      const outcome = await client.search(forwarded, visitorAddress);
      if (!outcome.ok) return { status: outcome.status, query: queries[0] ?? '', results: null, error: outcome.message };
      return { status: 200, query: outcome.results.query, results: resultsView(outcome.results), error: null };
    },
  };
}

export function searchUrl(query: string, type: string | null, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (type !== null) params.set('type', type);
  if (page > 1) params.set('page', String(page));
  return `/search/?${params.toString()}`;
}

function resultsView(results: SearchResultsDoc): SearchResultsView {
  const all = Object.values(results.facets).reduce((sum, count) => sum + count, 0);
  const facets: SearchFacet[] = [
    { label: 'All', count: all, url: searchUrl(results.query, null), current: results.type === null },
    ...Object.entries(results.facets).map(([type, count]) => ({
      label: labelOf(type),
      count,
      url: searchUrl(results.query, type),
      current: results.type === type,
    })),
  ];
  return {
    total: results.total,
    page: results.page,
    totalPages: results.totalPages,
    facets,
    hits: results.hits.filter(isSiteUrl).map(resultItem),
    previousUrl: results.page > 1 && results.totalPages > 0 ? searchUrl(results.query, results.type, Math.min(results.page - 1, results.totalPages)) : null,
    nextUrl: results.page < results.totalPages ? searchUrl(results.query, results.type, results.page + 1) : null,
  };
}

function resultItem(hit: SearchHitDoc): SearchResultItem {
  return {
    typeLabel: labelOf(hit.type),
    url: hit.url,
    titleHtml: sanitizeHighlightHtml(hit.highlightedTitle),
    snippetHtml: sanitizeHighlightHtml(hit.snippet),
  };
}

/** Hits link within the site; anything else from the CMS is not a link this page makes. */
function isSiteUrl(hit: SearchHitDoc): boolean {
  return hit.url.startsWith('/') && !hit.url.startsWith('//');
}

function labelOf(type: string): string {
  return TYPE_LABELS[type] ?? type.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());
}
