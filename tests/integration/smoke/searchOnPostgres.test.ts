import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { searchBackendFor } from '../../../cms/search/searchBackendFor'
import { createTestPayload } from '../../support/testPayload'

// Part of the smoke run on Debian's PostgreSQL (scripts/smokeSystemPostgres.sh) as well as the
// embedded one: the search migration needs the unaccent, pg_trgm and fuzzystrmatch contrib
// extensions, which a server without postgresql-contrib lacks. The full contract is in ../search/.
describe('Postgres search on this server', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await createTestPayload('smoke_search')
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('has the extensions the search migration created, and finds a release through typos', async () => {
    const extensions = await payload.db.drizzle.execute(sql`SELECT extname FROM pg_extension WHERE extname IN ('unaccent', 'pg_trgm', 'fuzzystrmatch') ORDER BY extname`)
    expect(extensions.rows.map((row) => row.extname)).toEqual(['fuzzystrmatch', 'pg_trgm', 'unaccent'])
    await payload.create({ collection: 'releases', data: { name: 'Python 3.14.7', version: 3, releaseDate: '2026-08-05', isPublished: true }, context: { skipDownloadBoxes: true } })
    const results = await searchBackendFor(payload).search({ text: 'pyhton relase', type: null, page: 1, pageSize: 20 })
    expect(results.facets).toEqual({ pages: 0, releases: 1, events: 0, 'success-stories': 0, minutes: 0, jobs: 0 })
    expect(results.hits.map((hit) => [hit.title, hit.url, hit.highlightedTitle])).toEqual([['Python 3.14.7', '/downloads/release/python-3147/', '<mark>Python</mark> 3.14.7']])
  })
})
