/**
 * A publish reaches the site right after its commit, not when a job runner gets to it: this
 * Payload runs no jobs at all (integration tests load it without crons, and nothing here calls
 * `payload.jobs.run`), so the only way the cached page can change is the purge delivered after
 * the commit. In front, the renderer's real page cache and purge endpoint (createCachingHandler
 * with a PageCache), serving a page built from the releases Payload publishes.
 */
import express from 'express'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { PurgeOrder } from '../../../web/src/cache/PageCache'
import { SITE_CACHE_PURGE_TASK } from '../../../collections/hooks/queueSiteCachePurge'
import { createTestPayload } from '../../support/testPayload'
import { startCachingServer, testPurgeSecret, type CachingTestServer } from '../../web/cache/cachingTestServer'
import { rawRequest } from '../../web/cache/rawRequest'

describe('a release publish purges the site right after its commit', () => {
  let payload: Payload
  let site: CachingTestServer
  const orders: PurgeOrder[] = []

  const downloads = async () => {
    const answer = await rawRequest(site.baseUrl, '/downloads/')
    return { cache: String(answer.headers['x-cache']), body: answer.body.toString(), status: answer.status, cacheControl: answer.headers['cache-control'] }
  }

  beforeAll(async () => {
    const app = express()
    app.get('/downloads/', async (_req, res) => {
      const published = await payload.find({ collection: 'releases', where: { isPublished: { equals: true } }, depth: 0, sort: 'name' })
      res.set('Cache-Control', 'public, max-age=300').set('Surrogate-Key', 'releases boxes').type('html')
      res.send(`<ul>${published.docs.map((release) => `<li>${release.name}</li>`).join('')}</ul>`)
    })
    site = await startCachingServer(app, { purgeSecret: testPurgeSecret })
    site.cache.onPurge((order) => orders.push(order))
    payload = await createTestPayload('purge_after_commit', { PURGE_SECRET: testPurgeSecret, WEB_PURGE_URLS: site.baseUrl })
  })
  afterAll(async () => {
    await payload?.destroy()
    await site?.close()
  })

  it('shows the published release on the cached page with no job runner, in one purge order for the release and its boxes', async () => {
    const release = await payload.create({
      collection: 'releases',
      data: { name: 'Python 3.98.0', version: 3, isPublished: false, releaseDate: '2030-01-01T00:00:00.000Z' },
      overrideAccess: true,
    })
    await vi.waitFor(async () => expect((await downloads()).cache).toBe('HIT'))
    const cached = await downloads()
    expect(cached.status).toBe(200)
    expect(cached.cacheControl).toBe('public, max-age=300')
    expect(cached.body).not.toContain('Python 3.98.0')
    orders.length = 0
    const runs = [vi.spyOn(payload.jobs, 'run'), vi.spyOn(payload.jobs, 'runByID')]

    await payload.update({ collection: 'releases', id: release.id, data: { isPublished: true, isLatest: true }, overrideAccess: true })

    // No cron and no job run: the page can only change through the delivery after the commit.
    await vi.waitFor(async () => expect((await downloads()).body).toContain('Python 3.98.0'), { timeout: 20_000, interval: 50 })
    for (const run of runs) expect(run).not.toHaveBeenCalled()
    // One order for the whole save: the release and the boxes its save regenerated.
    expect(orders.some((order) => order.keys.includes('releases') && order.keys.includes('boxes'))).toBe(true)

    // The queued jobs, the retry path, are done without ever running.
    await vi.waitFor(async () => {
      const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: SITE_CACHE_PURGE_TASK } }, sort: '-createdAt', limit: 10, overrideAccess: true, depth: 0 })
      const latest = jobs.docs.filter((job) => JSON.stringify(job.input).includes('"releases"'))[0]
      expect(latest?.completedAt, 'the publish\'s purge job is marked done').toBeTruthy()
      expect(latest?.log ?? []).toHaveLength(0)
    })
  })
})
