import type { TaskConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { describeSchedules } from '../../../../cms/jobs/adminJobsCollection'
import { attachSchedules, queueRunnersAutoRun } from '../../../../cms/jobs/attachSchedules'
import { QUEUE_RUNNERS, SCHEDULED_QUEUE, TASK_SCHEDULES } from '../../../../cms/jobs/schedules'

const task = (slug: string): TaskConfig<{ input: object; output: object }> => ({ slug, handler: async () => ({ output: {} }) })

describe('attaching the crons of schedules.ts to the tasks', () => {
  it('gives a scheduled task its crons in the scheduled queue and leaves the others alone', () => {
    const schedules = [
      { task: 'importBlogFeed', cron: '5,35 * * * *', when: 'twice an hour' },
      { task: 'importBlogFeed', cron: '0 12 * * *', when: 'at noon' },
    ]
    const [purge, blog] = attachSchedules([task('purgeSiteCache'), task('importBlogFeed')], schedules)

    expect(purge.schedule).toBeUndefined()
    expect(blog.schedule).toEqual([
      { cron: '5,35 * * * *', queue: SCHEDULED_QUEUE },
      { cron: '0 12 * * *', queue: SCHEDULED_QUEUE },
    ])
  })

  it('refuses a schedule naming a task the config does not have', () => {
    expect(() => attachSchedules([task('purgeSiteCache')], [{ task: 'reindexSearch', cron: '0 4 * * 0', when: 'weekly' }])).toThrow(
      new Error('cms/jobs/schedules.ts schedules reindexSearch, but the jobs config has no such task (it has purgeSiteCache).'),
    )
  })

  it('lets only the scheduled queue runner queue the next scheduled jobs', () => {
    expect(queueRunnersAutoRun([
      { queue: SCHEDULED_QUEUE, cron: '* * * * *', when: 'every minute' },
      { queue: 'default', cron: '*/2 * * * *', when: 'every other minute' },
    ])).toEqual([
      { cron: '* * * * *', queue: SCHEDULED_QUEUE, limit: 10, disableScheduling: false },
      { cron: '*/2 * * * *', queue: 'default', limit: 10, disableScheduling: true },
    ])
  })

  it('writes every cron with five fields, each schedule once', () => {
    for (const schedule of [...TASK_SCHEDULES, ...QUEUE_RUNNERS]) expect(schedule.cron.split(' '), schedule.cron).toHaveLength(5)
    expect(new Set(TASK_SCHEDULES.map((schedule) => `${schedule.task} ${schedule.cron}`)).size).toBe(TASK_SCHEDULES.length)
  })

  it('describes the schedules for the admin in words', () => {
    expect(describeSchedules()).toContain('importCalendars every hour at :15 (15 * * * *); importBlogFeed every 30 minutes, at :05 and :35 (5,35 * * * *); refreshReleaseCycles every day at 03:30 (30 3 * * *); pruneJobs every day at 04:45 (45 4 * * *)')
    expect(describeSchedules()).toContain('Queues run: "scheduled" every minute, "default" every minute.')
  })
})
