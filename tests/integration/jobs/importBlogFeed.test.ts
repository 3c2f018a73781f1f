import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { runJobByHand } from '../../../cms/jobs/runJobByHand'
import { SCHEDULED_QUEUE } from '../../../cms/jobs/schedules'
import { readFeedFixture, startFixtureHttpServer, type FixtureHttpServer } from '../../support/fixtureHttpServer'
import { eventually, runQueueLater, snapshotCollection } from '../../support/jobsTesting'
import { createTestPayload } from '../../support/testPayload'

// The fixture feeds are served on 127.0.0.1, which feed fetches refuse unless told (cms/config/feedFetchEnv.ts).
process.env.FEED_FETCH_ALLOW_PRIVATE = 'true'

const FEED_PATH = '/feeds/posts/default?alt=rss'
const PURGE_SECRET = 'blog-feed-test-purge-secret'

/** The fixture feed's six posts, newest first, as `news` must hold them. */
const IMPORTED_NEWS = [
  {
    guid: 'tag:blogger.com,1999:blog-3941553907430899163.post-1001',
    title: 'Python 3.15.0 beta 1 is now available',
    url: 'https://blog.python.org/2026/11/python-3150-beta-1.html',
    summary: 'The first beta of Python 3.15 is here & ready for testing. Please try it with your projects and report problems.',
    publishedAt: '2026-11-04T18:00:00.000Z',
    author: 'Hugo van Kemenade',
  },
  {
    guid: 'tag:blogger.com,1999:blog-3941553907430899163.post-1002',
    title: 'Python 3.14.7 and 3.13.15 are now available',
    url: 'https://blog.python.org/2026/10/python-3147-and-31315.html',
    summary: 'Two bugfix releases today.',
    publishedAt: '2026-10-13T15:30:00.000Z',
    author: 'Łukasz Langa',
  },
  {
    guid: 'tag:blogger.com,1999:blog-3941553907430899163.post-1003',
    title: 'The 2026 Python Language Summit',
    url: 'https://blog.python.org/2026/09/the-2026-python-language-summit.html',
    summary:
      'The Python Language Summit brought core developers together in Pittsburgh. This is a long summary that goes on for a while so that the importer has to cut it at a word boundary, because news lists show only the start of each post and the rest of it lives on the blog, which is where the link goes…',
    publishedAt: '2026-09-07T09:00:00.000Z',
    author: 'Seth Larson',
  },
  {
    guid: 'tag:blogger.com,1999:blog-3941553907430899163.post-1004',
    title: 'Security release: Python 3.12.12',
    url: 'https://blog.python.org/2026/08/python-31212.html',
    summary: 'A security release for 3.12.',
    publishedAt: '2026-08-14T12:00:00.000Z',
    author: 'Thomas Wouters',
  },
  {
    guid: 'tag:blogger.com,1999:blog-3941553907430899163.post-1005',
    title: 'Python Software Foundation grants program update',
    url: 'https://blog.python.org/2026/07/grants-update.html',
    summary: 'Grants are open again.',
    publishedAt: '2026-07-01T08:00:00.000Z',
    author: 'Deb Nicholson',
  },
  {
    guid: 'tag:blogger.com,1999:blog-3941553907430899163.post-1006',
    title: 'Welcome to the new core developers',
    url: 'https://blog.python.org/2026/06/new-core-developers.html',
    summary: 'Please welcome them.',
    publishedAt: '2026-06-04T10:00:00.000Z',
    author: 'Python Steering Council',
  },
]

