/**
 * `npm run bench`: starts the seeded site (throw-away database, built CMS, renderer with one
 * worker per core) and prints, for `/`, `/downloads/` and a release page:
 *  - requests/s, p50 and p99 at 64 connections with wrk, served from the page cache;
 *  - the same for a raw node:http server with as many processes sending the same bytes;
 *  - their ratio (target: >= 0.8);
 *  - the same cached pages for a signed-in visitor (the session cookie `pydotorg_session` sent),
 *    and its ratio to the anonymous figure of the same run (target: >= 0.9): public pages stay
 *    the same bytes for everyone and come from the page cache whoever asks (issue 11);
 * then the p95 of cold renders, one request at a time (target < 50 ms), after a release edit
 * (the purge a release save sends; the renderer keeps its CMS reads of other collections) and
 * fully cold (everything purged), and the edit-to-visible time (save in the CMS over REST, poll the page;
 * target < 1 s).
 * It also prints the CMS API under the same crowd (anonymous `GET /api/releases`, depth 0 and 1,
 * answered by the CMS's response cache, against the raw server sending the same bytes) and, for
 * each cold render, how many CMS reads the page made and their time (the renderer reads the CMS
 * through a counting proxy, scripts/bench/countingProxy.ts).
 *
 * `npm run bench -- release-day` instead runs the release-day scenario (releaseDay.ts), and
 * `npm run bench -- cold` the cold renders alone.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { spawn } from 'node:child_process'

import { freePort } from '../../tests/support/freePort'
import { waitForHttp } from '../lib/waitForHttp'
import { startBenchSite, type BenchSite } from './benchSite'
import type { CmsRead } from './countingProxy'
import { percentile, purge, recordPage, timeGet } from './measurements'
import { editToVisible, editToVisibleWithSaves } from './editToVisible'
import { printReleaseDay, releaseDay } from './releaseDay'
import { runWrk, type WrkResult } from './wrk'
import { describeIdleJobs, waitForIdleJobs } from './waitForIdleJobs'
import { sessionCookieName } from '../../web/src/accounts/sessionCookie'

const CONNECTIONS = 64
const SECONDS = Number(process.env.BENCH_SECONDS || 8)
const COLD_SAMPLES = 30
const EDIT_SAMPLES = 5
const PAGES = ['/', '/downloads/', '/downloads/release/python-3147/']
/** Anonymous API reads under the crowd (issue 14's table), served by the CMS's response cache. */
const API_READS = ['/api/releases?limit=10&depth=0', '/api/releases?limit=10&depth=1']

/**
 * The signed-in visitor's cookie. A public page never resolves the session (only the account
 * pages and /authenticated do), so what is measured is the cookie's cost on the cache path: its
 * parsing, and that it must not send the request past the cache. A well-formed token is enough.
 */
const SIGNED_IN_COOKIE = `${sessionCookieName}=${process.env.BENCH_SESSION_TOKEN || 'bench-signed-in-visitor-session-0123456789'}`

const workers = availableParallelism()
const format = (value: number, digits = 2) => value.toFixed(digits)

