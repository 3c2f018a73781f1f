import { request } from 'node:http'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

const cmsUrl = inject('cmsUrl')
const webUrl = inject('webUrl')
const purgeSecret = inject('purgeSecret')

type Release = { id: number; name: string; slug: string }

/** A GET on a new connection, so node:cluster's round robin hands it to the next worker. */
function getOnNewConnection(path: string): Promise<{ status: number; cache: string; worker: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${webUrl}${path}`, { agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, cache: String(res.headers['x-cache']), worker: String(res.headers['x-served-by']), body }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

/** Requests `path` until every one of `workers` answered once; returns each worker's first answer. */
async function firstAnswerOfEachWorker(path: string, workers: number) {
  const answers = new Map<string, Awaited<ReturnType<typeof getOnNewConnection>>>()
  for (let attempt = 0; attempt < 40 && answers.size < workers; attempt += 1) {
    const answer = await getOnNewConnection(path)
    if (!answers.has(answer.worker)) answers.set(answer.worker, answer)
  }
  expect(answers.size, `answers from ${workers} workers`).toBe(workers)
  return answers
}

async function login(): Promise<string> {
  const response = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

async function findRelease(query: string, token: string): Promise<Release> {
  const response = await fetch(`${cmsUrl}/api/releases?${query}&depth=0&limit=1`, { headers: { authorization: `JWT ${token}` } })
  expect(response.status).toBe(200)
  const [release] = ((await response.json()) as { docs: Release[] }).docs
  if (release === undefined) throw new Error(`no release matches ${query}`)
  return release
}

async function makeLatest(release: Release, token: string): Promise<void> {
  const response = await fetch(`${cmsUrl}/api/releases/${release.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ isLatest: true }),
  })
  expect(response.status, await response.clone().text()).toBe(200)
}

/**
 * Requests `path` until every worker answers from its cache. Purge jobs queued before the test
 * (the seed's box regeneration, other test files' edits) may still land, so retry a little.
 */
async function untilEveryWorkerHits(path: string, workers: number) {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const answers = await firstAnswerOfEachWorker(path, workers)
    if ([...answers.values()].every((answer) => answer.cache === 'HIT')) return answers
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${path} was never cached by all ${workers} workers`)
}

/** Polls the page until `predicate` holds; returns how long it took. */
async function waitForPage(path: string, predicate: (body: string) => boolean, timeoutMs = 10_000): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (predicate((await getOnNewConnection(path)).body)) return Date.now() - started
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`${path} did not change within ${timeoutMs} ms`)
}

describe('the site cache and the CMS', () => {
  let token = ''
  let latest: Release
  let previous: Release

  beforeAll(async () => {
    token = await login()
    latest = await findRelease('where[isLatest][equals]=true&where[version][equals]=3&where[isPublished][equals]=true', token)
    previous = await findRelease(
      `where[version][equals]=3&where[isPublished][equals]=true&where[preRelease][equals]=false&where[id][not_equals]=${latest.id}&sort=-releaseDate`,
      token,
    )
  })

  afterAll(async () => {
    // Leave the shared world as it was for the other system test files.
    if (latest !== undefined) await makeLatest(latest, token)
  })

  it('shows a CMS edit on the cached home page on every worker once the purge arrived (right after the commit)', async () => {
    // Cached in both workers first.
    const cached = await untilEveryWorkerHits('/', 2)
    for (const answer of cached.values()) expect(answer.body).toContain(latest.name)

    await makeLatest(previous, token)
    const elapsed = await waitForPage('/', (body) => body.includes(`Download ${previous.name}`))
    expect(elapsed).toBeLessThan(5_000)

    // Both workers were purged: each one's next answer is the new page.
    for (const answer of (await firstAnswerOfEachWorker('/', 2)).values()) {
      expect(answer.status).toBe(200)
      expect(answer.body).toContain(`Download ${previous.name}`)
    }
  })

  it('relays a purge received by one worker to the other', async () => {
    await untilEveryWorkerHits('/', 2)

    const response = await fetch(`${webUrl}/_purge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${purgeSecret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ urls: ['/'] }),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ok', workers: 2, pages: 2 })

    for (const answer of (await firstAnswerOfEachWorker('/', 2)).values()) expect(answer.cache).toBe('MISS')
  })

  it('accepts the release tooling\'s unauthenticated PURGE and refuses a wrong secret', async () => {
    const purge = await new Promise<number>((resolve, reject) => {
      const req = request(`${webUrl}/downloads/`, { method: 'PURGE', agent: false }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })
    expect(purge).toBe(200)

    const refused = await fetch(`${webUrl}/_purge`, {
      method: 'POST',
      headers: { authorization: 'Bearer wrong-secret-0123456789', 'content-type': 'application/json' },
      body: '{"all":true}',
    })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({ error: 'The bearer token does not match PURGE_SECRET.' })
  })
})
