/**
 * Outages, by really stopping processes, on a stack of its own (a throw-away Postgres, the CMS
 * and the site) so the shared one is untouched:
 * - seeding SIGKILLed halfway, then run again: complete, no duplicates, a further run changes nothing;
 * - the CMS stopped: cached pages still 200 (HIT, or STALE once purged), uncached ones the 503
 *   page, and the site recovers by itself when the CMS is back;
 * - the database stopped: the CMS answers 503 (not 500) on /api/health, REST, GraphQL and the
 *   legacy API, and recovers by itself when the database is back.
 * Prints `outages: N checks, M failed` (read by `npm run test:security`).
 */
import type { ChildProcess } from 'node:child_process'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { prepareCommand, tsxScriptCommand } from '../../../scripts/lib/serviceCommands'
import { createSeededStack, type SeededStack } from '../../support/seededStack'
import { createCheckCounter } from '../../support/checkCounter'

/** The seed's documented figures (README): what a complete seed holds, exactly. */
const SEEDED = { releases: 274, release_files: 1085, boxes: 63, navigation_items: 115 }
/** Each importer's natural key: no two rows may share one. */
const NATURAL_KEYS: [string, string][] = [
  ['releases', 'slug'], ['release_files', 'url'], ['boxes', 'label'], ['navigation_items', 'legacy_id'], ['operating_systems', 'slug'],
  ['release_cycles', 'cycle'], ['pages', 'path'], ['story_categories', 'slug'], ['success_stories', 'slug'], ['code_samples', 'title'],
  ['calendars', 'slug'], ['events', 'uid'], ['events', 'legacy_id'], ['event_categories', 'legacy_id'], ['event_locations', 'legacy_id'],
]

let stack: SeededStack
let database: pg.Client
/** Each check is counted for the summary line, then asserted. */
const { checks, check } = createCheckCounter()

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))))
}

