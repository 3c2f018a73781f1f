import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { adminToken, call, createApiUser } from '../../tests/support/legacyApiClient'
import { addToPydotorg, type ToolingFile } from '../../tests/support/releaseTooling'
import type { BenchSite } from './benchSite'
import { recordPage } from './measurements'
import type { CmsRead } from './countingProxy'
import { runWrk, type WrkResult } from './wrk'

export const RELEASE_DAY_PAGES = ['/', '/downloads/', '/downloads/release/python-3147/']
const RELEASE = '3.99.0'
const NAME = `Python ${RELEASE}`
/** The window after the publish whose latencies count as "during". */
const DURING_SECONDS = 10

const FILES: ToolingFile[] = ['Python-3.99.0.tgz', 'Python-3.99.0.tar.xz', 'python-3.99.0-amd64.exe', 'python-3.99.0-arm64.exe', 'python-3.99.0-embed-amd64.zip', 'python-3.99.0-macos11.pkg'].map(
  (filename, index) => ({ filename, sha256: randomBytes(32).toString('hex'), size: 1_000_000 + index, sidecars: ['.sigstore'] }),
)

export type ReleaseDayReport = {
  phases: { label: string; result: WrkResult }[]
  toolingMs: number
  visibleMs: Record<string, number | null>
  /** From the publish request to its answer. */
  publishMs: number
  readsAfterPublish: CmsRead[]
}

/**
 * `npm run bench -- release-day`: a crowd on /, /downloads/ and a release page (wrk, `connections`
 * spread over the three in turn) while the release tooling's sequence (the calls of
 * tests/support/releaseTooling.ts, as tests/system/releaseToolingReplay.test.ts replays them)
 * creates a release, posts its files, and the release manager publishes it as the latest.
 * Phases: before; while the tooling posts the files (unpublished, yet each file purges); the
 * DURING_SECONDS after the publish; after. Also: how long after the publish each page showed the
 * release, and the CMS reads the renderer made in the window after the publish.
 */
