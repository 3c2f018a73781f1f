import { randomUUID } from 'node:crypto'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { TASK_SCHEDULES } from '../../../cms/jobs/schedules'
import { eventually } from '../../support/jobsTesting'
import { launchChromium, type LaunchedBrowser } from '../../support/launchChromium'
import { adminToken, call } from '../../support/legacyApiClient'

const cmsUrl = inject('cmsUrl')
const cmsPublicUrl = inject('cmsPublicUrl')

type JobDoc = { id: number; taskSlug: string; queue: string; waitUntil: string | null; completedAt: string | null; hasError?: boolean | null; meta?: { scheduled?: boolean } | null }

/**
 * The scheduled jobs in the running CMS: it queues the next run of every schedule on its own,
 * shows them to admins in the admin's Jobs list, and keeps the list, the schedule stats and
 * Payload's job endpoints from everyone else.
 */
describe('scheduled jobs in the serving CMS', () => {
  let adminJwt: string
  let editorJwt: string
  let editorId: number
  let browser: LaunchedBrowser | undefined
  const username = `jobs-editor-${randomUUID().slice(0, 8)}`
  const password = `pw-${randomUUID()}`

  const asAdmin = (path: string, init: RequestInit = {}) => call(cmsUrl, path, { ...init, headers: { 'content-type': 'application/json', authorization: `JWT ${adminJwt}` } })

  beforeAll(async () => {
    adminJwt = await adminToken(cmsUrl, inject('adminEmail'), inject('adminPassword'))
    const created = await asAdmin('/api/users', { method: 'POST', body: JSON.stringify({ email: `${username}@example.org`, username, password, roles: ['editor'] }) })
    expect(created.status).toBe(201)
    editorId = (created.body as { doc: { id: number } }).doc.id
    editorJwt = await adminToken(cmsUrl, `${username}@example.org`, password)
  })
  afterAll(async () => {
    await browser?.close()
    // Leave the shared seeded database as it was.
    if (editorId !== undefined) await asAdmin(`/api/users/${editorId}`, { method: 'DELETE' })
  })

  it('queues the next run of every scheduled task by itself, within a minute', async () => {
    // `meta` is JSON, which a REST query can only compare with strings: filter here. A job that
    // failed for good (hasError: the blog feed is out of reach on a closed network) is not
    // pending, and Payload rightly queues the schedule's next run beside it.
    const pending = async () => {
      const answer = await asAdmin('/api/payload-jobs?where[queue][equals]=scheduled&where[completedAt][exists]=false&limit=100&depth=0')
      expect(answer.status).toBe(200)
      return (answer.body as { docs: JobDoc[] }).docs.filter((job) => job.meta?.scheduled === true && job.hasError !== true)
    }
    await eventually('a pending job for every schedule', async () => new Set((await pending()).map((job) => job.taskSlug)).size === TASK_SCHEDULES.length, 75_000)
    const jobs = await pending()
    expect(jobs.map((job) => job.taskSlug).sort()).toEqual(TASK_SCHEDULES.map((schedule) => schedule.task).sort())
    for (const job of jobs) {
      expect(job.queue).toBe('scheduled')
      expect(new Date(String(job.waitUntil)).getTime()).toBeGreaterThan(Date.now() - 60_000)
    }
  }, 90_000)

  it.each([
    ['anonymous', () => undefined],
    ['an editor', () => editorJwt],
  ])('refuses the Jobs list, the schedule stats and the job endpoints to %s', async (_who, jwt) => {
    const token = jwt()
    const headers: Record<string, string> = token === undefined ? {} : { authorization: `JWT ${token}` }
    const answers = await Promise.all(
      ['/api/payload-jobs', '/api/globals/payload-jobs-stats', '/api/payload-jobs/run?queue=scheduled', '/api/payload-jobs/handle-schedules?queue=scheduled'].map(async (path) => [path, (await call(cmsUrl, path, { headers })).status]),
    )
    expect(answers).toEqual([
      ['/api/payload-jobs', 403],
      ['/api/globals/payload-jobs-stats', 403],
      ['/api/payload-jobs/run?queue=scheduled', 401],
      ['/api/payload-jobs/handle-schedules?queue=scheduled', 401],
    ])
  })

  it('shows admins the Jobs list with the schedules written out', async () => {
    browser = await launchChromium()
    const page: Page = await browser.context.newPage()
    await page.goto(`${cmsPublicUrl}/admin/login`)
    await page.fill('input[name="email"]', inject('adminEmail'))
    await page.fill('input[type="password"]', inject('adminPassword'))
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/?$/, { timeout: 30_000 })
    await page.goto(`${cmsPublicUrl}/admin/collections/payload-jobs`)
    await page.getByText('Scheduled tasks, in server time:').waitFor({ timeout: 30_000 })
    expect(await page.textContent('body')).toContain('importCalendars every hour at :15 (15 * * * *)')
  }, 90_000)
})
