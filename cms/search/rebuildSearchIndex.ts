import type { Payload } from 'payload'

import { readAllSearchDocuments } from './readSearchDocuments'
import { searchBackendFor } from './searchBackendFor'
import { REINDEX_SEARCH_TASK, SEARCH_QUEUE } from './searchJobs'

/** Rebuilds the whole index from the CMS (npm run search:reindex, the weekly reindexSearch job). */
export async function rebuildSearchIndex(payload: Payload): Promise<number> {
  const documents = await readAllSearchDocuments(payload)
  await searchBackendFor(payload).replaceAll(documents)
  return documents.length
}

export type SearchIndexState =
  | { state: 'current'; documents: number }
  | { state: 'rebuilt'; documents: number }
  /** The backend could not be reached: a reindexSearch job will retry once the CMS serves. */
  | { state: 'queued'; reason: string }

/**
 * Builds an index that was never built: a database that predates search, or a new, empty
 * Meilisearch server. Start-up calls it after seeding; an index with documents is left alone.
 * A Meilisearch that cannot be reached does not stop the CMS from starting: the rebuild is
 * queued as a `reindexSearch` job instead, which the serving CMS runs and retries.
 */
export async function ensureSearchIndex(payload: Payload): Promise<SearchIndexState> {
  try {
    const indexed = await searchBackendFor(payload).count()
    if (indexed > 0) return { state: 'current', documents: indexed }
    return { state: 'rebuilt', documents: await rebuildSearchIndex(payload) }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    await payload.jobs.queue({ task: REINDEX_SEARCH_TASK, queue: SEARCH_QUEUE, input: {} })
    return { state: 'queued', reason }
  }
}
