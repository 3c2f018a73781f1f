/**
 * `npm run search:reindex`: rebuilds the whole search index from the CMS's database
 * (DATABASE_URL, or the embedded Postgres of a running `npm start`) on the configured backend
 * (Meilisearch with MEILISEARCH_URL, else Postgres). The weekly `reindexSearch` job does the same.
 */
import { getPayload } from 'payload'

import config from '../cms/payload.config'
import { migrateDatabase } from '../cms/runtime/migrateDatabase'
import { rebuildSearchIndex } from '../cms/search/rebuildSearchIndex'
import { searchBackendFor } from '../cms/search/searchBackendFor'
import { scriptLog } from '../lib/log/scriptLog'

async function reindex(): Promise<void> {
  const payload = await getPayload({ config })
  try {
    await migrateDatabase(payload)
    const started = performance.now()
    const documents = await rebuildSearchIndex(payload)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`Search index rebuilt on ${searchBackendFor(payload).name}: ${documents} documents in ${seconds} s.`)
  } finally {
    await payload.destroy()
  }
}

reindex().then(
  // Exit explicitly, as scripts/prepare.ts does: Payload can leave a handle open.
  () => process.exit(0),
  (error: unknown) => {
    scriptLog.fatal({ err: error }, 'rebuilding the search index failed')
    process.exit(1)
  },
)