async function count(table: string): Promise<number> {
  return Number((await database.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n)
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

async function get(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(20_000) })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

beforeAll(async () => {
  stack = await createSeededStack({
    name: 'outage',
    // Paused and resumed below, so always the embedded server, even beside TEST_DATABASE_URL.
    embeddedPostgres: true,
    webWorkers: 1,
    // Fail fast while the CMS is down, instead of making each visitor wait.
    env: { CMS_TIMEOUT_MS: '3000' },
  })
  database = new pg.Client({ connectionString: stack.databaseUrl })
  // The database goes away below: a dropped connection must not crash the test.
  database.on('error', () => undefined)
  await database.connect()
}, 120_000)

afterAll(async () => {
  await database?.end().catch(() => undefined)
  await stack?.stop()
  console.log(`outages: ${checks.run} checks, ${checks.failed} failed`)
  if (checks.failed > 0) console.log(stack?.log.join('').slice(-20_000))
}, 120_000)

describe('outages, on a stack of its own', () => {
  it('completes a seed that was SIGKILLed halfway, without duplicates, and a further run changes nothing', async () => {
    const first = stack.spawn('seed (killed)', prepareCommand())
    // Halfway: some release files written, not all (each document is written on its own).
    const written = await until('release files being written', async () => {
      const rows = await database.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'release_files'")
      if (rows.rows[0].n === 0) return undefined
      const files = await count('release_files')
      return files >= 100 ? files : undefined
    }, 180_000)
    first.kill('SIGKILL')
    await exitOf(first)
    const afterKill = await count('release_files')
    console.log(`seed SIGKILLed with ${afterKill} of ${SEEDED.release_files} release files written`)
    await check('the seed was really cut short', async () => {
      expect(written).toBeLessThan(SEEDED.release_files)
      expect(afterKill).toBeLessThan(SEEDED.release_files)
      expect(Number((await database.query('SELECT count(*)::int AS n FROM seed_runs')).rows[0].n)).toBe(0)
    })

    const second = stack.spawn('seed (again)', prepareCommand())
    await check('the second run completes', async () => expect(await exitOf(second)).toBe(0))
    await check('exact counts', async () => {
      for (const [table, expected] of Object.entries(SEEDED)) expect(await count(table), table).toBe(expected)
    })
    await check('no duplicates', async () => {
      for (const [table, key] of NATURAL_KEYS) {
        const row = (await database.query(`SELECT count(${key})::int AS keyed, count(DISTINCT ${key})::int AS distinct_keys FROM ${table}`)).rows[0]
        expect(row.keyed, `${table}.${key}`).toBe(row.distinct_keys)
      }
    })
    const linesBefore = stack.log.length
    const third = stack.spawn('seed (once more)', tsxScriptCommand('seed/run.ts'))
    await check('a further run changes nothing', async () => {
      expect(await exitOf(third)).toBe(0)
      expect(stack.log.slice(linesBefore).join('')).toMatch(/Seed complete: 0 created, 0 updated, \d+ unchanged\./)
    })
  }, 300_000)

  it('keeps the site answering while the CMS is stopped: cached pages 200, the others a 503 page; recovers when it is back', async () => {
    const { cmsUrl, webUrl, purgeSecret } = stack
    await stack.startCms()
    await stack.startWeb()
    const cached = ['/', '/downloads/', '/about/']
    for (const page of cached) {
      await get(`${webUrl}${page}`)
      await until(`${page} cached`, async () => ((await get(`${webUrl}${page}`)).headers.get('x-cache') === 'HIT' ? true : undefined), 20_000)
    }

    await stack.stopCms()
    await check('the CMS is down', async () => {
      await expect(fetch(`${cmsUrl}/api/health`)).rejects.toThrow()
    })
    await check('cached pages still 200', async () => {
      for (const page of cached) {
        const answer = await get(`${webUrl}${page}`)
        expect(answer.status, page).toBe(200)
        expect(['HIT', 'STALE'], page).toContain(answer.headers.get('x-cache'))
      }
    })
    await check('purged pages served stale', async () => {
      const purge = await get(`${webUrl}/_purge`, { method: 'POST', headers: { authorization: `Bearer ${purgeSecret}`, 'content-type': 'application/json' }, body: '{"all": true}' })
      expect(purge.status).toBe(200)
      const home = await get(`${webUrl}/`)
      expect([home.status, home.headers.get('x-cache'), home.headers.get('warning')]).toEqual([200, 'STALE', '110 - "Response is Stale"'])
    })
    await check('uncached pages the 503 page', async () => {
      const uncached = await get(`${webUrl}/downloads/release/python-3100/`)
      expect(uncached.status).toBe(503)
      expect(uncached.headers.get('retry-after')).toBe('30')
      expect(uncached.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate')
      expect(uncached.text).toContain('Temporarily unavailable')
    })

    await stack.startCms('cms (again)')
    await check('the site recovers by itself', async () => {
      await until('the release page', async () => ((await get(`${webUrl}/downloads/release/python-3100/`)).status === 200 ? true : undefined), 30_000)
      await until('a fresh home page', async () => (['MISS', 'HIT'].includes((await get(`${webUrl}/`)).headers.get('x-cache') ?? '') ? true : undefined), 30_000)
    })
  }, 300_000)

  it('answers 503, not 500, while the database is stopped, and recovers when it is back', async () => {
    const { cmsUrl, webUrl, postgres } = stack
    await get(`${webUrl}/downloads/`)
    await postgres.pause()
    await check('health 503', async () => {
      const health = await get(`${cmsUrl}/api/health`)
      expect([health.status, JSON.parse(health.text)]).toEqual([503, { status: 'unavailable', database: 'unreachable' }])
    })
    await check('REST 503 with a message', async () => {
      const rest = await get(`${cmsUrl}/api/releases?limit=1`)
      expect(rest.status).toBe(503)
      expect(JSON.parse(rest.text)).toEqual({ errors: [{ message: 'The database is unavailable; try again in a moment.' }] })
    })
    await check('GraphQL 503', async () => {
      const graphql = await get(`${cmsUrl}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ Releases(limit: 1) { docs { name } } }"}' })
      expect(graphql.status === 503 || (graphql.status === 200 && graphql.text.includes('The database is unavailable')), graphql.text.slice(0, 200)).toBe(true)
    })
    await check('legacy API 503', async () => {
      const legacy = await get(`${cmsUrl}/api/v1/downloads/release/?limit=1`)
      expect([legacy.status, JSON.parse(legacy.text)]).toEqual([503, { error_message: 'The database is unavailable; try again in a moment.' }])
    })
    await check('the site: cached pages 200, uncached the 503 page', async () => {
      expect((await get(`${webUrl}/downloads/`)).status).toBe(200)
      expect((await get(`${webUrl}/downloads/release/python-390/`)).status).toBe(503)
    })

    await postgres.resume()
    await check('the CMS recovers by itself', async () => {
      await until('health 200', async () => ((await get(`${cmsUrl}/api/health`)).status === 200 ? true : undefined), 30_000)
      expect((await get(`${cmsUrl}/api/releases?limit=1`)).status).toBe(200)
      await until('the release page', async () => ((await get(`${webUrl}/downloads/release/python-390/`)).status === 200 ? true : undefined), 30_000)
    })
  }, 300_000)
})
