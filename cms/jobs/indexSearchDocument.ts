import type { TaskConfig } from 'payload'

import { isSearchType } from '../search/searchDocument'
import { INDEX_SEARCH_DOCUMENT_TASK, type IndexSearchDocumentInput } from '../search/searchJobs'
import { syncSearchDocument } from '../search/syncSearchDocument'

/**
 * The `indexSearchDocument` task: brings one document's Meilisearch entry up to date after the
 * change that queued it committed (cms/search/withSearchIndexing). It reads the document's
 * current state, so a late or repeated job is harmless. Meilisearch unreachable or refusing:
 * the job fails and Payload retries it with backoff.
 */
export function createIndexSearchDocumentTask(): TaskConfig<{ input: IndexSearchDocumentInput; output: { result: string } }> {
  return {
    slug: INDEX_SEARCH_DOCUMENT_TASK,
    label: 'Update a document in the search index',
    inputSchema: [
      { name: 'type', type: 'text', required: true },
      { name: 'id', type: 'number', required: true },
    ],
    outputSchema: [{ name: 'result', type: 'text', required: true }],
    // Jobs of one document run one at a time, in order. Pending duplicates are kept (Payload's
    // `supersedes` deletes them, which races with a runner already picking them up): each
    // re-reads the same current state, which costs one cheap write.
    concurrency: ({ input }) => `${INDEX_SEARCH_DOCUMENT_TASK}:${input.type}:${input.id}`,
    // 1 s, 2 s, 4 s ... about four minutes in all, covering a Meilisearch restart.
    retries: { attempts: 8, backoff: { type: 'exponential', delay: 1000 } },
    handler: async ({ input, req }) => {
      if (!isSearchType(input.type)) throw new Error(`"${input.type}" is not a searchable collection.`)
      const result = await syncSearchDocument(req.payload, { type: input.type, id: input.id }, req)
      return { output: { result } }
    },
  }
}
