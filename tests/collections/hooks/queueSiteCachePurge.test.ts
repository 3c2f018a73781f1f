import type { CollectionAfterChangeHook, CollectionConfig, PayloadRequest } from 'payload'
import { afterEach, describe, expect, it, vi } from 'vitest'

import {
  SITE_CACHE_PURGE_QUEUE,
  SITE_CACHE_PURGE_TASK,
  queuePurgeAfterChange,
  queuePurgeAfterDelete,
  withSiteCachePurge,
} from '../../../collections/hooks/queueSiteCachePurge'

function fakeRequest(enabled: boolean) {
  const queue = vi.fn(async () => ({}))
  const run = vi.fn(async () => ({}))
  const req = {
    payload: { config: { custom: { sitePurge: { enabled } } }, jobs: { queue, run }, logger: { error: vi.fn() }, db: { drizzle: {} } },
    context: {},
  } as unknown as PayloadRequest
  return { req, queue, run }
}

type AfterChangeArgs = Parameters<CollectionAfterChangeHook>[0]

function change(hook: CollectionAfterChangeHook, req: PayloadRequest, doc: Record<string, unknown>, previousDoc: Record<string, unknown> = {}, context = {}) {
  return hook({ doc, previousDoc, req, context, operation: 'update', collection: {} } as unknown as AfterChangeArgs)
}

describe('the site cache purge hooks', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('adds the hooks after a collection\'s own, to every collection but users', () => {
    const own = vi.fn()
    const pages = withSiteCachePurge({ slug: 'pages', fields: [], hooks: { afterChange: [own] } } as CollectionConfig)
    expect(pages.hooks?.afterChange).toHaveLength(2)
    expect(pages.hooks?.afterChange?.[0]).toBe(own)
    expect(pages.hooks?.afterDelete).toHaveLength(1)
    const users = { slug: 'users', fields: [] } as CollectionConfig
    expect(withSiteCachePurge(users)).toBe(users)
  })

  it('queues one job in the change\'s request with the collection key and the page paths, then nudges the runner', async () => {
    vi.useFakeTimers()
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
    expect(run).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(200)
    expect(run).toHaveBeenCalledTimes(1)
    // A second run catches a commit that came later than the first.
    await vi.advanceTimersByTimeAsync(400)
    expect(run).toHaveBeenCalledTimes(2)
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
