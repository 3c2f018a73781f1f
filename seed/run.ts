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
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exitCode = 1
} finally {
  await payload.destroy()
}
// Exit explicitly, as scripts/prepare.ts does: a handle Payload leaves open when stdin is not a
// terminal (CI, cron, a test's child process) kept the finished seed running forever.
process.exit(process.exitCode ?? 0)
