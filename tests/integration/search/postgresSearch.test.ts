import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { afterAll, describe, expect, it } from 'vitest'

import { createTestPayload } from '../../support/testPayload'
import { searchContract } from './searchContract'

// One Payload per test file (Payload caches its instance per process).
let shared: Promise<Payload> | undefined
const testPayload = () => (shared ??= createTestPayload('search_postgres'))
afterAll(async () => {
  await (await shared)?.destroy()
})

// Postgres full-text search, the default backend: indexing happens in the saving transaction,
// so every change is searchable as soon as the save returns.
searchContract('Postgres', async () => ({ payload: await testPayload(), settle: async () => undefined, stop: async () => undefined }))

describe('the Postgres search schema (migrations *_search_index, *_search_host_words)', () => {
  it('has the unaccent, pg_trgm and fuzzystrmatch extensions, the two text search configurations and search_text()', async () => {
    const payload = await testPayload()
    const extensions = await payload.db.drizzle.execute(sql`SELECT extname FROM pg_extension WHERE extname IN ('unaccent', 'pg_trgm', 'fuzzystrmatch') ORDER BY extname`)
    expect(extensions.rows.map((row) => row.extname)).toEqual(['fuzzystrmatch', 'pg_trgm', 'unaccent'])
    const configurations = await payload.db.drizzle.execute(sql`SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'search_%' ORDER BY cfgname`)
    expect(configurations.rows.map((row) => row.cfgname)).toEqual(['search_english', 'search_words'])
    const probe = await payload.db.drizzle.execute(
      sql`SELECT to_tsvector('search_english', search_text('Café releases at www.python.org, 3.14.7'))::text AS document, levenshtein('pyhton', 'python') AS distance, similarity('relase', 'release') > 0.3 AS similar`,
    )
    expect(probe.rows[0]).toEqual({ document: "'3.14.7':7 'cafe':1 'org':6 'python':5 'releas':2 'www':4", distance: 2, similar: true })
  })
})
