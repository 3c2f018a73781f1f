import type { PayloadRequest } from 'payload'

import type { SearchDocument, SearchDocumentKey, SearchType } from './searchDocument'

/** A validated search (see parseSearchParams). */
export type SearchQuery = {
  text: string
  type: SearchType | null
  page: number
  pageSize: number
}

export type SearchHit = {
  type: SearchType
  id: number
  title: string
  url: string
  /** The title as HTML: escaped text, query words in <mark>. */
  highlightedTitle: string
  /** A short passage of the summary or body as HTML: escaped text, query words in <mark>. */
  snippet: string
}

export type SearchResults = {
  hits: SearchHit[]
  /** Matches per type for the query, whatever `type` filter was applied. */
  facets: Record<SearchType, number>
  /** Matches for the query with its `type` filter. */
  total: number
}

/**
 * The one interface of the site search; Postgres full-text search and Meilisearch implement it
 * and pass the same contract tests (tests/integration/search/searchContract.ts).
 */
export interface SearchBackend {
  readonly name: 'postgres' | 'meilisearch'
  /**
   * True when writes can join the change's own database transaction (Postgres): the index then
   * changes exactly when the content commits. Otherwise (Meilisearch) changes are sent after the
   * commit by a job on Payload's queue, which retries while the server is unreachable.
   */
  readonly writesInTransaction: boolean
  search(query: SearchQuery): Promise<SearchResults>
  /** Adds or replaces documents; `req` joins its transaction where the backend can. */
  upsert(documents: readonly SearchDocument[], req?: PayloadRequest): Promise<void>
  /** Removes documents; unknown keys are ignored. */
  remove(keys: readonly SearchDocumentKey[], req?: PayloadRequest): Promise<void>
  /** Replaces the whole index with these documents, so searches never see a half-built index. */
  replaceAll(documents: readonly SearchDocument[]): Promise<void>
  /** How many documents are indexed (0 for an index never built). */
  count(): Promise<number>
}
