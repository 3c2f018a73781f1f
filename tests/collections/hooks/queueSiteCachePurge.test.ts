import type { CollectionAfterChangeHook, CollectionConfig, PayloadRequest } from 'payload'
import { describe, expect, it, vi } from 'vitest'

import {
  PURGE_JOB_RETRY_DELAY_MS,
  SITE_CACHE_PURGE_QUEUE,
  SITE_CACHE_PURGE_TASK,
  queuePurgeAfterChange,
  queuePurgeAfterDelete,
  withSiteCachePurge,
} from '../../../collections/hooks/queueSiteCachePurge'

function fakeRequest(enabled: boolean, options: { deliver?: (order: unknown) => Promise<unknown>; transactionID?: string; db?: Record<string, unknown> } = {}) {
  let nextJob = 1
  const queue = vi.fn(async () => ({ id: nextJob++ }))
  const run = vi.fn(async () => ({}))
  const updateJobs = vi.fn(async () => null)
  const db = options.db ?? { drizzle: {}, updateJobs }
  const req = {
    payload: { config: { custom: { sitePurge: { enabled, deliver: options.deliver } } }, jobs: { queue, run }, logger: { error: vi.fn(), warn: vi.fn() }, db },
    context: {},
    transactionID: options.transactionID,
  } as unknown as PayloadRequest
  return { req, queue, run, updateJobs }
}

/** A database adapter with transactions, as the Postgres adapter has: commit and rollback by id. */
function transactionalDb() {
  const updateJobs = vi.fn(async () => null)
  return {
    updateJobs,
    db: { drizzle: {}, updateJobs, commitTransaction: vi.fn(async () => undefined), rollbackTransaction: vi.fn(async () => undefined) } as Record<string, unknown> & {
      commitTransaction: (id: string) => Promise<void>
      rollbackTransaction: (id: string) => Promise<void>
    },
  }
}

type AfterChangeArgs = Parameters<CollectionAfterChangeHook>[0]

function change(hook: CollectionAfterChangeHook, req: PayloadRequest, doc: Record<string, unknown>, previousDoc: Record<string, unknown> = {}, context = {}) {
  return hook({ doc, previousDoc, req, context, operation: 'update', collection: {} } as unknown as AfterChangeArgs)
}

