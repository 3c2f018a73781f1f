/**
 * The jobs of the search index (the tasks live in cms/jobs/): their slugs, their queue and the
 * input of a one-document job. Here so the hooks can queue them without importing the tasks.
 */
export const SEARCH_QUEUE = 'search'
export const INDEX_SEARCH_DOCUMENT_TASK = 'indexSearchDocument'
export const REINDEX_SEARCH_TASK = 'reindexSearch'

/** Which document to bring up to date: its collection slug (the search type) and id. */
export type IndexSearchDocumentInput = {
  type: string
  id: number
}