export async function releaseDay(site: BenchSite, options: { connections: number; seconds: number }): Promise<ReleaseDayReport> {
  const token = await adminToken(site.cmsUrl, site.adminEmail, site.adminPassword)
  const manager = await createApiUser(site.cmsUrl, token, ['release-manager'], 'bench-release-day')
  const dir = await mkdtemp(path.join(tmpdir(), 'pydotorg-bench-release-day-'))
  const script = path.join(dir, 'pages.lua')
  // wrk takes one URL; this script sends each connection's requests to the pages in turn.
  await writeFile(
    script,
    `local paths = {${RELEASE_DAY_PAGES.map((page) => JSON.stringify(page)).join(', ')}}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`,
  )
  try {
    const load = (seconds: number) => runWrk(`${site.webUrl}/`, { connections: options.connections, threads: 2, seconds, headers: { 'Accept-Encoding': 'br, gzip' }, script })
    // A new connection per request: the cluster hands connections to the workers in turn, so
    // every worker has rendered every page before the crowd comes (a keep-alive client would
    // warm one worker, and the crowd's first requests would render on the others).
    for (const page of RELEASE_DAY_PAGES) for (let index = 0; index < 6; index += 1) await recordPage(`${site.webUrl}${page}`)
    const phases: { label: string; result: WrkResult }[] = []
    phases.push({ label: 'before', result: await load(options.seconds) })

    // The release manager creates the (unpublished) release; the tooling posts its files.
    const toolingStarted = performance.now()
    const [duringTooling] = await Promise.all([
      load(options.seconds),
      (async () => {
        const created = await call(site.cmsUrl, '/api/releases', {
          method: 'POST',
          headers: { authorization: `users API-Key ${manager.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: NAME, version: 3, isPublished: false, releaseDate: new Date().toISOString() }),
        })
        if (created.status !== 201) throw new Error(`creating ${NAME} failed: ${created.status} ${created.text}`)
        await addToPydotorg({ baseUrl: `${site.cmsUrl}/api/v1`, authInfo: `${manager.username}:${manager.apiKey}`, release: RELEASE, files: FILES })
        return (created.body as { doc: { id: number } }).doc.id
      })().then((id) => {
        releaseId = id
      }),
    ])
    const toolingMs = performance.now() - toolingStarted
    phases.push({ label: 'tooling posts the files', result: duringTooling })
    if (releaseId === undefined) throw new Error('the release was not created')

    // Publish as the latest Python 3, with the crowd on, and watch the pages.
    site.cmsReads.take()
    const during = load(DURING_SECONDS)
    const published = performance.now()
    const answer = await call(site.cmsUrl, `/api/releases/${releaseId}`, {
      method: 'PATCH',
      headers: { authorization: `users API-Key ${manager.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ isPublished: true, isLatest: true }),
    })
    if (answer.status !== 200) throw new Error(`publishing ${NAME} failed: ${answer.status} ${answer.text}`)
    // The CMS delivers the purge before it answers: what the pages take beyond this is the
    // purge's trip and the renders.
    const publishMs = performance.now() - published
    const visibleMs = Object.fromEntries(
      await Promise.all(['/downloads/', '/'].map(async (page) => [page, await timeUntilShown(`${site.webUrl}${page}`, published, DURING_SECONDS * 1000)] as const)),
    )
    phases.push({ label: `${DURING_SECONDS} s after the publish`, result: await during })
    const readsAfterPublish = site.cmsReads.take()
    phases.push({ label: 'after', result: await load(options.seconds) })
    return { phases, toolingMs, visibleMs, publishMs, readsAfterPublish }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

let releaseId: number | undefined

/** Milliseconds from `since` to the first answer of `url` naming the release; null if it never did. */
async function timeUntilShown(url: string, since: number, withinMs: number): Promise<number | null> {
  while (performance.now() - since < withinMs) {
    const body = await (await fetch(url)).text()
    if (body.includes(NAME)) return performance.now() - since
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return null
}

export function printReleaseDay(report: ReleaseDayReport, connections: number): void {
  const format = (value: number, digits = 2) => value.toFixed(digits)
  console.log(`\nRelease day: ${connections} connections over ${RELEASE_DAY_PAGES.join(', ')} in turn; the tooling creates and publishes ${NAME} with ${FILES.length} files\n`)
  console.log('phase                          req/s   p50 ms   p99 ms   non-2xx   socket errors')
  for (const { label, result } of report.phases) {
    console.log(
      `${label.padEnd(28)} ${format(result.requestsPerSecond, 0).padStart(7)} ${format(result.p50Ms).padStart(8)} ${format(result.p99Ms).padStart(8)} ${String(result.non2xx).padStart(9)} ${String(result.socketErrors).padStart(15)}`,
    )
  }
  const errors = report.phases.reduce((sum, { result }) => sum + result.non2xx + result.socketErrors, 0)
  console.log(`errors and non-2xx over the whole run: ${errors} (goal 0); the tooling's calls took ${format(report.toolingMs, 0)} ms`)
  for (const [page, ms] of Object.entries(report.visibleMs)) console.log(`publish to ${NAME} on ${page}: ${ms === null ? 'not within 10 s' : `${format(ms, 0)} ms`} (goal < 1000 ms)`)
  console.log(`the publish (PATCH) answered after ${format(report.publishMs, 0)} ms`)
  const reads = report.readsAfterPublish
  const byCache = (label: string) => reads.filter((read) => read.cache === label).length
  const distinct = new Set(reads.map((read) => read.path)).size
  console.log(
    `CMS reads by the renderer in the ${DURING_SECONDS} s after the publish: ${reads.length} (${distinct} distinct; CMS cache HIT ${byCache('HIT')}, MISS ${byCache('MISS')}, BYPASS ${byCache('BYPASS')}), ` +
      `${format(reads.reduce((sum, read) => sum + read.ms, 0), 0)} ms of CMS time in all`,
  )
}