describe('the site cache purge hooks', () => {
  it('adds the hooks after a collection\'s own, to every collection but users', () => {
    const own = vi.fn()
    const pages = withSiteCachePurge({ slug: 'pages', fields: [], hooks: { afterChange: [own] } } as CollectionConfig)
    expect(pages.hooks?.afterChange).toHaveLength(2)
    expect(pages.hooks?.afterChange?.[0]).toBe(own)
    expect(pages.hooks?.afterDelete).toHaveLength(1)
    const users = { slug: 'users', fields: [] } as CollectionConfig
    expect(withSiteCachePurge(users)).toBe(users)
  })

  it('queues one job in the change\'s request with the collection key and the page paths, then runs the queue (no direct delivery configured)', async () => {
    const { req, queue, run } = fakeRequest(true)
    const hook = queuePurgeAfterChange('pages')
    await change(hook, req, { id: 1, path: '/about/new/', _status: 'published' }, { id: 1, path: '/about/old/', _status: 'published' })
    await change(hook, req, { id: 1, path: '/about/new/', _status: 'published' }, { id: 1, path: '/about/old/', _status: 'published' })

    expect(queue).toHaveBeenCalledTimes(1)
    expect(queue).toHaveBeenCalledWith({
      task: SITE_CACHE_PURGE_TASK,
      queue: SITE_CACHE_PURGE_QUEUE,
      input: { keys: ['pages'], urls: ['/about/new/', '/about/old/'] },
      req,
    })
    // No transaction: the change is committed, so the queue runs at once, not on a timer.
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('delivers one purge for the whole transaction right after its commit, and marks the jobs done', async () => {
    const { db, updateJobs } = transactionalDb()
    const deliver = vi.fn(async () => ({ renderers: 1, cdnKeys: 0 }))
    const { req, queue, run } = fakeRequest(true, { deliver, transactionID: 'tx-1', db })
    await change(queuePurgeAfterChange('releases'), req, { id: 1 }, { id: 1 })
    await change(queuePurgeAfterChange('boxes'), req, { id: 2 }, { id: 2 })

    // Both jobs queued in the transaction, left to the cron only as the retry path.
    expect(queue).toHaveBeenCalledTimes(2)
    const waitUntil = (queue.mock.calls[0] as unknown as [{ waitUntil?: Date }])[0].waitUntil
    expect(waitUntil?.getTime()).toBeGreaterThan(Date.now() + PURGE_JOB_RETRY_DELAY_MS - 2000)
    // Nothing reaches a renderer before the commit.
    expect(deliver).not.toHaveBeenCalled()

    await db.commitTransaction('tx-1')
    expect(deliver).toHaveBeenCalledTimes(1)
    expect(deliver).toHaveBeenCalledWith({ keys: ['releases', 'boxes'], urls: [] }, expect.anything())
    expect(updateJobs).toHaveBeenCalledWith(expect.objectContaining({ data: expect.objectContaining({ processing: false, completedAt: expect.any(String) }) }))
    expect(JSON.stringify((updateJobs.mock.calls[0] as unknown as [{ where: unknown }])[0].where)).toContain('[1,2]')
    expect(run).not.toHaveBeenCalled()
  })

  it('delivers nothing when the transaction rolls back, and leaves a failed delivery\'s jobs to the cron', async () => {
    const rolledBack = transactionalDb()
    const deliver = vi.fn(async () => ({ renderers: 1, cdnKeys: 0 }))
    const first = fakeRequest(true, { deliver, transactionID: 'tx-2', db: rolledBack.db })
    await change(queuePurgeAfterChange('releases'), first.req, { id: 1 }, { id: 1 })
    await rolledBack.db.rollbackTransaction('tx-2')
    await rolledBack.db.commitTransaction('tx-2')
    expect(deliver).not.toHaveBeenCalled()

    const failing = transactionalDb()
    const refuse = vi.fn(async () => {
      throw new Error('renderer unreachable')
    })
    const second = fakeRequest(true, { deliver: refuse, transactionID: 'tx-3', db: failing.db })
    await change(queuePurgeAfterChange('releases'), second.req, { id: 1 }, { id: 1 })
    await failing.db.commitTransaction('tx-3')
    expect(refuse).toHaveBeenCalledTimes(1)
    expect(failing.updateJobs).not.toHaveBeenCalled()
  })

  it.each(['sponsors', 'sponsorships', 'sponsorship-packages'])('purges the pages showing sponsor logos when %s change: /psf/sponsors/, /downloads/ and the job board', async (collection) => {
    const { req, queue } = fakeRequest(true)
    await change(queuePurgeAfterChange(collection), req, { id: 1 }, { id: 1 })
    expect(queue).toHaveBeenCalledWith(expect.objectContaining({
      input: { keys: [collection], urls: ['/psf/sponsors/', '/downloads/', '/jobs/', '/jobs/types/', '/jobs/categories/', '/jobs/locations/'] },
    }))
  })

  it('purges a visitor\'s public profile under the accounts key and at /users/<username>/, old and new name', async () => {
    const { req, queue } = fakeRequest(true)
    await change(queuePurgeAfterChange('accounts'), req, { id: 4, username: 'ada.l' }, { id: 4, username: 'ada' })
    expect(queue).toHaveBeenCalledWith(expect.objectContaining({ input: { keys: ['accounts'], urls: ['/users/ada.l/', '/users/ada/'] } }))
    const deleted = fakeRequest(true)
    await queuePurgeAfterDelete('accounts')({ doc: { id: 4, username: 'ada' }, req: deleted.req, context: {}, id: 4, collection: {} } as never)
    expect(deleted.queue).toHaveBeenCalledWith(expect.objectContaining({ input: { keys: ['accounts'], urls: ['/users/ada/'] } }))
  })

  it('queues nothing for a draft never published, a seed import, or without PURGE_SECRET', async () => {
    const enabled = fakeRequest(true)
    const hook = queuePurgeAfterChange('pages')
    await change(hook, enabled.req, { id: 1, _status: 'draft' }, { id: 1, _status: 'draft' })
    await change(hook, enabled.req, { id: 2 }, {}, { skipSitePurge: true })
    expect(enabled.queue).not.toHaveBeenCalled()

    // Unpublishing does change the site.
    await change(hook, enabled.req, { id: 3, _status: 'draft' }, { id: 3, _status: 'published' })
    expect(enabled.queue).toHaveBeenCalledTimes(1)

    const disabled = fakeRequest(false)
    await change(hook, disabled.req, { id: 1 })
    expect(disabled.queue).not.toHaveBeenCalled()
  })

  it('queues a purge when a document is deleted', async () => {
    const { req, queue } = fakeRequest(true)
    await queuePurgeAfterDelete('boxes')({ doc: { id: 4 }, req, context: {}, id: 4, collection: {} } as unknown as Parameters<ReturnType<typeof queuePurgeAfterDelete>>[0])
    expect(queue).toHaveBeenCalledWith(expect.objectContaining({ input: { keys: ['boxes'], urls: [] } }))
  })
})
