import type { Payload } from 'payload'

import { readAllSearchDocuments } from './readSearchDocuments'
import { searchBackendFor } from './searchBackendFor'

/** Rebuilds the whole index from the CMS (npm run search:reindex, the weekly reindexSearch job). */
export async function rebuildSearchIndex(payload: Payload): Promise<number> {
  const documents = await readAllSearchDocuments(payload)
  await searchBackendFor(payload).replaceAll(documents)
  return documents.length
}

/**
 * Builds an index that was never built: a database that predates search, or a new, empty
 * Meilisearch server. Start-up calls it after seeding; an index with documents is left alone.
 */
export async function ensureSearchIndex(payload: Payload): Promise<{ rebuilt: boolean; documents: number }> {
  const indexed = await searchBackendFor(payload).count()
  if (indexed > 0) return { rebuilt: false, documents: indexed }
  return { rebuilt: true, documents: await rebuildSearchIndex(payload) }
}
