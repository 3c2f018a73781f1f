import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, Payload, PayloadRequest } from 'payload'

import { searchBackendFor } from './searchBackendFor'
import { isSearchType, type SearchDocumentKey, type SearchType } from './searchDocument'
import { INDEX_SEARCH_DOCUMENT_TASK, SEARCH_QUEUE, type IndexSearchDocumentInput } from './searchJobs'
import { syncSearchDocument } from './syncSearchDocument'

/**
 * Adds the indexing hooks to the searchable collections (pages, releases, events, success
 * stories); other collections pass through. Applied by createPayloadConfig to every collection.
 *
 * Postgres: the index row is written in the change's own transaction, so it commits (or rolls
 * back) with the content. Meilisearch: an `indexSearchDocument` job is queued in that
 * transaction instead; it runs only after the commit and is retried while Meilisearch is down.
 * Either way the document's current public state is what gets indexed (syncSearchDocument).
 * `context.skipSearchIndex` leaves a write out (a full reindex follows it).
 */
export function withSearchIndexing(collection: CollectionConfig): CollectionConfig {
  if (!isSearchType(collection.slug)) return collection
  const type = collection.slug
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      afterChange: [...(hooks.afterChange ?? []), indexAfterChange(type)],
      afterDelete: [...(hooks.afterDelete ?? []), indexAfterDelete(type)],
    },
  }
}

function indexAfterChange(type: SearchType): CollectionAfterChangeHook {
  return async ({ doc, req, context }) => {
    if (context.skipSearchIndex !== true) await indexDocument(req, { type, id: Number(doc.id) })
    return doc
  }
}

function indexAfterDelete(type: SearchType): CollectionAfterDeleteHook {
  return async ({ id, req, context }) => {
    if (context.skipSearchIndex !== true) await indexDocument(req, { type, id: Number(id) })
  }
}

// A save can run a collection's hooks more than once for one document: one job is enough.
const queuedInRequest = new WeakMap<PayloadRequest, Set<string>>()

async function indexDocument(req: PayloadRequest, key: SearchDocumentKey): Promise<void> {
  if (searchBackendFor(req.payload).writesInTransaction) {
    await syncSearchDocument(req.payload, key, req)
    return
  }
  const queued = queuedInRequest.get(req) ?? new Set<string>()
  const fingerprint = `${key.type}-${key.id}`
  if (queued.has(fingerprint)) return
  queued.add(fingerprint)
  queuedInRequest.set(req, queued)
  const input: IndexSearchDocumentInput = { type: key.type, id: key.id }
  await req.payload.jobs.queue({ task: INDEX_SEARCH_DOCUMENT_TASK, queue: SEARCH_QUEUE, input, req })
  nudgeSearchQueue(req.payload)
}

/** After the usual commit time, and once more for a slow one; the cron catches the rest. */
const NUDGE_DELAYS_MS = [200, 1000]
const pendingNudges = new WeakSet<Payload>()

/** Runs the search queue shortly after a change, so an edit is searchable within a second or so. */
function nudgeSearchQueue(payload: Payload): void {
  if (pendingNudges.has(payload)) return
  pendingNudges.add(payload)
  NUDGE_DELAYS_MS.forEach((delay, index) => {
    setTimeout(() => {
      if (index === NUDGE_DELAYS_MS.length - 1) pendingNudges.delete(payload)
      payload.jobs.run({ queue: SEARCH_QUEUE, limit: 50, silent: { info: true } }).catch((error: unknown) => {
        payload.logger.error({ err: error }, 'Running the search index queue failed')
      })
    }, delay).unref()
  })
}
