/**
 * Two runs of python.org's release tooling for the same release, racing (each run deletes the
 * release's files, then posts them one by one), four times over, the second run starting a little
 * later each time so it cuts in at another step, while a watcher reads the
 * release's files as fast as it can. At no moment may a file be doubled, a release and OS have
 * two download buttons, or a file be half written; every request is answered with a 2xx or a 4xx
 * (never a 5xx); and one more run on its own leaves exactly its files.
 */
import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminToken, call, createApiUser, type ApiUser } from '../../support/legacyApiClient'
import { addToPydotorg, ToolingFailure, type ToolingFile, type ToolingLog } from '../../support/releaseTooling'

const cmsUrl = inject('cmsUrl')
const RELEASE = '3.79.0rc2'
/** Each round starts the second run a little later, so it cuts into the first at another step. */
const ROUNDS = 4
const STAGGER_MS = 150

const FILES: ToolingFile[] = [
  'Python-3.79.0rc2.tgz',
  'Python-3.79.0rc2.tar.xz',
  'python-3.79.0rc2-amd64.exe',
  'python-3.79.0rc2-arm64.exe',
  'python-3.79.0rc2.exe',
  'python-3.79.0rc2-embed-amd64.zip',
  'python-3.79.0rc2-macos11.pkg',
  'Python-3.79.0rc2-iOS-XCframework.tar.gz',
].map((filename, index) => ({ filename, sha256: randomBytes(32).toString('hex'), size: 2000 + index, sidecars: filename.endsWith('.tar.xz') ? ['.asc', '.sigstore', '.spdx.json'] : ['.sigstore'] }))

type LegacyFile = Record<string, unknown> & { url: string; os: string; download_button: boolean }

let manager: ApiUser
let token: string
let releaseId: number

async function filesOfRelease(): Promise<LegacyFile[]> {
  const answer = await call(cmsUrl, `/api/v1/downloads/release_file/?release=${releaseId}&limit=0`, { headers: { authorization: manager.authorization } })
  if (answer.status !== 200) throw new Error(`listing files answered ${answer.status}`)
  return (answer.body as { objects: LegacyFile[] }).objects
}

/** What is wrong with one moment's files: doubles, two buttons for an OS, a file not as posted. */
function snapshotProblems(files: LegacyFile[]): string[] {
  const problems: string[] = []
  const urls = files.map((file) => file.url)
  for (const url of new Set(urls)) if (urls.filter((candidate) => candidate === url).length > 1) problems.push(`doubled: ${url}`)
  const buttons = files.filter((file) => file.download_button).map((file) => file.os)
  for (const os of new Set(buttons)) if (buttons.filter((candidate) => candidate === os).length > 1) problems.push(`two download buttons for ${os}`)
  for (const file of files) {
    const posted = FILES.find((candidate) => file.url.endsWith(`/${candidate.filename}`))
    if (!posted) problems.push(`unknown file ${file.url}`)
    else if (file.sha256_sum !== posted.sha256 || file.filesize !== posted.size || file.sigstore_bundle_file !== `${file.url}.sigstore`) problems.push(`half written: ${file.url}`)
  }
  return problems
}

beforeAll(async () => {
  token = await adminToken(cmsUrl, inject('adminEmail'), inject('adminPassword'))
  manager = await createApiUser(cmsUrl, token, ['release-manager'], 'race-rm')
  const created = await call(cmsUrl, '/api/releases', {
    method: 'POST',
    headers: { authorization: `users API-Key ${manager.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Python ${RELEASE}`, version: 3, preRelease: true, isPublished: false, releaseDate: '2031-06-06T00:00:00.000Z' }),
  })
  expect(created.status, created.text).toBe(201)
  releaseId = (created.body as { doc: { id: number } }).doc.id
})

// The system tests share one seeded database: leave it as seeded.
afterAll(async () => {
  if (releaseId !== undefined) await call(cmsUrl, `/api/v1/downloads/release/${releaseId}/`, { method: 'DELETE', headers: { authorization: manager.authorization } })
  if (manager) await call(cmsUrl, `/api/users/${manager.id}`, { method: 'DELETE', headers: { authorization: `JWT ${token}` } })
})

