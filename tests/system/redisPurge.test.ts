/**
 * More than one machine: two renderers as separate processes (as on two machines, not one
 * cluster) and a CMS whose purge job publishes over a real redis-server. The CMS is given no
 * renderer to POST to (WEB_PURGE_URLS points nowhere, no PURGE_SECRET), so what reaches the
 * renderers can only have come through Redis.
 *
 * It runs its own CMS on its own seeded database: the shared system CMS would otherwise take
 * some of this CMS's purge jobs from the common jobs table and deliver them its own way.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureDatabase } from '../../cms/runtime/ensureDatabase'
import { buildCms } from '../../scripts/build'
import { runCommand } from '../../scripts/lib/runCommand'
import { cmsCommand, webCommand } from '../../scripts/lib/serviceCommands'
import { waitForHttp } from '../../scripts/lib/waitForHttp'
import { sitePurgeChannel } from '../../web/src/cache/redisPurgeMessage'
import { signInToCms, type CmsAdmin } from '../support/cmsAdmin'
import { freePort } from '../support/freePort'
import { startLoggedProcess, stopProcesses } from '../support/startLoggedProcess'
import { databaseUrl, startTestPostgres, type TestPostgres } from '../support/testPostgres'
import { startTestRedis, type TestRedis } from '../support/testRedis'

const ADMIN_EMAIL = 'redis-admin@example.org'
const ADMIN_PASSWORD = 'redis-test-password-1'
const PURGE_SECRET = 'redis-test-purge-secret-0123456789'
/** How long an edit may take to show on a renderer (the job runs within a second or so). */
const EDIT_DEADLINE_MS = 15_000

type Answer = { status: number; cache: string; body: string }

let redis: TestRedis | undefined
let postgres: TestPostgres | undefined
let dataDir: string | undefined
const children: ChildProcess[] = []
const log: string[] = []
let cmsUrl = ''
let renderers: string[] = []
let admin: CmsAdmin
let watcher: Redis | undefined
let page: { id: number; path: string }

async function get(renderer: string, pagePath: string): Promise<Answer> {
  const response = await fetch(`${renderer}${pagePath}`)
  return { status: response.status, cache: response.headers.get('x-cache') ?? '', body: await response.text() }
}

/** Renderer processes subscribed to the purge channel, as Redis counts them. */
async function subscribedRenderers(): Promise<number> {
  const reply = (await watcher!.call('PUBSUB', 'NUMSUB', sitePurgeChannel)) as [string, number]
  return Number(reply[1])
}

async function until<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = EDIT_DEADLINE_MS): Promise<{ value: T; elapsedMs: number }> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    const value = await attempt().catch(() => undefined)
    if (value !== undefined) return { value, elapsedMs: Date.now() - started }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${log.slice(-40).join('')}`)
}

/** Requests the page until the renderer answers it from its cache. */
async function warm(renderer: string): Promise<Answer> {
  return (await until(`${renderer}${page.path} to be cached`, async () => {
    const answer = await get(renderer, page.path)
    return answer.cache === 'HIT' ? answer : undefined
  })).value
}

/** Polls until the renderer shows `text`; returns the first answer that did, and when. */
async function firstAnswerShowing(renderer: string, text: string): Promise<{ value: Answer; elapsedMs: number }> {
  return until(`${renderer}${page.path} to show "${text}"`, async () => {
    const answer = await get(renderer, page.path)
    return answer.body.includes(text) ? answer : undefined
  })
}

async function retitle(title: string): Promise<void> {
  const saved = await admin.request('PATCH', `/api/pages/${page.id}`, { title, _status: 'published' })
  expect(saved.status, JSON.stringify(saved.json)).toBe(200)
}

beforeAll(async () => {
  try {
    redis = await startTestRedis()
    postgres = await startTestPostgres()
    await ensureDatabase(postgres.adminUrl, 'redis_purge')
    dataDir = await mkdtemp(path.join(tmpdir(), 'pydotorg-redis-purge-'))
    const [cmsPort, webPortA, webPortB] = [await freePort(), await freePort(), await freePort()]
    cmsUrl = `http://127.0.0.1:${cmsPort}`
    renderers = [`http://127.0.0.1:${webPortA}`, `http://127.0.0.1:${webPortB}`]
    const shared: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      REDIS_URL: redis.url,
      CMS_URL: cmsUrl,
      SITE_URL: renderers[0],
    }
    const cmsEnv: NodeJS.ProcessEnv = {
      ...shared,
      DATABASE_URL: databaseUrl(postgres.adminUrl, 'redis_purge'),
      DATA_DIR: dataDir,
      PAYLOAD_SECRET: 'redis-test-secret-0123456789abcdef',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      CMS_PORT: String(cmsPort),
      CMS_PUBLIC_URL: `http://localhost:${cmsPort}`,
      // Nothing listens there and no secret is set: purges can only travel over Redis.
      WEB_PURGE_URLS: 'http://127.0.0.1:9',
      PURGE_SECRET: '',
    }
    await buildCms({ ifNeeded: true })
    await runCommand('npx', ['tsx', 'scripts/prepare.ts'], cmsEnv)
    children.push(startLoggedProcess('cms', cmsCommand(process.cwd(), cmsPort), cmsEnv, log))
    await waitForHttp(`${cmsUrl}/api/health`, 120_000)
    for (const [index, port] of [webPortA, webPortB].entries()) {
      const webEnv = { ...shared, WEB_PORT: String(port), WEB_WORKERS: '1', PURGE_SECRET }
      children.push(startLoggedProcess(`web-${'ab'[index]}`, webCommand(), webEnv, log))
    }
    await Promise.all(renderers.map((renderer) => waitForHttp(`${renderer}/health`, 60_000)))

    watcher = new Redis(redis.url, { retryStrategy: () => 200 })
    watcher.on('error', () => undefined)
    await until('both renderers to subscribe', async () => ((await subscribedRenderers()) === 2 ? true : undefined))

    admin = await signInToCms(cmsUrl, ADMIN_EMAIL, ADMIN_PASSWORD)
    const found = await admin.request('GET', '/api/pages?where[_status][equals]=published&sort=path&limit=1&depth=0')
    const [first] = (found.json as { docs: { id: number; path: string }[] }).docs
    if (first === undefined) throw new Error('the seeded database has no published page')
    page = first
  } catch (error) {
    console.error(log.join(''))
    throw error
  }
}, 900_000)

