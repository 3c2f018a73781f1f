import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signInToCms } from '../support/cmsAdmin'
import { startDedicatedCms, type DedicatedCms } from '../support/dedicatedCms'

/**
 * CMS_WORKERS=2 (issue 14): two serving processes behind one port, each with its own response
 * cache; a write answered by one worker drops the other's cached answers, and SIGTERM stops both.
 */
let cms: DedicatedCms

beforeAll(async () => {
  cms = await startDedicatedCms('cms-workers', { CMS_WORKERS: '2' })
}, 600_000)

afterAll(async () => {
  await cms?.stop()
})

/** A new connection each time, so node:cluster hands requests to the workers in turn. */
async function read(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${cms.url}${path}`, { headers: { connection: 'close', ...headers } })
  const body = (await response.json()) as { totalDocs?: number }
  return { status: response.status, worker: response.headers.get('x-served-by'), cache: response.headers.get('x-cms-cache'), totalDocs: body.totalDocs }
}

/** Reads `path` until each of the two workers has answered it (at most 40 tries). */
async function readFromBothWorkers(path: string) {
  const seen = new Map<string, Awaited<ReturnType<typeof read>>[]>()
  for (let attempt = 0; attempt < 40 && (seen.size < 2 || [...seen.values()].some((answers) => answers.length < 2)); attempt += 1) {
    const answer = await read(path)
    expect(answer.status).toBe(200)
    seen.set(answer.worker ?? '?', [...(seen.get(answer.worker ?? '?') ?? []), answer])
  }
  return seen
}

describe('the CMS with CMS_WORKERS=2', () => {
  it('answers from two workers, and a write in one drops the cached answers of both', async () => {
    const admin = await signInToCms(cms.url, cms.adminEmail, cms.adminPassword)
    const name = `Python 8.${100 + Math.floor(Math.random() * 900)}.${Math.floor(Math.random() * 1000)}`
    const created = await admin.request('POST', '/api/releases', { name, version: 3, isPublished: false, releaseDate: '2031-05-06T00:00:00.000Z' })
    expect(created.status).toBe(201)
    const id = (created.json as { doc: { id: number } }).doc.id
    const path = `/api/releases?where[name][equals]=${encodeURIComponent(name)}&depth=0`

    const before = await readFromBothWorkers(path)
    expect([...before.keys()].sort()).toEqual(['cms-1', 'cms-2'])
    for (const answers of before.values()) {
      expect(answers.map((answer) => answer.totalDocs)).toEqual(answers.map(() => 0))
      expect(answers.at(-1)?.cache).toBe('HIT')
    }

    expect((await admin.request('PATCH', `/api/releases/${id}`, { isPublished: true })).status).toBe(200)
    const after = await readFromBothWorkers(path)
    expect([...after.keys()].sort()).toEqual(['cms-1', 'cms-2'])
    for (const answers of after.values()) expect(answers.map((answer) => answer.totalDocs)).toEqual(answers.map(() => 1))
  })

  it('stops both workers cleanly on SIGTERM', async () => {
    // A restart is a SIGTERM to the running CMS (awaited until it exits), then a new start.
    await cms.restart({ CMS_WORKERS: '2' })
    expect((await read('/api/health')).status).toBe(200)
    const output = cms.output()
    expect(output).toContain('SIGTERM received, stopping 2 workers')
    expect(output).toContain('all workers stopped')
    expect(output).not.toContain('killing them (SIGKILL)')
    expect(output).toMatch(/2 workers listening on port \d+/)
  })
})
