/**
 * Redirect records on the real schema (Postgres, migrated), read by the renderer's real CMS
 * client over HTTP through Payload's own REST routing: the seeded python.org rules, the
 * collection's validation, and the lookups the renderer makes (both spellings of the path,
 * the prefix and pattern rules, an empty target).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCmsClient } from '../../../web/src/cms/client'
import { createPageService, type PageService } from '../../../web/src/services/pageService'
import { importRedirects } from '../../../seed/importers/redirects'
import { LEGACY_REDIRECT_RULES } from '../../../seed/samples/legacyRedirectRules'
import { createTestPayload } from '../../support/testPayload'

const quiet = () => ({ tick: () => undefined, done: () => undefined })
/** No site to purge here: keep the purge job out of the queue. */
const quietWrite = { skipSitePurge: true }

/** Payload's REST API on a local port, as the Next.js route handler serves it. */
async function serveRest(payload: Payload): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const response = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost${req.url ?? '/'}`, { method: req.method, headers: Object.entries(req.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : [])) }) })
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()))
      res.end(Buffer.from(await response.arrayBuffer()))
    })().catch((error: unknown) => {
      res.writeHead(500)
      res.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

describe('redirect records', () => {
  let payload: Payload
  let server: Server
  let pages: PageService

  beforeAll(async () => {
    // The renderer reads whole lists (up to 1000 rules) with the key it shares with the CMS.
    const rendererKey = 'renderer-key-0123456789abcdef0123456789'
    payload = await createTestPayload('redirect_records', { PURGE_SECRET: rendererKey })
    server = await serveRest(payload)
    const { port } = server.address() as AddressInfo
    pages = createPageService(createCmsClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 10_000, rendererKey }))
  })
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
    await payload?.destroy()
  })

  it('seeds python.org\'s nginx rules once, and never overwrites an editor\'s change', async () => {
    const first = await importRedirects(payload, LEGACY_REDIRECT_RULES, quiet)
    expect(first.created).toBe(LEGACY_REDIRECT_RULES.length)
    const news = (await payload.find({ collection: 'redirects', where: { from: { equals: '/news/' } } })).docs[0]
    await payload.update({ collection: 'redirects', id: news?.id ?? 0, data: { to: '/blogs/archive/' }, context: quietWrite })
    const second = await importRedirects(payload, LEGACY_REDIRECT_RULES, quiet)
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: LEGACY_REDIRECT_RULES.length })
    await expect(pages.redirectFor('/news/')).resolves.toEqual({ kind: 'redirect', location: '/blogs/archive/', status: 302 })
  })

  it('finds the seeded prefix and pattern rules through the REST API', async () => {
    await expect(pages.redirectFor('/~guido/index.html')).resolves.toEqual({ kind: 'redirect', location: 'https://gvanrossum.github.io/index.html', status: 301 })
    await expect(pages.redirectFor('/dev/peps/pep-0020/')).resolves.toEqual({ kind: 'redirect', location: 'https://peps.python.org/pep-0020/', status: 302 })
    await expect(pages.redirectFor('/download/releases/3.12.0/')).resolves.toEqual({ kind: 'redirect', location: '/downloads/release/python-3120/', status: 301 })
    await expect(pages.redirectFor('/nothing/here/')).resolves.toBeNull()
  })

  it('matches an exact record with and without its trailing slash, a comma in the path included, and answers gone without a target', async () => {
    await payload.create({ collection: 'redirects', data: { from: '/about/a,b/', match: 'exact', to: '/about/', permanent: false }, context: quietWrite })
    await payload.create({ collection: 'redirects', data: { from: '/about/retired', match: 'exact', to: '' }, context: quietWrite })
    await expect(pages.redirectFor('/about/a,b')).resolves.toEqual({ kind: 'redirect', location: '/about/', status: 302 })
    await expect(pages.redirectFor('/about/retired/')).resolves.toEqual({ kind: 'gone' })
  })

  it('refuses a pattern without a placeholder or with an unknown one, and changes nothing', async () => {
    const before = (await payload.count({ collection: 'redirects' })).totalDocs
    await expect(payload.create({ collection: 'redirects', data: { from: '/a/(.*)+/', match: 'pattern', to: '/b/' } })).rejects.toMatchObject({ status: 400 })
    await expect(payload.create({ collection: 'redirects', data: { from: '/a/b/', match: 'pattern', to: '/b/' } })).rejects.toMatchObject({ status: 400 })
    await expect(payload.create({ collection: 'redirects', data: { from: '/a/{id}/', match: 'pattern', to: '/b/' } })).rejects.toMatchObject({ status: 400 })
    await expect(payload.create({ collection: 'redirects', data: { from: '/a/', match: 'exact', to: 'javascript:alert(1)' } })).rejects.toMatchObject({ status: 400 })
    expect((await payload.count({ collection: 'redirects' })).totalDocs).toBe(before)
  })
})
