/**
 * What the search index holds: one entry per public document of these collections, under the
 * collection's slug as its `type` (the same word the API takes in `?type=` and counts in facets).
 */
export const SEARCH_TYPES = ['pages', 'releases', 'events', 'success-stories', 'minutes', 'jobs'] as const

export type SearchType = (typeof SEARCH_TYPES)[number]

export function isSearchType(value: unknown): value is SearchType {
  return typeof value === 'string' && (SEARCH_TYPES as readonly string[]).includes(value)
}

/** A document as both backends index it: plain text only (highlights are added at query time). */
export type SearchDocument = {
  type: SearchType
  /** The Payload document's id. */
  id: number
  /** Weighted highest. */
  title: string
  /** Description, pull quote, release line: weighted above the body. */
  summary: string
  body: string
  /** Where the document lives on the public site. */
  url: string
  /** Release date, event start, publication: breaks ties between equally good matches, newest first. */
  date: string | null
}

export type SearchDocumentKey = Pick<SearchDocument, 'type' | 'id'>