describe("two runs of the release tooling racing for one release", () => {
  it('never doubles a file or a download button, answers every request 2xx or 4xx, and one more run leaves exactly its files', async () => {
    const authInfo = `${manager.username}:${manager.apiKey}`
    const problems = new Set<string>()
    const logs: ToolingLog[] = []
    let racing = true
    let snapshots = 0
    const watcher = (async () => {
      while (racing) {
        for (const problem of snapshotProblems(await filesOfRelease())) problems.add(problem)
        snapshots += 1
      }
    })()
    const outcomes: string[] = []
    for (let round = 0; round < ROUNDS; round += 1) {
      const runs = await Promise.allSettled([0, 1].map(async (index) => {
        await new Promise((resolve) => setTimeout(resolve, index * round * STAGGER_MS))
        const log: ToolingLog = []
        logs.push(log)
        try {
          await addToPydotorg({ baseUrl: `${cmsUrl}/api/v1`, authInfo, release: RELEASE, files: FILES, log })
          return 'completed'
        } catch (error) {
          if (error instanceof ToolingFailure) return `failed: ${error.message.slice(0, 120)}`
          throw error
        }
      }))
      for (const run of runs) outcomes.push(run.status === 'fulfilled' ? run.value : `crashed: ${String(run.reason)}`)
    }
    racing = false
    await watcher
    console.log(`release tooling race: ${ROUNDS * 2} runs, ${snapshots} snapshots read during the race\n  ${outcomes.join('\n  ')}`)

    expect(outcomes.filter((outcome) => outcome.startsWith('crashed'))).toEqual([])
    // Every request was answered: done (2xx) or refused with a reason (4xx), never a 5xx.
    const answers = logs.flat()
    console.log(`release tooling race: ${answers.length} requests, statuses ${[...new Set(answers.map((entry) => entry.status))].sort().join(' ')}`)
    expect(answers.filter((entry) => entry.status >= 500)).toEqual([])
    expect([...problems]).toEqual([])

    // Alone, the tool leaves exactly its files: each once, one button per OS, all as posted.
    const final = await addToPydotorg({ baseUrl: `${cmsUrl}/api/v1`, authInfo, release: RELEASE, files: FILES })
    expect(final.every((entry) => entry.status < 300)).toBe(true)
    const files = await filesOfRelease()
    expect(snapshotProblems(files)).toEqual([])
    expect(files.map((file) => file.url).sort()).toEqual(FILES.map((file) => `https://www.python.org/ftp/python/3.79.0/${file.filename}`).sort())
  })

  it('lets exactly one of eight identical POSTs fired at once through: one file, the others refused with a 4xx', async () => {
    const emptied = await call(cmsUrl, `/api/v1/downloads/release_file/?release=${releaseId}`, { method: 'DELETE', headers: { authorization: manager.authorization } })
    expect(emptied.status).toBe(204)
    const os = ((await call(cmsUrl, '/api/v1/downloads/os/?slug=windows')).body as { objects: { resource_uri: string }[] }).objects[0]?.resource_uri
    const url = 'https://www.python.org/ftp/python/3.79.0/python-3.79.0rc2-amd64.exe'
    const body = JSON.stringify({
      name: 'Windows installer (64-bit)', slug: '3790-rc2-Windows-installer-64-bit', os, release: `/api/v1/downloads/release/${releaseId}/`,
      description: 'Recommended', is_source: false, url, sha256_sum: 'a'.repeat(64), filesize: 42, download_button: true,
    })
    const answers = await Promise.all(Array.from({ length: 8 }, () => call(cmsUrl, '/api/v1/downloads/release_file/', { method: 'POST', headers: { authorization: manager.authorization, 'content-type': 'application/json' }, body })))
    const statuses = answers.map((answer) => answer.status).sort()
    console.log(`release tooling race: eight identical POSTs answered ${statuses.join(' ')}`)
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status < 400 || status >= 500).length).toBe(1)
    for (const refused of answers.filter((answer) => answer.status !== 201)) expect((refused.body as { error_message?: string }).error_message ?? '').not.toBe('')
    expect((await filesOfRelease()).map((file) => file.url)).toEqual([url])
  })
})
