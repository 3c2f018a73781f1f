import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { runExclusively } from '../../cms/jobs/runExclusively'
import { signInToCms, type CmsAdmin } from '../support/cmsAdmin'
import { connectToSystemDatabase } from '../support/systemLocalPayload'

/**
 * The CMS's response cache (issue 14) on the shared system CMS: anonymous reads are answered from
 * memory, and a committed write by any path (REST, GraphQL, the admin's cookie session) is seen
 * by the very next anonymous read; one by another process (the Local API in a script, a task's
 * transaction) as soon as its commit's notification arrives.
 */
const cmsUrl = inject('cmsUrl')
const name = `Python 9.${100 + Math.floor(Math.random() * 900)}.${Math.floor(Math.random() * 1000)}`
const listPath = `/api/releases?where[name][equals]=${encodeURIComponent(name)}&depth=0`
let admin: CmsAdmin
let local: Payload
let releaseId: number

async function anonymous(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${cmsUrl}${path}`, { headers })
  return { status: response.status, cache: response.headers.get('x-cms-cache'), body: (await response.json()) as { totalDocs?: number; docs?: { isPublished?: boolean }[] } }
}

async function graphql(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${cmsUrl}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) })
  return { status: response.status, cache: response.headers.get('x-cms-cache'), body: (await response.json()) as { data?: { Releases?: { totalDocs: number } } } }
}

const releasesQuery = `{ Releases(where: { name: { equals: ${JSON.stringify(name)} } }) { totalDocs } }`

/** Reads twice (the second from the cache), so the next read after a write would be a stale hit. */
async function visibleAnonymously(): Promise<number> {
  const first = await anonymous(listPath)
  const second = await anonymous(listPath)
  expect(second.cache).toBe('HIT')
  expect(second.body.totalDocs).toBe(first.body.totalDocs)
  const viaGraphql = await graphql(releasesQuery)
  expect((await graphql(releasesQuery)).cache).toBe('HIT')
  expect(viaGraphql.body.data?.Releases?.totalDocs).toBe(first.body.totalDocs)
  return first.body.totalDocs ?? -1
}

/** What the next anonymous read (REST and GraphQL) says after a write. */
async function nextAnonymousRead(): Promise<{ rest: number | undefined; graphql: number | undefined }> {
  const [rest, viaGraphql] = await Promise.all([anonymous(listPath), graphql(releasesQuery)])
  return { rest: rest.body.totalDocs, graphql: viaGraphql.body.data?.Releases?.totalDocs }
}

/**
 * The same, for a write made by another process: that reaches this CMS as a Postgres NOTIFY
 * delivered at the commit, on a connection of its own, so the CMS may take a few milliseconds
 * after the writer's commit returns (on a loaded machine, more). Reads until the answer changes,
 * for at most 2 s, and fails with the last answer.
 */
async function soonAnonymousRead(expected: { rest: number; graphql: number }): Promise<{ rest: number | undefined; graphql: number | undefined }> {
  const deadline = Date.now() + 2_000
  let answer = await nextAnonymousRead()
  while ((answer.rest !== expected.rest || answer.graphql !== expected.graphql) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25))
    answer = await nextAnonymousRead()
  }
  return answer
}

beforeAll(async () => {
  admin = await signInToCms(cmsUrl, inject('adminEmail'), inject('adminPassword'))
  local = await connectToSystemDatabase()
  const created = await admin.request('POST', '/api/releases', { name, version: 3, isPublished: false, releaseDate: '2031-05-06T00:00:00.000Z' })
  expect(created.status).toBe(201)
  releaseId = (created.json as { doc: { id: number } }).doc.id
}, 120_000)

afterAll(async () => {
  if (releaseId !== undefined) expect((await admin.request('DELETE', `/api/releases/${releaseId}`)).status).toBe(200)
  await local?.destroy()
})

describe('the CMS response cache', () => {
  it('answers a repeated anonymous read from memory and says so', async () => {
    const path = `/api/releases?limit=3&depth=0&where[name][not_equals]=${randomUUID()}`
    expect((await anonymous(path)).cache).toBe('MISS')
    const hit = await anonymous(path)
    expect(hit.status).toBe(200)
    expect(hit.cache).toBe('HIT')
    expect(hit.body.docs).toHaveLength(3)
  })

  it('never answers a signed-in or API-key request from the cache', async () => {
    const path = `/api/releases?limit=1&depth=0&where[name][not_equals]=${randomUUID()}`
    await anonymous(path)
    expect((await anonymous(path)).cache).toBe('HIT')
    expect((await anonymous(path, { authorization: `JWT ${admin.token}` })).cache).toBe('BYPASS')
    expect((await anonymous(path, { cookie: `payload-token=${admin.token}` })).cache).toBe('BYPASS')
    expect((await anonymous(path, { authorization: 'users API-Key not-a-key' })).cache).toBe('BYPASS')
    expect((await anonymous('/api/v1/downloads/release/?limit=1', { authorization: 'ApiKey nobody:nothing' })).cache).toBe('BYPASS')
    // An unpublished release is invisible anonymously, visible to the admin: never mixed up.
    expect(await visibleAnonymously()).toBe(0)
    expect((await anonymous(listPath, { authorization: `JWT ${admin.token}` })).body.totalDocs).toBe(1)
    expect((await anonymous(listPath)).body.totalDocs).toBe(0)
  })

  it('computes concurrent identical misses once', async () => {
    const path = `/api/releases?limit=20&depth=1&where[name][not_equals]=${randomUUID()}`
    const answers = await Promise.all(Array.from({ length: 8 }, () => anonymous(path)))
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200))
    expect(answers.filter((answer) => answer.cache === 'MISS')).toHaveLength(1)
    expect(answers.filter((answer) => answer.cache === 'HIT')).toHaveLength(7)
  })

  it('shows a REST write to the next anonymous read', async () => {
    expect(await visibleAnonymously()).toBe(0)
    expect((await admin.request('PATCH', `/api/releases/${releaseId}`, { isPublished: true })).status).toBe(200)
    expect(await nextAnonymousRead()).toEqual({ rest: 1, graphql: 1 })
  })

  it('shows a GraphQL mutation to the next anonymous read', async () => {
    expect(await visibleAnonymously()).toBe(1)
    const mutation = await graphql(`mutation { updateRelease(id: ${releaseId}, data: { isPublished: false }) { isPublished } }`, { authorization: `JWT ${admin.token}` })
    expect(mutation.status).toBe(200)
    expect(mutation.cache).toBe('BYPASS')
    expect(await nextAnonymousRead()).toEqual({ rest: 0, graphql: 0 })
  })

  it("shows a write from the admin's cookie session to the next anonymous read", async () => {
    expect(await visibleAnonymously()).toBe(0)
    const response = await fetch(`${cmsUrl}/api/releases/${releaseId}`, {
      method: 'PATCH',
      headers: { cookie: `payload-token=${admin.token}`, origin: inject('cmsPublicUrl'), 'content-type': 'application/json' },
      body: JSON.stringify({ isPublished: true }),
    })
    expect(response.status).toBe(200)
    expect(await nextAnonymousRead()).toEqual({ rest: 1, graphql: 1 })
  })

  it('shows a Local API write made by another process to the next anonymous read', async () => {
    expect(await visibleAnonymously()).toBe(1)
    await local.update({ collection: 'releases', id: releaseId, data: { isPublished: false }, context: { skipSitePurge: true } })
    expect(await soonAnonymousRead({ rest: 0, graphql: 0 })).toEqual({ rest: 0, graphql: 0 })
  })

  it("shows a task's transactional write to the next anonymous read, once committed", async () => {
    expect(await visibleAnonymously()).toBe(0)
    await runExclusively(local, `cache-test-${randomUUID()}`, async (req) => {
      await req.payload.update({ collection: 'releases', id: releaseId, data: { isPublished: true }, req, context: { skipSitePurge: true } })
      // Not committed yet: anonymous readers still see (and may cache) the old answer.
      expect((await anonymous(listPath)).body.totalDocs).toBe(0)
    })
    expect(await soonAnonymousRead({ rest: 1, graphql: 1 })).toEqual({ rest: 1, graphql: 1 })
  })

  it("shows a global's change (the sponsorship settings) to the next anonymous read", async () => {
    const path = '/api/globals/sponsorship-settings?depth=0'
    const before = (await anonymous(path)).body as { closedMessage?: string | null }
    expect((await anonymous(path)).cache).toBe('HIT')
    const message = `Closed for the cache test ${randomUUID()}`
    expect((await admin.request('POST', '/api/globals/sponsorship-settings', { closedMessage: message })).status).toBe(200)
    try {
      expect(((await anonymous(path)).body as { closedMessage?: string }).closedMessage).toBe(message)
    } finally {
      expect((await admin.request('POST', '/api/globals/sponsorship-settings', { closedMessage: before.closedMessage ?? null })).status).toBe(200)
    }
  })

  it('keeps the legacy downloads API fresh too', async () => {
    const legacyPath = `/api/v1/downloads/release/?name=${encodeURIComponent(name)}`
    const first = await anonymous(legacyPath)
    expect(first.status).toBe(200)
    expect((await anonymous(legacyPath)).cache).toBe('HIT')
    const count = (body: unknown) => (body as { objects?: unknown[] }).objects?.length
    expect(count(first.body)).toBe(1)
    await local.update({ collection: 'releases', id: releaseId, data: { isPublished: false }, context: { skipSitePurge: true } })
    expect(count((await anonymous(legacyPath)).body)).toBe(0)
  })
})
