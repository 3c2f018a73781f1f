import type { Payload, PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../../../collections/access/roles'
import type { User } from '../../../collections/generated/payload-types'
import { JOB_RETENTION } from '../../../cms/jobs/pruneJobs'
import { handRunnableTasks, runJobByHand, UnknownTaskError } from '../../../cms/jobs/runJobByHand'
import { QUEUE_RUNNERS, SCHEDULED_PUBLISH_QUEUE, SCHEDULED_QUEUE, TASK_SCHEDULES } from '../../../cms/jobs/schedules'
import { createRoleUsers } from '../../support/accessUsers'
import { readFeedFixture, startFixtureHttpServer, type FixtureHttpServer } from '../../support/fixtureHttpServer'
import { runQueueLater } from '../../support/jobsTesting'
import { createTestPayload } from '../../support/testPayload'

// The fixture feeds are served on 127.0.0.1, which feed fetches refuse unless told (cms/config/feedFetchEnv.ts).
process.env.FEED_FETCH_ALLOW_PRIVATE = 'true'

const HOUR_MS = 60 * 60 * 1000

/** Whether a five-field cron's field (numbers, lists or `*`) admits `value`. */
function cronFieldAdmits(field: string, value: number): boolean {
  return field === '*' || field.split(',').map(Number).includes(value)
}

describe('the schedules of cms/jobs/schedules.ts on the running jobs config', () => {
  let payload: Payload
  let server: FixtureHttpServer
  let users: Record<Role, User>

  beforeAll(async () => {
    server = await startFixtureHttpServer()
    server.serve('/blog.rss', { contentType: 'application/rss+xml', body: await readFeedFixture('python-insider.rss') })
    server.serve('/release-cycle.json', { contentType: 'application/json', body: await readFeedFixture('release-cycle.json') })
    server.serve('/events.ics', { contentType: 'text/calendar', body: await readFeedFixture('python-events.ics') })
    payload = await createTestPayload('jobs_schedules', { BLOG_FEED_URL: server.url('/blog.rss'), RELEASE_CYCLE_URL: server.url('/release-cycle.json') })
    await payload.create({ collection: 'calendars', data: { name: 'Python Events', slug: 'python-events', url: server.url('/events.ics') } })
    users = await createRoleUsers(payload, 'jobs')
  })
  afterAll(async () => {
    await payload?.destroy()
    await server?.close()
  })

  it('gives every scheduled task its cron, in the scheduled queue, and every scheduled task exists', () => {
    const tasks = payload.config.jobs.tasks ?? []
    for (const schedule of TASK_SCHEDULES) {
      const task = tasks.find((candidate) => candidate.slug === schedule.task)
      expect(task, `task ${schedule.task}`).toBeDefined()
      expect(task?.schedule).toEqual([{ cron: schedule.cron, queue: SCHEDULED_QUEUE }])
      expect(schedule.cron.split(' ')).toHaveLength(5)
    }
    expect(handRunnableTasks(payload)).toEqual(TASK_SCHEDULES.map((schedule) => schedule.task))
  })

  it('runs every queue that holds scheduled work: scheduled tasks, scheduled publishes and purges', () => {
    const autoRun = payload.config.jobs.autoRun as { cron?: string; queue?: string; disableScheduling?: boolean }[]
    const runners = QUEUE_RUNNERS.map((runner) => ({ cron: runner.cron, queue: runner.queue, limit: 10, disableScheduling: runner.queue !== SCHEDULED_QUEUE }))
    expect(runners).toEqual([
      { cron: '* * * * *', queue: SCHEDULED_QUEUE, limit: 10, disableScheduling: false },
      { cron: '* * * * *', queue: SCHEDULED_PUBLISH_QUEUE, limit: 10, disableScheduling: true },
    ])
    for (const runner of runners) expect(autoRun).toContainEqual(runner)
    expect(autoRun.find((entry) => entry.queue === 'site-cache')).toMatchObject({ cron: '* * * * * *', disableScheduling: true })
    // Only the scheduled queue's runner queues the next job of each schedule.
    expect(autoRun.filter((entry) => !entry.disableScheduling).map((entry) => entry.queue)).toEqual([SCHEDULED_QUEUE])
  })

  it("queues each schedule's next run at a time its cron admits, once", async () => {
    const now = Date.now()
    const first = await payload.jobs.handleSchedules({ queue: SCHEDULED_QUEUE })
    expect(first.queued.map((queueable) => queueable.taskConfig?.slug).sort()).toEqual(TASK_SCHEDULES.map((schedule) => schedule.task).sort())
    expect([first.skipped, first.errored]).toEqual([[], []])

    const { docs } = await payload.find({ collection: 'payload-jobs', where: { 'meta.scheduled': { equals: true } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
    expect(docs).toHaveLength(TASK_SCHEDULES.length)
    for (const schedule of TASK_SCHEDULES) {
      const job = docs.find((doc) => doc.taskSlug === schedule.task)
      const next = new Date(String(job?.waitUntil))
      const [minute, hour, dayOfMonth, month, dayOfWeek] = schedule.cron.split(' ')
      expect(job?.queue).toBe(SCHEDULED_QUEUE)
      expect(next.getTime()).toBeGreaterThan(now)
      expect(next.getTime() - now).toBeLessThanOrEqual(7 * 24 * HOUR_MS)
      expect([next.getSeconds(), next.getMilliseconds()]).toEqual([0, 0])
      expect(
        [cronFieldAdmits(minute, next.getMinutes()), cronFieldAdmits(hour, next.getHours()), cronFieldAdmits(dayOfMonth, next.getDate()), cronFieldAdmits(month, next.getMonth() + 1), cronFieldAdmits(dayOfWeek, next.getDay())],
        `${schedule.task} next run ${next.toString()} for ${schedule.cron}`,
      ).toEqual([true, true, true, true, true])
    }

    // The next run is pending: another scheduling pass queues nothing more.
    const second = await payload.jobs.handleSchedules({ queue: SCHEDULED_QUEUE })
    expect([second.queued.length, second.skipped.length]).toEqual([0, TASK_SCHEDULES.length])
  })

  it('runs every scheduled task by hand', async () => {
    for (const task of handRunnableTasks(payload)) {
      const result = await runJobByHand(payload, task)
      expect(result, task).toMatchObject({ state: 'succeeded' })
    }
  })

  it('refuses to run by hand a task that is not scheduled, naming the ones that are', async () => {
    await expect(runJobByHand(payload, 'purgeSiteCache')).rejects.toThrow(UnknownTaskError)
    await expect(runJobByHand(payload, 'importBlogFed')).rejects.toThrow(`"importBlogFed" is not a task that can be run by hand; choose one of: ${handRunnableTasks(payload).join(', ')}.`)
  })

  it("publishes a page's scheduled draft when its time comes, from the queue the runner runs every minute", async () => {
    const page = await payload.create({ collection: 'pages', data: { title: 'Scheduled page', path: '/scheduled/', _status: 'draft' }, draft: true })
    const publishAt = new Date(Date.now() + 10 * 60_000)
    // What the admin's "Schedule publish" does (Payload's schedulePublishHandler).
    await payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'pages', value: page.id } }, waitUntil: publishAt })

    await payload.jobs.run({ queue: SCHEDULED_PUBLISH_QUEUE })
    expect((await payload.findByID({ collection: 'pages', id: page.id, depth: 0 }))._status).toBe('draft')

    await runQueueLater(payload, SCHEDULED_PUBLISH_QUEUE, 10 * 60_000 + 1000)
    expect((await payload.findByID({ collection: 'pages', id: page.id, depth: 0 }))._status).toBe('published')
  })

  it('shows the Jobs list to admins only, read-only, with the schedules described', async () => {
    const jobs = payload.collections['payload-jobs'].config
    const hidden = jobs.admin.hidden as (args: { user: unknown }) => boolean
    expect([hidden({ user: users.admin }), hidden({ user: users.editor }), hidden({ user: users['release-manager'] })]).toEqual([false, true, true])
    expect(jobs.admin.description).toBe(
      `Scheduled tasks, in server time: ${TASK_SCHEDULES.map((schedule) => `${schedule.task} ${schedule.when} (${schedule.cron})`).join('; ')}. Queues run: "scheduled" every minute, "default" every minute. The pending row of each scheduled task shows its next run (Wait Until). Run a task by hand with npm run jobs:run -- <task>.`,
    )

    const asUser = (user: User | null) => ({ collection: 'payload-jobs' as const, overrideAccess: false, user, depth: 0 })
    expect((await payload.find(asUser(users.admin))).totalDocs).toBeGreaterThan(0)
    for (const user of [null, users.editor, users['release-manager'], users.moderator]) {
      await expect(payload.find(asUser(user)), `read as ${user?.roles?.join() ?? 'anonymous'}`).rejects.toMatchObject({ status: 403 })
    }
    const [job] = (await payload.find({ collection: 'payload-jobs', limit: 1, depth: 0, overrideAccess: true })).docs
    await expect(payload.create({ ...asUser(users.admin), data: { taskSlug: 'pruneJobs', input: {} } })).rejects.toMatchObject({ status: 403 })
    await expect(payload.update({ ...asUser(users.admin), id: job.id, data: { queue: 'other' } })).rejects.toMatchObject({ status: 403 })
    await expect(payload.delete({ ...asUser(users.admin), id: job.id })).rejects.toMatchObject({ status: 403 })
  })

  it("lets only admins run, queue or cancel jobs through Payload's endpoints, and nobody edit the schedule stats", async () => {
    const access = payload.config.jobs.access ?? {}
    const req = (user: User | null) => ({ req: { user: user === null ? null : { ...user, collection: 'users' } } as unknown as PayloadRequest })
    for (const operation of ['run', 'queue', 'cancel'] as const) {
      const rule = access[operation]
      expect(rule, operation).toBeDefined()
      expect(await Promise.all([null, users.editor, users['release-manager'], users.moderator, users.admin].map((user) => rule?.(req(user))))).toEqual([false, false, false, false, true])
    }

    const stats = (user: User) => ({ slug: 'payload-jobs-stats' as const, overrideAccess: false, user, depth: 0 })
    await expect(payload.findGlobal(stats(users.admin))).resolves.toMatchObject({ stats: expect.anything() })
    await expect(payload.findGlobal(stats(users.editor))).rejects.toMatchObject({ status: 403 })
    await expect(payload.updateGlobal({ ...stats(users.admin), data: { stats: {} } })).rejects.toMatchObject({ status: 403 })
  })

  it('prunes completed purges after a day, sent mail after a week and other finished jobs after 30 days, never pending ones', async () => {
    await payload.db.deleteMany({ collection: 'payload-jobs', where: { id: { exists: true } } })
    const ago = (hours: number) => new Date(Date.now() - hours * HOUR_MS).toISOString()
    const make = async (label: string, data: Record<string, unknown>) => {
      await payload.db.create({ collection: 'payload-jobs', data: { input: { label }, queue: SCHEDULED_QUEUE, processing: false, totalTried: 1, ...data } })
    }
    const oldFinished = ago(JOB_RETENTION.finishedJobsDays * 24 + 1)
    await make('purge done 25 h ago', { taskSlug: 'purgeSiteCache', queue: 'site-cache', completedAt: ago(25) })
    await make('purge done 23 h ago', { taskSlug: 'purgeSiteCache', queue: 'site-cache', completedAt: ago(23) })
    await make('mail sent 8 days ago', { taskSlug: 'sendMail', queue: 'mail', completedAt: ago(8 * 24) })
    await make('mail sent 6 days ago', { taskSlug: 'sendMail', queue: 'mail', completedAt: ago(6 * 24) })
    await make('import done 31 days ago', { taskSlug: 'importBlogFeed', completedAt: oldFinished })
    await make('import done 29 days ago', { taskSlug: 'importBlogFeed', completedAt: ago(29 * 24) })
    await make('import failed for good 31 days ago', { taskSlug: 'importCalendars', hasError: true, updatedAt: oldFinished })
    await make('import waiting for a retry', { taskSlug: 'importCalendars', hasError: false, waitUntil: new Date(Date.now() + HOUR_MS).toISOString() })
    await make('next scheduled run', { taskSlug: 'pruneJobs', totalTried: 0, waitUntil: new Date(Date.now() + HOUR_MS).toISOString(), meta: { scheduled: true } })

    const result = await runJobByHand(payload, 'pruneJobs')

    expect(result).toMatchObject({ state: 'succeeded', output: { deleted: 4 } })
    const { docs } = await payload.find({ collection: 'payload-jobs', sort: 'id', limit: 0, pagination: false, depth: 0, overrideAccess: true })
    expect(docs.map((doc) => (doc.input as { label?: string }).label ?? `${doc.taskSlug} (this run)`)).toEqual([
      'purge done 23 h ago',
      'mail sent 6 days ago',
      'import done 29 days ago',
      'import waiting for a retry',
      'next scheduled run',
      'pruneJobs (this run)',
    ])
  })
})
