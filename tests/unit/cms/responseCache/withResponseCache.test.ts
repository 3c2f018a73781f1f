import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { ResponseCache } from '../../../../cms/responseCache/ResponseCache'
import { answerFromCache, withResponseCache } from '../../../../cms/responseCache/withResponseCache'

/**
 * The cache in front of a real node:http server whose handler stands in for Next.js: it counts
 * its calls, can be held open, and answers with the request's body so replays can be checked.
 */
type Answer = { status: number; headers: Record<string, string>; delayMs: number }

let server: Server
let base: string
let cache: ResponseCache
let usable: boolean
let calls: string[]
let answer: Answer
let version: number

function handler(req: IncomingMessage, res: ServerResponse): void {
  calls.push(`${req.method} ${req.url}`)
  const seen = version
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    setTimeout(() => {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
      res.write(`{"version":${seen},`)
      res.end(`"body":${JSON.stringify(Buffer.concat(chunks).toString('utf8'))}}`)
    }, answer.delayMs)
  })
}

beforeEach(async () => {
  cache = new ResponseCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 })
  usable = true
  calls = []
  version = 1
  answer = { status: 200, headers: {}, delayMs: 0 }
  server = createServer(withResponseCache(handler, { cache, usable: () => usable }))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers })
  return { status: response.status, cache: response.headers.get('x-cms-cache'), body: (await response.json()) as { version: number; body: string }, headers: response.headers }
}

async function graphql(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) })
  return { status: response.status, cache: response.headers.get('x-cms-cache'), body: (await response.json()) as { version: number; body: string } }
}

describe('the CMS response cache in front of a handler', () => {
  it('answers a repeated anonymous read from memory, with the same bytes and headers', async () => {
    answer.headers = { 'cache-control': 'public, max-age=0', 'x-custom': 'kept' }
    const first = await get('/api/releases?limit=2&depth=0')
    const second = await get('/api/releases?depth=0&limit=2')
    expect([first.cache, second.cache]).toEqual(['MISS', 'HIT'])
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('x-custom')).toBe('kept')
    expect(second.headers.get('content-type')).toBe('application/json')
    expect(calls).toHaveLength(1)
    // The handler's answer went out chunked (two writes); the stored one goes with its length.
    expect(first.headers.get('transfer-encoding')).toBe('chunked')
    expect(second.headers.get('transfer-encoding')).toBeNull()
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength(JSON.stringify(second.body))))
  })

  it('keys on the headers the API reads', async () => {
    await get('/api/releases', { accept: 'application/json' })
    expect((await get('/api/releases', { accept: 'text/html' })).cache).toBe('MISS')
    expect((await get('/api/releases', { origin: 'http://localhost:8080' })).cache).toBe('MISS')
    expect((await get('/api/releases', { 'x-pydotorg-renderer-key': 'anything' , accept: 'application/json' })).cache).toBe('HIT')
  })

  it('never answers or stores a request with credentials', async () => {
    await get('/api/releases')
    for (const headers of [{ authorization: 'JWT abc' }, { authorization: 'users API-Key k' }, { authorization: 'ApiKey a:b' }, { cookie: 'payload-token=abc' }, { cookie: 'other=1' }, { 'x-pydotorg-preview-token': 't' }] as Record<string, string>[]) {
      expect((await get('/api/releases', headers)).cache).toBe('BYPASS')
    }
    expect(calls).toHaveLength(7)
  })

  it('stores a no-store answer (addressed to caches downstream) of an anonymous read', async () => {
    answer.headers = { 'cache-control': 'no-store', vary: 'Authorization' }
    expect((await get('/api/v1/downloads/release/')).cache).toBe('MISS')
    const hit = await get('/api/v1/downloads/release/')
    expect(hit.cache).toBe('HIT')
    expect(hit.headers.get('cache-control')).toBe('no-store')
  })

  it('stores only 200 answers that set no cookie and are not private', async () => {
    for (const [status, headers] of [[404, {}], [429, {}], [200, { 'set-cookie': 'a=1' }], [200, { 'cache-control': 'private, no-store' }], [200, { 'cache-control': 'private' }]] as const) {
      answer = { status, headers, delayMs: 0 }
      expect((await get('/api/pages?x=1')).cache).toBe('MISS')
      expect((await get('/api/pages?x=1')).cache).toBe('MISS')
    }
  })

  it('bypasses search, health, the auth collections and the admin', async () => {
    for (const path of ['/api/search?q=x', '/api/health', '/api/accounts/me', '/api/users', '/api/jobs/review-queue', '/admin', '/api/payload-jobs']) {
      expect((await fetch(`${base}${path}`)).headers.get('x-cms-cache')).toBe('BYPASS')
    }
  })

  it('computes concurrent identical misses once', async () => {
    answer.delayMs = 200
    const results = await Promise.all(Array.from({ length: 10 }, () => get('/api/releases?limit=10')))
    expect(calls).toHaveLength(1)
    expect(results.filter((result) => result.cache === 'MISS')).toHaveLength(1)
    expect(new Set(results.map((result) => JSON.stringify(result.body))).size).toBe(1)
  })

  it('does not store an answer computed across a drop, nor share it with later callers', async () => {
    answer.delayMs = 200
    const before = get('/api/releases')
    // Once the handler has started the first computation (with version 1)...
    while (calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    version = 2
    cache.dropAll()
    const after = await get('/api/releases')
    expect((await before).body.version).toBe(1)
    expect(after.body.version).toBe(2)
    expect(after.cache).toBe('MISS')
    expect((await get('/api/releases')).body.version).toBe(2)
  })

  it('drops everything on dropAll', async () => {
    await get('/api/releases')
    version = 2
    cache.dropAll()
    const fresh = await get('/api/releases')
    expect([fresh.cache, fresh.body.version]).toEqual(['MISS', 2])
  })

  it('does not cache while changes could be missed', async () => {
    usable = false
    expect((await get('/api/releases')).cache).toBe('BYPASS')
    expect((await get('/api/releases')).cache).toBe('BYPASS')
  })

  it('caches GraphQL queries by body, replaying the body to the handler, and never mutations', async () => {
    const first = await graphql('{ Releases { docs { name } } }')
    const second = await graphql('{ Releases { docs { name } } }')
    expect([first.cache, second.cache]).toEqual(['MISS', 'HIT'])
    expect(JSON.parse(first.body.body)).toEqual({ query: '{ Releases { docs { name } } }' })
    expect((await graphql('{ Pages { docs { title } } }')).cache).toBe('MISS')
    const mutation = 'mutation { createPage(data: { title: "T" }) { id } }'
    expect((await graphql(mutation)).cache).toBe('BYPASS')
    const replayed = await graphql(mutation)
    expect(replayed.cache).toBe('BYPASS')
    expect(JSON.parse(replayed.body.body)).toEqual({ query: mutation })
    expect((await graphql('query A { Releases { docs { id } } } mutation B { deletePage(id: 1) { id } }')).cache).toBe('BYPASS')
    expect((await graphql('{ Releases { docs { name } } }', { authorization: 'JWT x' })).cache).toBe('BYPASS')
    expect((await graphql('{ not graphql')).cache).toBe('BYPASS')
  })
})