async function withBaseline<T>(recording: Record<string, { headers: string[]; body: string }>, use: (baseUrl: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pydotorg-bench-raw-'))
  const file = path.join(dir, 'recording.json')
  await writeFile(file, JSON.stringify(recording))
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/rawServer.ts', String(port), String(workers), file], { stdio: 'inherit' })
  try {
    const firstPath = Object.keys(recording)[0] ?? '/'
    await waitForHttp(`http://127.0.0.1:${port}${firstPath}`, 30_000)
    return await use(`http://127.0.0.1:${port}`)
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
    await rm(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const scenario = process.argv[2]
  if (scenario !== undefined && scenario !== 'release-day' && scenario !== 'cold') {
    throw new Error(`unknown scenario "${scenario}"; try \`npm run bench\`, \`npm run bench -- release-day\` or \`npm run bench -- cold\``)
  }
  console.log(`Starting the seeded site with ${workers} renderer and ${workers} CMS workers...`)
  const site: BenchSite = await startBenchSite(workers)
  try {
    console.log(`Waiting until the CMS's job queue has nothing due...`)
    console.log(describeIdleJobs(await waitForIdleJobs(site)))
    if (scenario === 'release-day') {
      printReleaseDay(await releaseDay(site, { connections: CONNECTIONS, seconds: SECONDS }), CONNECTIONS)
      return
    }
    if (scenario === 'cold') {
      await coldOnly(site)
      return
    }
    const pages: string[] = []
    const recording: Record<string, { headers: string[]; body: string }> = {}
    for (const page of PAGES) {
      // Each worker has its own cache: request until one answers from it.
      let recorded = await recordPage(`${site.webUrl}${page}`)
      for (let attempt = 0; attempt < workers * 3 && recorded.cache !== 'HIT'; attempt += 1) recorded = await recordPage(`${site.webUrl}${page}`)
      if (recorded.status !== 200 || recorded.cache !== 'HIT') {
        console.log(`skipping ${page}: status ${recorded.status}, X-Cache ${recorded.cache}`)
        continue
      }
      pages.push(page)
      recording[page] = { headers: recorded.headers, body: recorded.body.toString('base64') }
    }

    if (pages.length === 0) throw new Error('no page could be served from the cache; nothing to measure')
    const wrkOptions = { connections: CONNECTIONS, threads: 2, seconds: SECONDS, headers: { 'Accept-Encoding': 'br, gzip' } }
    const cached = new Map<string, WrkResult>()
    for (const page of pages) {
      // Warm every worker before measuring.
      for (let index = 0; index < workers * 2; index += 1) await recordPage(`${site.webUrl}${page}`)
      cached.set(page, await runWrk(`${site.webUrl}${page}`, wrkOptions))
    }
    // The signed-in visitor right after, on the same warm caches: the same bytes, from the cache.
    const signedIn = new Map<string, WrkResult>()
    for (const page of pages) {
      const seen = await recordPage(`${site.webUrl}${page}`, { cookie: SIGNED_IN_COOKIE })
      const anonymousBody = Buffer.from(recording[page]?.body ?? '', 'base64')
      if (seen.cache !== 'HIT' || !seen.body.equals(anonymousBody)) {
        throw new Error(`${page} for a signed-in visitor: X-Cache ${seen.cache}, ${seen.body.equals(anonymousBody) ? 'same' : 'different'} bytes; public pages must be the cached bytes for everyone`)
      }
      signedIn.set(page, await runWrk(`${site.webUrl}${page}`, { ...wrkOptions, headers: { ...wrkOptions.headers, Cookie: SIGNED_IN_COOKIE } }))
    }
    // The CMS API, anonymous, the same crowd: the response cache answers after the first read.
    const apiRecording: Record<string, { headers: string[]; body: string }> = {}
    const api = new Map<string, WrkResult>()
    for (const read of API_READS) {
      const recorded = await recordPage(`${site.cmsUrl}${read}`)
      if (recorded.status !== 200) throw new Error(`${read} answered ${recorded.status}`)
      apiRecording[read] = { headers: recorded.headers, body: recorded.body.toString('base64') }
      api.set(read, await runWrk(`${site.cmsUrl}${read}`, wrkOptions))
    }
    const baseline = await withBaseline({ ...recording, ...apiRecording }, async (baseUrl) => {
      const results = new Map<string, WrkResult>()
      for (const page of [...pages, ...API_READS]) results.set(page, await runWrk(`${baseUrl}${page}`, wrkOptions))
      return results
    })

    // Cold renders, one request at a time. "After a release edit": the purge the CMS sends
    // when a release is saved (its collection and the download boxes it regenerates), so the
    // renderer's CMS read cache drops those reads and keeps the navigation and the rest.
    // "Fully cold": everything purged, every CMS read made again, as after a bulk import.
    const coldAfterEdit = await measureColdRenders(site, pages, { keys: ['releases', 'boxes'] })
    const fullyCold = await measureColdRenders(site, pages, { all: true })

    // The floor under every cold render: one round trip to the CMS (Payload on Next.js) that
    // does no database work. A page needs several CMS reads, some of them in sequence.
    const cmsFloor: number[] = []
    for (let index = 0; index < COLD_SAMPLES; index += 1) cmsFloor.push((await timeGet(`${site.cmsUrl}/api/health`)).ms)

    const edits = await editToVisible(site, EDIT_SAMPLES)

    console.log(`\nBench: ${workers} processes each side, ${CONNECTIONS} connections, ${SECONDS} s per run, Accept-Encoding: br, gzip\n`)
    console.log('page                              cached req/s   p50 ms   p99 ms | raw req/s   p50 ms   p99 ms | ratio')
    for (const page of pages) {
      const site = cached.get(page)
      const raw = baseline.get(page)
      if (site === undefined || raw === undefined) continue
      console.log(
        `${page.padEnd(33)} ${format(site.requestsPerSecond, 0).padStart(12)} ${format(site.p50Ms).padStart(8)} ${format(site.p99Ms).padStart(8)} | ` +
          `${format(raw.requestsPerSecond, 0).padStart(9)} ${format(raw.p50Ms).padStart(8)} ${format(raw.p99Ms).padStart(8)} | ` +
          `${format(site.requestsPerSecond / raw.requestsPerSecond)}${site.non2xx + raw.non2xx > 0 ? ` (non-2xx: ${site.non2xx}/${raw.non2xx})` : ''}`,
      )
    }
    console.log('\nCMS API, anonymous (X-CMS-Cache HIT after the first read)  req/s   p50 ms   p99 ms | raw req/s   p50 ms   p99 ms | ratio')
    for (const read of API_READS) {
      const cms = api.get(read)
      const raw = baseline.get(read)
      if (cms === undefined || raw === undefined) continue
      console.log(
        `${read.padEnd(55)} ${format(cms.requestsPerSecond, 0).padStart(8)} ${format(cms.p50Ms).padStart(8)} ${format(cms.p99Ms).padStart(8)} | ` +
          `${format(raw.requestsPerSecond, 0).padStart(9)} ${format(raw.p50Ms).padStart(8)} ${format(raw.p99Ms).padStart(8)} | ` +
          `${format(cms.requestsPerSecond / raw.requestsPerSecond)}${cms.non2xx + cms.socketErrors > 0 ? ` (non-2xx: ${cms.non2xx}, socket errors: ${cms.socketErrors})` : ''}`,
      )
    }
    console.log(`\nsigned-in visitor (Cookie: ${sessionCookieName}=...), the same cached pages, right after the anonymous runs:`)
    console.log('page                              signed-in req/s   p50 ms   p99 ms | vs anonymous (target >= 0.9)')
    for (const page of pages) {
      const anonymous = cached.get(page)
      const visitor = signedIn.get(page)
      if (anonymous === undefined || visitor === undefined) continue
      console.log(
        `${page.padEnd(33)} ${format(visitor.requestsPerSecond, 0).padStart(15)} ${format(visitor.p50Ms).padStart(8)} ${format(visitor.p99Ms).padStart(8)} | ` +
          `${format(visitor.requestsPerSecond / anonymous.requestsPerSecond)}${visitor.non2xx > 0 ? ` (non-2xx: ${visitor.non2xx})` : ''}`,
      )
    }
    printColdRenders(coldAfterEdit, fullyCold, cmsFloor)
    console.log(
      `\nedit-to-visible (PATCH a release in the CMS as admin, poll / until it shows): ` +
        `${edits.map((ms) => format(ms, 0)).join(', ')} ms; median ${format(percentile(edits, 0.5), 0)} ms, max ${format(Math.max(...edits), 0)} ms (target < 1000 ms)`,
    )
  } finally {
    await site.stop()
  }
}

/** Purges (the order plus the page's URL, or everything) before each GET, which must then be a render. */
type ColdRenders = Awaited<ReturnType<typeof measureColdRenders>>

function printColdRenders(coldAfterEdit: ColdRenders, fullyCold: ColdRenders, cmsFloor: readonly number[]): void {
  for (const [label, measured] of [
    ['cold renders after a release edit (purge keys releases + boxes; other CMS reads kept)', coldAfterEdit],
    ['fully cold renders (the renderer purged of everything first, so every CMS read is made; the CMS response cache keeps its answers, as no write happened)', fullyCold],
  ] as const) {
    console.log(`\n${label}, one at a time, ${COLD_SAMPLES} per page:`)
    for (const [page, samples] of measured.byPage) {
      const reads = measured.readsByPage.get(page) ?? []
      const counts = reads.map((render) => render.length)
      const cmsMs = reads.map((render) => render.reduce((sum, read) => sum + read.ms, 0))
      console.log(
        `  ${page.padEnd(33)} p50 ${format(percentile(samples, 0.5))} ms  p95 ${format(percentile(samples, 0.95))} ms | ` +
          `CMS reads per render: median ${percentile(counts, 0.5)}, max ${Math.max(...counts)}; their summed time p50 ${format(percentile(cmsMs, 0.5))} ms p95 ${format(percentile(cmsMs, 0.95))} ms`,
      )
    }
    console.log(`  all pages                         p95 ${format(percentile(measured.all, 0.95))} ms (target < 50 ms)`)
  }
  console.log(`  for scale, GET /api/health on the CMS: p50 ${format(percentile(cmsFloor, 0.5))} ms  p95 ${format(percentile(cmsFloor, 0.95))} ms`)
}

/**
 * `npm run bench -- cold`: the cold renders alone (after a release edit, fully cold), with each
 * page's CMS reads, without the crowd runs: a few minutes less on a small machine.
 */
async function coldOnly(site: BenchSite): Promise<void> {
  for (const page of PAGES) for (let index = 0; index < workers * 3; index += 1) await recordPage(`${site.webUrl}${page}`)
  const coldAfterEdit = await measureColdRenders(site, PAGES, { keys: ['releases', 'boxes'] })
  const fullyCold = await measureColdRenders(site, PAGES, { all: true })
  const cmsFloor: number[] = []
  for (let index = 0; index < COLD_SAMPLES; index += 1) cmsFloor.push((await timeGet(`${site.cmsUrl}/api/health`)).ms)
  printColdRenders(coldAfterEdit, fullyCold, cmsFloor)
  const edits = await editToVisibleWithSaves(site, EDIT_SAMPLES)
  console.log(
    `\nedit-to-visible (PATCH a release in the CMS as admin, poll / until it shows): ` +
      `${edits.visibleMs.map((ms) => format(ms, 0)).join(', ')} ms; median ${format(percentile(edits.visibleMs, 0.5), 0)} ms, max ${format(Math.max(...edits.visibleMs), 0)} ms (target < 1000 ms)`,
  )
  console.log(`  of which the save's own answer (the purge is delivered before it): ${edits.saveMs.map((ms) => format(ms, 0)).join(', ')} ms; median ${format(percentile(edits.saveMs, 0.5), 0)} ms`)
}

async function measureColdRenders(site: BenchSite, pages: readonly string[], order: { keys: string[] } | { all: true }) {
  const all: number[] = []
  const byPage = new Map<string, number[]>()
  const readsByPage = new Map<string, CmsRead[][]>()
  for (const page of pages) {
    const samples: number[] = []
    const reads: CmsRead[][] = []
    for (let index = 0; index < COLD_SAMPLES; index += 1) {
      await purge(site.webUrl, site.purgeSecret, 'all' in order ? order : { ...order, urls: [page] })
      site.cmsReads.take()
      const { ms, cache } = await timeGet(`${site.webUrl}${page}`)
      if (cache !== 'MISS') throw new Error(`cold render of ${page} answered X-Cache ${cache}`)
      samples.push(ms)
      reads.push(site.cmsReads.take())
    }
    byPage.set(page, samples)
    readsByPage.set(page, reads)
    all.push(...samples)
  }
  return { all, byPage, readsByPage }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    process.exit(1)
  },
)
