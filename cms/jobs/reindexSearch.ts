import type { TaskConfig } from 'payload'

import { rebuildSearchIndex } from '../search/rebuildSearchIndex'
import { REINDEX_SEARCH_TASK } from '../search/searchJobs'

/**
 * The `reindexSearch` task: rebuilds the whole search index from the CMS, weekly (schedules.ts)
 * and by hand. The hooks keep the index current; this repairs whatever they could not reach (a
 * calendar renamed under its events, an index restored from an old backup). One at a time.
 */
export function createReindexSearchTask(): TaskConfig<{ input: object; output: { documents: number } }> {
  return {
    slug: REINDEX_SEARCH_TASK,
    label: 'Rebuild the search index',
    concurrency: () => REINDEX_SEARCH_TASK,
    retries: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
    outputSchema: [{ name: 'documents', type: 'number', required: true }],
    handler: async ({ req }) => ({ output: { documents: await rebuildSearchIndex(req.payload) } }),
  }
}
