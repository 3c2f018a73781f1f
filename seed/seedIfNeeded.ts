import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { terminalProgress } from './progress'
import { rerenderStaleMarkup } from '../cms/jobs/rerenderMarkup'
import { seedDatabase } from './seedDatabase'
import { describeTally } from './upsertTally'

const SEED_SOURCE = 'shared-data'

async function seedCompleted(payload: Payload): Promise<boolean> {
  const result = await payload.db.drizzle.execute(sql`SELECT 1 FROM "seed_runs" WHERE "source" = ${SEED_SOURCE}`)
  return result.rows.length > 0
}

/**
 * Seeds the database unless a seed already completed on it (then only renders markup whose stored
 * HTML is missing or stale). The mark is written last, so an
 * interrupted seed runs again (and, being idempotent, completes) on the next start.
 */
export async function seedIfNeeded(payload: Payload, options: { sharedDataDir: string }): Promise<void> {
  if (await seedCompleted(payload)) {
    console.log('Database already seeded; reusing its data.')
    // A database seeded before the HTML fields existed, or under older markup rules: render it now.
    const rerendered = await rerenderStaleMarkup(payload)
    if (rerendered.documents + rerendered.versions > 0) console.log(`Rendered stored markup again: ${rerendered.documents} documents, ${rerendered.versions} versions.`)
    return
  }
  console.log(`Seeding from ${options.sharedDataDir}...`)
  const tally = await seedDatabase(payload, { sharedDataDir: options.sharedDataDir, progress: terminalProgress })
  await payload.db.drizzle.execute(
    sql`INSERT INTO "seed_runs" ("source") VALUES (${SEED_SOURCE}) ON CONFLICT ("source") DO UPDATE SET "completed_at" = now()`,
  )
  console.log(`Seed complete: ${describeTally(tally)}.`)
}
