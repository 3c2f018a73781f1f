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
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureDatabase } from '../../../cms/runtime/ensureDatabase'
import { cmsCommand, webCommand, type ServiceCommand } from '../../../scripts/lib/serviceCommands'
import { waitForHttp } from '../../../scripts/lib/waitForHttp'
import { freePort } from '../../support/freePort'
import { startLoggedProcess, stopProcesses } from '../../support/startLoggedProcess'
import { databaseUrl, startTestPostgres, type TestPostgres } from '../../support/testPostgres'
import { createCheckCounter } from '../../support/checkCounter'

const PURGE_SECRET = 'outage-test-purge-secret-0123456789'
/** The seed's documented figures (README): what a complete seed holds, exactly. */
const SEEDED = { releases: 274, release_files: 1085, boxes: 63, navigation_items: 115 }
/** Each importer's natural key: no two rows may share one. */
const NATURAL_KEYS: [string, string][] = [
  ['releases', 'slug'], ['release_files', 'url'], ['boxes', 'label'], ['navigation_items', 'legacy_id'], ['operating_systems', 'slug'],
  ['release_cycles', 'cycle'], ['pages', 'path'], ['story_categories', 'slug'], ['success_stories', 'slug'], ['code_samples', 'title'],
  ['calendars', 'slug'], ['events', 'uid'], ['events', 'legacy_id'], ['event_categories', 'legacy_id'], ['event_locations', 'legacy_id'],
]

let postgres: TestPostgres
let dataDir: string
let database: pg.Client
let env: NodeJS.ProcessEnv
let cmsUrl: string
let webUrl: string
let cmsPort: number
let cms: ChildProcess | null = null
const running: ChildProcess[] = []
const log: string[] = []
/** Each check is counted for the summary line, then asserted. */
const { checks, check } = createCheckCounter()

function start(name: string, service: ServiceCommand): ChildProcess {
  const child = startLoggedProcess(name, service, env, log)
  running.push(child)
  return child
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))))
}

const tsxScript = (script: string): ServiceCommand => ({ command: process.execPath, args: ['--import', 'tsx', script] })

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
  // Paused and resumed below, so always the embedded server, even beside TEST_DATABASE_URL.
  postgres = await startTestPostgres({ embedded: true })
  await ensureDatabase(postgres.adminUrl, 'outage')
  dataDir = await mkdtemp(path.join(tmpdir(), 'pydotorg-outage-'))
  cmsPort = await freePort()
  const webPort = await freePort()
  cmsUrl = `http://127.0.0.1:${cmsPort}`
  webUrl = `http://127.0.0.1:${webPort}`
  env = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl(postgres.adminUrl, 'outage'),
    DATA_DIR: dataDir,
    PAYLOAD_SECRET: 'outage-test-secret-0123456789abcdef',
    ADMIN_EMAIL: 'outage-admin@example.org',
    ADMIN_PASSWORD: 'outage-test-password-1',
    CMS_PORT: String(cmsPort),
    CMS_URL: cmsUrl,
    CMS_PUBLIC_URL: `http://localhost:${cmsPort}`,
    WEB_PORT: String(webPort),
    SITE_URL: webUrl,
    PURGE_SECRET,
    WEB_PURGE_URLS: webUrl,
    WEB_WORKERS: '1',
    // Fail fast while the CMS is down, instead of making each visitor wait.
    CMS_TIMEOUT_MS: '3000',
  }
  database = new pg.Client({ connectionString: env.DATABASE_URL })
  // The database goes away below: a dropped connection must not crash the test.
  database.on('error', () => undefined)
  await database.connect()
}, 120_000)

afterAll(async () => {
  await stopProcesses(running)
  await database?.end().catch(() => undefined)
  await postgres?.stop()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
  console.log(`outages: ${checks.run} checks, ${checks.failed} failed`)
  if (checks.failed > 0) console.log(log.join('').slice(-20_000))
}, 120_000)

describe('outages, on a stack of its own', () => {
  it('completes a seed that was SIGKILLed halfway, without duplicates, and a further run changes nothing', async () => {
    const first = start('seed (killed)', tsxScript('scripts/prepare.ts'))
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

    const second = start('seed (again)', tsxScript('scripts/prepare.ts'))
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
    const linesBefore = log.length
    const third = start('seed (once more)', tsxScript('seed/run.ts'))
    await check('a further run changes nothing', async () => {
      expect(await exitOf(third)).toBe(0)
      expect(log.slice(linesBefore).join('')).toMatch(/Seed complete: 0 created, 0 updated, \d+ unchanged\./)
    })
  }, 300_000)

  it('keeps the site answering while the CMS is stopped: cached pages 200, the others a 503 page; recovers when it is back', async () => {
    cms = start('cms', cmsCommand(process.cwd(), cmsPort))
    await waitForHttp(`${cmsUrl}/api/health`, 120_000)
    start('web', webCommand())
    await waitForHttp(`${webUrl}/health`, 60_000)
    const cached = ['/', '/downloads/', '/about/']
    for (const page of cached) {
      await get(`${webUrl}${page}`)
      await until(`${page} cached`, async () => ((await get(`${webUrl}${page}`)).headers.get('x-cache') === 'HIT' ? true : undefined), 20_000)
    }

    cms.kill('SIGTERM')
    await exitOf(cms)
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
      const purge = await get(`${webUrl}/_purge`, { method: 'POST', headers: { authorization: `Bearer ${PURGE_SECRET}`, 'content-type': 'application/json' }, body: '{"all": true}' })
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

    cms = start('cms (again)', cmsCommand(process.cwd(), cmsPort))
    await waitForHttp(`${cmsUrl}/api/health`, 120_000)
    await check('the site recovers by itself', async () => {
      await until('the release page', async () => ((await get(`${webUrl}/downloads/release/python-3100/`)).status === 200 ? true : undefined), 30_000)
      await until('a fresh home page', async () => (['MISS', 'HIT'].includes((await get(`${webUrl}/`)).headers.get('x-cache') ?? '') ? true : undefined), 30_000)
    })
  }, 300_000)

  it('answers 503, not 500, while the database is stopped, and recovers when it is back', async () => {
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