describe('the importBlogFeed job, against a fixture feed served over HTTP', () => {
  let payload: Payload
  let server: FixtureHttpServer
  let feed: string

  const serveFeed = (body: string, status = 200) => server.serve(FEED_PATH, { status, contentType: 'application/rss+xml; charset=utf-8', body })
  const newsFields = async () =>
    (await payload.find({ collection: 'news', sort: '-publishedAt', limit: 0, pagination: false, depth: 0 })).docs.map(({ guid, title, url, summary, publishedAt, author }) => ({
      guid,
      title,
      url,
      summary,
      publishedAt,
      author,
    }))
  const purgeOrders = () => server.requests.filter((request) => request.method === 'POST' && request.url === '/_purge')

  beforeAll(async () => {
    server = await startFixtureHttpServer()
    server.serve('/_purge', { status: 200, contentType: 'application/json', body: '{"purged":0}' })
    feed = await readFeedFixture('python-insider.rss')
    payload = await createTestPayload('jobs_blog_feed', { BLOG_FEED_URL: server.url(FEED_PATH), PURGE_SECRET, WEB_PURGE_URLS: server.baseUrl })
  })
  afterAll(async () => {
    await payload?.destroy()
    await server?.close()
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('imports every post of a good feed into news, newest first, and purges the pages listing news', async () => {
    serveFeed(feed)
    const result = await runJobByHand(payload, 'importBlogFeed')

    expect(result).toEqual({ jobId: expect.anything(), state: 'succeeded', output: { created: 6, updated: 0, unchanged: 0 } })
    expect(await newsFields()).toEqual(IMPORTED_NEWS)
    const fetches = server.requests.filter((request) => request.url === FEED_PATH)
    expect(fetches).toHaveLength(1)
    expect(fetches[0].headers.accept).toBe('application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5')
    // One purge for the whole import, not one per post, delivered after the commit, that also
    // names the blog's menu panel (the generated supernav-python-blog box) the import regenerates.
    await eventually('the purge to reach the renderer', () => purgeOrders().length >= 1)
    const orders = purgeOrders().map((order) => [order.headers.authorization, JSON.parse(order.body) as { keys: string[]; urls: string[] }] as const)
    expect(orders).toHaveLength(1)
    expect(orders[0]?.[0]).toBe(`Bearer ${PURGE_SECRET}`)
    expect(orders[0]?.[1].keys.sort()).toEqual(['boxes', 'news'])
    expect(orders[0]?.[1].urls).toEqual(['/', '/blogs/'])
  })

  it('keeps the finished job, with its output, for admins to read', async () => {
    const { docs } = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'importBlogFeed' } }, depth: 0, overrideAccess: true })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ queue: SCHEDULED_QUEUE, hasError: false, totalTried: 1, processing: false, concurrencyKey: 'importBlogFeed' })
    expect(docs[0].completedAt).toEqual(expect.any(String))
    expect(docs[0].log?.map((entry) => [entry.taskSlug, entry.state, entry.output])).toEqual([['importBlogFeed', 'succeeded', { created: 6, updated: 0, unchanged: 0 }]])
  })

  it('changes nothing when the same feed is imported again', async () => {
    const before = await snapshotCollection(payload, 'news')
    const purgesBefore = purgeOrders().length
    const result = await runJobByHand(payload, 'importBlogFeed')

    expect(result).toMatchObject({ state: 'succeeded', output: { created: 0, updated: 0, unchanged: 6 } })
    expect(await snapshotCollection(payload, 'news')).toEqual(before)
    const purgeJobs = await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'purgeSiteCache' } }, overrideAccess: true })
    // The first import's two purge jobs (news, and the regenerated menu box); none from this one.
    expect(purgeJobs.totalDocs).toBe(2)
    expect(purgeOrders()).toHaveLength(purgesBefore)
  })

  it('updates a changed post, adds a new one and keeps a post that left the feed', async () => {
    const newItem = `<item><guid isPermaLink="false">tag:blogger.com,1999:blog-3941553907430899163.post-1007</guid><pubDate>Thu, 19 Nov 2026 17:00:00 +0000</pubDate><title>Python 3.15.0 beta 2</title><description>Second beta.</description><link>https://blog.python.org/2026/11/python-3150-beta-2.html</link><author>noreply@blogger.com (Hugo van Kemenade)</author></item>`
    const changed = feed
      .replace('<title>Security release: Python 3.12.12</title>', '<title>Security releases: Python 3.12.12 and 3.11.15</title>')
      .replace(/<item>\s*<guid isPermaLink="false">[^<]*post-1006<\/guid>[\s\S]*?<\/item>/, '')
      .replace('<item>', `${newItem}<item>`)
    serveFeed(changed)
    const result = await runJobByHand(payload, 'importBlogFeed')

    expect(result).toMatchObject({ state: 'succeeded', output: { created: 1, updated: 1, unchanged: 4 } })
    expect(await newsFields()).toEqual([
      {
        guid: 'tag:blogger.com,1999:blog-3941553907430899163.post-1007',
        title: 'Python 3.15.0 beta 2',
        url: 'https://blog.python.org/2026/11/python-3150-beta-2.html',
        summary: 'Second beta.',
        publishedAt: '2026-11-19T17:00:00.000Z',
        author: 'Hugo van Kemenade',
      },
      ...IMPORTED_NEWS.map((entry) => (entry.guid.endsWith('post-1004') ? { ...entry, title: 'Security releases: Python 3.12.12 and 3.11.15' } : entry)),
    ])
  })

  it('fails a malformed feed with a logged error, changes nothing, and succeeds when the queue retries it', async () => {
    const before = await snapshotCollection(payload, 'news')
    const logged = vi.spyOn(payload.logger, 'error')
    serveFeed('<!DOCTYPE html><html><head><title>Blogger: Service unavailable</title></head><body>Try again later</body></html>')

    const result = await runJobByHand(payload, 'importBlogFeed')

    const message = `${server.url(FEED_PATH)}: is not a readable RSS or Atom feed (Feed not recognized as RSS 1 or 2.)`
    expect(result).toEqual({ jobId: expect.anything(), state: 'retrying', error: message, retryAt: expect.any(String) })
    const retryInMs = new Date((result as { retryAt: string }).retryAt).getTime() - Date.now()
    expect(retryInMs).toBeGreaterThan(50_000)
    expect(retryInMs).toBeLessThanOrEqual(60_000)
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ err: expect.objectContaining({ message }), taskSlug: 'importBlogFeed' }))
    expect(await snapshotCollection(payload, 'news')).toEqual(before)

    // Not yet due: the queue leaves it alone.
    await payload.jobs.run({ queue: SCHEDULED_QUEUE })
    const waiting = await payload.findByID({ collection: 'payload-jobs', id: result.jobId, depth: 0, overrideAccess: true })
    expect([waiting.totalTried, waiting.hasError, waiting.completedAt ?? null]).toEqual([1, false, null])

    // The feed recovers; the queue's retry a minute later imports it.
    serveFeed(feed)
    await runQueueLater(payload, SCHEDULED_QUEUE, 61_000)
    const retried = await payload.findByID({ collection: 'payload-jobs', id: result.jobId, depth: 0, overrideAccess: true })
    expect([retried.totalTried, retried.hasError]).toEqual([2, false])
    expect(retried.completedAt).toEqual(expect.any(String))
    expect(retried.log?.map((entry) => entry.state)).toEqual(['failed', 'succeeded'])
    expect(retried.log?.at(-1)?.output).toEqual({ created: 0, updated: 1, unchanged: 5 })
  })

  it('gives up after its retries on a feed that stays down, still changing nothing', async () => {
    const before = await snapshotCollection(payload, 'news')
    serveFeed('Service Unavailable', 503)
    const result = await runJobByHand(payload, 'importBlogFeed')
    expect(result).toMatchObject({ state: 'retrying', error: `GET ${server.url(FEED_PATH)} answered 503 Service Unavailable` })

    for (const minutes of [2, 4, 8]) await runQueueLater(payload, SCHEDULED_QUEUE, minutes * 60_000 + 1000)

    const job = await payload.findByID({ collection: 'payload-jobs', id: result.jobId, depth: 0, overrideAccess: true })
    expect([job.totalTried, job.hasError, job.completedAt ?? null]).toEqual([4, true, null])
    expect(job.log?.map((entry) => entry.state)).toEqual(['failed', 'failed', 'failed', 'failed'])
    expect(await snapshotCollection(payload, 'news')).toEqual(before)
  })
})
