/**
 * `npm run seed`: runs every importer against the configured database (DATABASE_URL, or the
 * embedded Postgres of a running `npm start`). Safe to repeat: importers upsert.
 */
import path from 'node:path'

import { getPayload } from 'payload'

import config from '../cms/payload.config'
import { migrateDatabase } from '../cms/runtime/migrateDatabase'
import { terminalProgress } from './progress'
import { seedDatabase } from './seedDatabase'
import { describeTally } from './upsertTally'

const sharedDataDir = process.env.SHARED_DATA_DIR || path.resolve(process.cwd(), '../shared/data')
const payload = await getPayload({ config })
try {
  await migrateDatabase(payload)
  const tally = await seedDatabase(payload, { sharedDataDir, progress: terminalProgress })
  console.log(`Seed complete: ${describeTally(tally)}.`)
} finally {
  await payload.destroy()
}