describe('answerFromCache, the hit alone that cms/server.ts tries first', () => {
  let front: Server
  let frontBase: string
  let requestIds: number

  beforeEach(async () => {
    requestIds = 0
    const cached = withResponseCache((req, res) => {
      // What the logged path of cms/server.ts sets before the cache: the request's own id.
      res.setHeader('x-request-id', `computed-${(requestIds += 1)}`)
      handler(req, res)
    }, { cache, usable: () => usable })
    front = createServer((req, res) => {
      if (answerFromCache({ cache, usable: () => usable }, req, res, () => ['x-served-by', 'cms-9', 'x-request-id', `hit-${(requestIds += 1)}`])) return
      cached(req, res)
    })
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve))
    frontBase = `http://127.0.0.1:${(front.address() as AddressInfo).port}`
  })

  afterEach(async () => {
    front.closeAllConnections()
    await new Promise((resolve) => front.close(resolve))
  })

  it("answers a stored read with its bytes and headers, the asker's own request id and the worker's name", async () => {
    answer.headers = { 'x-custom': 'kept' }
    const first = await fetch(`${frontBase}/api/releases?limit=2`)
    const firstBody = await first.text()
    const second = await fetch(`${frontBase}/api/releases?limit=2`)
    expect([first.headers.get('x-cms-cache'), second.headers.get('x-cms-cache')]).toEqual(['MISS', 'HIT'])
    expect(await second.text()).toBe(firstBody)
    expect(second.headers.get('x-custom')).toBe('kept')
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength(firstBody)))
    expect(second.headers.get('x-served-by')).toBe('cms-9')
    // Not the id of the request that computed the answer: the cache does not store it.
    expect(first.headers.get('x-request-id')).toBe('computed-1')
    expect(second.headers.get('x-request-id')).toBe('hit-2')
    expect(calls).toHaveLength(1)
  })

  it('leaves misses, requests with a body, and everything while changes could be missed to the handler', async () => {
    await fetch(`${frontBase}/api/pages`).then((response) => response.text())
    const withBodyId = await new Promise<string | undefined>((resolve, reject) => {
      const sent = request(`${frontBase}/api/pages`, { method: 'GET', headers: { 'content-length': '2' } }, (response) => {
        response.resume()
        resolve(response.headers['x-request-id'] as string | undefined)
      })
      sent.on('error', reject)
      sent.end('{}')
    })
    expect(withBodyId).toBe('computed-2')
    usable = false
    const unusable = await fetch(`${frontBase}/api/pages`)
    expect([unusable.headers.get('x-cms-cache'), unusable.headers.get('x-request-id')]).toEqual(['BYPASS', 'computed-3'])
  })
})
