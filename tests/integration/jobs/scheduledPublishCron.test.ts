import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { eventually } from '../../support/jobsTesting'
import { createTestPayload } from '../../support/testPayload'

/**
 * Payload's scheduled publish queues a job for the chosen time; nothing publishes the page unless
 * a runner works that queue. This runs the CMS's own crons (as a serving CMS does) and waits for
 * the once-a-minute runner to publish a page whose time has come.
 */
describe('scheduled publishing with the serving CMS crons running', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await createTestPayload('jobs_scheduled_publish_cron', {}, { cron: true })
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('publishes a scheduled draft within a minute of its time, without anyone running the queue', async () => {
    const page = await payload.create({ collection: 'pages', data: { title: 'Release party', path: '/release-party/', _status: 'draft' }, draft: true })
    const due = Date.now() + 1000
    await payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'pages', value: page.id } }, waitUntil: new Date(due) })

    const job = async () => (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, depth: 0, overrideAccess: true })).docs[0]
    // The job is marked completed just after its task published the page. The runner's cron fires
    // at second 0 of each minute: the first run at or after `due` (up to 61 s away when queued
    // just before a minute turns) must publish it, with 40 s for that run on a loaded machine.
    const firstRunAfterDue = Math.ceil(due / 60_000) * 60_000
    await eventually('the scheduled publish job to complete', async () => Boolean((await job()).completedAt), firstRunAfterDue - Date.now() + 40_000)
    expect((await job()).hasError).toBe(false)
    expect((await payload.findByID({ collection: 'pages', id: page.id, depth: 0 }))._status).toBe('published')
  }, 120_000)
})
