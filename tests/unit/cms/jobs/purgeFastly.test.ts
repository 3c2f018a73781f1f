/**
 * The CDN purge against a local server that holds requests to Fastly's documented purge API
 * (https://www.fastly.com/documentation/reference/api/purging/): `POST /service/<id>/purge`,
 * the keys space-separated in a `Surrogate-Key` header (at most 256 per request), the API token
 * in `Fastly-Key`, `Fastly-Soft-Purge: 1` for a soft purge; 200 with a JSON map of key to purge
 * id, 401 for a wrong token. Not tried against the real Fastly service.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'

import type { PayloadRequest } from 'payload'
import { afterEach, describe, expect, it } from 'vitest'

import { parseFastlyEnv } from '../../../../cms/config/fastlyEnv'
import { purgeFastly } from '../../../../cms/jobs/purgeFastly'
import { createPurgeSiteCacheTask } from '../../../../cms/jobs/purgeSiteCache'

const servers: Server[] = []
const SERVICE = 'SU1Z0isxPaozGVKXdv0eY'
const TOKEN = 'fastly-token-0123456789'

type Received = { method: string; path: string; keys: string[]; soft: string | undefined; body: string }

/** Fastly's purge API as documented, and nothing more: anything else is an error. */
async function fakeFastly(options: { failures?: number } = {}): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = []
  let failures = options.failures ?? 0
  const server = createServer((req: IncomingMessage, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const keys = String(req.headers['surrogate-key'] ?? '').split(' ').filter(Boolean)
      received.push({ method: req.method ?? '', path: req.url ?? '', keys, soft: req.headers['fastly-soft-purge'] as string | undefined, body })
      const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value))
      if (req.method !== 'POST' || req.url !== `/service/${SERVICE}/purge`) return json(404, { msg: 'Record not found' })
      if (req.headers['fastly-key'] !== TOKEN) return json(401, { msg: 'Provided credentials are missing or invalid' })
      if (keys.length === 0 || keys.length > 256) return json(400, { msg: 'Bad request', detail: 'between 1 and 256 surrogate keys' })
      if (failures > 0) {
        failures -= 1
        return json(503, { msg: 'Service unavailable' })
      }
      return json(200, Object.fromEntries(keys.map((key, index) => [key, `108-1391560174-${index}`])))
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, received }
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

describe('purging Fastly by surrogate key', () => {
  it('soft-purges the order\'s keys in one documented batch request', async () => {
    const fastly = await fakeFastly()
    const purged = await purgeFastly({ serviceId: SERVICE, apiToken: TOKEN, apiUrl: fastly.url }, ['pages', 'redirects', 'pages'])
    expect(purged).toBe(2)
    expect(fastly.received).toEqual([{ method: 'POST', path: `/service/${SERVICE}/purge`, keys: ['pages', 'redirects'], soft: '1', body: '' }])
  })

  it('splits more than 256 keys into batches of 256', async () => {
    const fastly = await fakeFastly()
    const keys = Array.from({ length: 300 }, (_, index) => `key-${index}`)
    expect(await purgeFastly({ serviceId: SERVICE, apiToken: TOKEN, apiUrl: fastly.url }, keys)).toBe(300)
    expect(fastly.received.map((request) => request.keys.length)).toEqual([256, 44])
  })

  it('throws on a refused token or an outage, without the token in the message, so the job retries', async () => {
    const fastly = await fakeFastly()
    const error = await purgeFastly({ serviceId: SERVICE, apiToken: 'wrong-token', apiUrl: fastly.url }, ['pages']).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe('Fastly purge failed (will retry): 401 {"msg":"Provided credentials are missing or invalid"}')
    expect((error as Error).message).not.toContain('wrong-token')
  })

  it('sends nothing for an order without keys', async () => {
    const fastly = await fakeFastly()
    expect(await purgeFastly({ serviceId: SERVICE, apiToken: TOKEN, apiUrl: fastly.url }, [])).toBe(0)
    expect(fastly.received).toEqual([])
  })
})

describe('the purge task with Fastly configured', () => {
  const run = (task: ReturnType<typeof createPurgeSiteCacheTask>, keys: string[]) => {
    const handler = task.handler as (args: { input: { keys: string[]; urls: string[] }; req: PayloadRequest }) => Promise<{ output: unknown }>
    return handler({ input: { keys, urls: ['/about/'] }, req: { payload: { logger: { warn: () => undefined } } } as unknown as PayloadRequest })
  }

  it('purges the renderers, then Fastly, and throws while Fastly fails so Payload retries with backoff like the site purge', async () => {
    const fastly = await fakeFastly({ failures: 1 })
    const renderer = await fakeRenderer()
    const task = createPurgeSiteCacheTask({ redisUrl: null, webPurgeUrls: [renderer.url], purgeSecret: 's', fastly: { serviceId: SERVICE, apiToken: TOKEN, apiUrl: fastly.url } })
    expect(task.retries).toEqual({ attempts: 8, backoff: { type: 'exponential', delay: 1000 } })
    await expect(run(task, ['releases', 'boxes'])).rejects.toThrow('Fastly purge failed (will retry): 503')
    expect(renderer.count()).toBe(1)
    await expect(run(task, ['releases', 'boxes'])).resolves.toEqual({ output: { renderers: 1, cdnKeys: 2 } })
    expect(renderer.count()).toBe(2)
    expect(fastly.received.map((request) => request.keys)).toEqual([['releases', 'boxes'], ['releases', 'boxes']])
  })

  it('leaves Fastly alone without FASTLY_SERVICE_ID', async () => {
    const renderer = await fakeRenderer()
    const task = createPurgeSiteCacheTask({ redisUrl: null, webPurgeUrls: [renderer.url], purgeSecret: 's', fastly: null })
    await expect(run(task, ['pages'])).resolves.toEqual({ output: { renderers: 1, cdnKeys: 0 } })
  })
})

describe('FASTLY_* settings', () => {
  it('are off by default, go together, and check the service id and URL', () => {
    expect(parseFastlyEnv({})).toBeNull()
    expect(parseFastlyEnv({ FASTLY_SERVICE_ID: SERVICE, FASTLY_API_TOKEN: TOKEN })).toEqual({ serviceId: SERVICE, apiToken: TOKEN, apiUrl: 'https://api.fastly.com' })
    expect(() => parseFastlyEnv({ FASTLY_SERVICE_ID: SERVICE })).toThrow('FASTLY_SERVICE_ID and FASTLY_API_TOKEN go together.')
    expect(() => parseFastlyEnv({ FASTLY_API_TOKEN: TOKEN })).toThrow('FASTLY_SERVICE_ID and FASTLY_API_TOKEN go together.')
    expect(() => parseFastlyEnv({ FASTLY_SERVICE_ID: '../x', FASTLY_API_TOKEN: TOKEN })).toThrow("FASTLY_SERVICE_ID must be Fastly's alphanumeric service id.")
    expect(() => parseFastlyEnv({ FASTLY_SERVICE_ID: SERVICE, FASTLY_API_TOKEN: TOKEN, FASTLY_API_URL: 'ftp://x' })).toThrow('FASTLY_API_URL must be an http(s) URL')
  })
})

async function fakeRenderer(): Promise<{ url: string; count: () => number }> {
  let count = 0
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      count += 1
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, count: () => count }
}