afterAll(async () => {
  watcher?.disconnect()
  await stopProcesses(children)
  await redis?.dispose()
  await postgres?.stop()
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true })
})

describe('purges over Redis between renderers on different machines', () => {
  it('shows a page saved in the CMS on both renderers, though the CMS lists neither', async () => {
    for (const renderer of renderers) expect((await warm(renderer)).status).toBe(200)

    const title = `Saved over Redis ${Date.now()}`
    await retitle(title)
    for (const renderer of renderers) {
      const { value: answer, elapsedMs } = await firstAnswerShowing(renderer, title)
      expect(answer.status).toBe(200)
      expect(answer.cache, `${renderer} re-rendered the page`).toBe('MISS')
      console.log(`${renderer}: the edit showed after ${elapsedMs} ms`)
    }
  })

  it('passes a POST /_purge received by one renderer on to the other', async () => {
    const [first, second] = renderers as [string, string]
    for (const renderer of renderers) await warm(renderer)

    const response = await fetch(`${first}/_purge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${PURGE_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ urls: [page.path] }),
    })
    expect(response.status).toBe(200)
    // Both renderer processes were subscribed when Redis took the order.
    expect(await response.json()).toMatchObject({ status: 'ok', pages: 1, workers: 1, subscribers: 2 })

    expect((await get(first, page.path)).cache).toBe('MISS')
    // The other one applies the message as it arrives, within milliseconds.
    const { value: answer } = await until('the other renderer to drop the page', async () => {
      const answer = await get(second, page.path)
      return answer.cache === 'HIT' ? undefined : answer
    }, 2_000)
    expect(answer.cache).toBe('MISS')
  })

  it('keeps serving while Redis is down, and purges again once it is back', async () => {
    for (const renderer of renderers) await warm(renderer)
    await redis!.stop()

    // Cached and cold pages alike are still served.
    for (const renderer of renderers) {
      expect(await get(renderer, page.path)).toMatchObject({ status: 200, cache: 'HIT' })
      expect((await get(renderer, '/downloads/')).status).toBe(200)
    }
    // A purge sent to a renderer now cannot reach the others: it says so, and the caller retries.
    const refused = await fetch(`${renderers[0]}/_purge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${PURGE_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ keys: ['boxes'] }),
    })
    expect(refused.status).toBe(503)

    // An edit during the outage: its purge job fails and is retried; the renderers keep serving.
    const duringOutage = `Saved while Redis was down ${Date.now()}`
    await retitle(duringOutage)
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    for (const renderer of renderers) {
      const answer = await get(renderer, page.path)
      expect(answer.status).toBe(200)
      expect(answer.body).not.toContain(duringOutage)
    }

    await redis!.start()
    const { elapsedMs: resubscribedAfterMs } = await until('both renderers to subscribe again', async () =>
      (await subscribedRenderers()) === 2 ? true : undefined,
    )
    console.log(`both renderers resubscribed ${resubscribedAfterMs} ms after Redis came back`)
    // Each dropped its cache on resubscribing (or the job's retry got through): the edit shows.
    for (const renderer of renderers) expect((await firstAnswerShowing(renderer, duringOutage)).value.cache).toBe('MISS')

    // And purges work again.
    for (const renderer of renderers) await warm(renderer)
    const afterOutage = `Saved after Redis came back ${Date.now()}`
    await retitle(afterOutage)
    for (const renderer of renderers) {
      const { value: answer, elapsedMs } = await firstAnswerShowing(renderer, afterOutage)
      expect(answer.cache).toBe('MISS')
      console.log(`${renderer}: the edit after the outage showed after ${elapsedMs} ms`)
    }
  })
})
