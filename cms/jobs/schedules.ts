/**
 * Every cron of the CMS's scheduled work, in one place: when each task is queued, and how often
 * the queues they land in are run. `jobsConfig` attaches these to the tasks (Payload's
 * `schedule`) and to the runners (`autoRun`); the admin's Jobs list shows this table and, as
 * the pending row of each task, its next run.
 *
 * Crons use croner's syntax, as Payload does: five fields (minute hour day-of-month month
 * day-of-week), in the CMS process's local time (UTC in the containers).
 */

/** The queue scheduled tasks are queued in; by-hand runs (`npm run jobs:run`) use it too. */
export const SCHEDULED_QUEUE = 'scheduled'

/** Payload queues its scheduled publishes (`schedulePublish`, drafts of pages) in its default queue. */
export const SCHEDULED_PUBLISH_QUEUE = 'default'

export type TaskSchedule = {
  /** The task's slug, as registered in `jobsConfig`. */
  readonly task: string
  readonly cron: string
  /** The cron in words, for the admin. */
  readonly when: string
}

export const TASK_SCHEDULES: readonly TaskSchedule[] = [
  { task: 'importCalendars', cron: '15 * * * *', when: 'every hour at :15' },
  { task: 'importBlogFeed', cron: '5,35 * * * *', when: 'every 30 minutes, at :05 and :35' },
  { task: 'refreshReleaseCycles', cron: '30 3 * * *', when: 'every day at 03:30' },
  { task: 'pruneJobs', cron: '45 4 * * *', when: 'every day at 04:45' },
  // The job board's listings that ran out (cms/jobs/expireJobs.ts).
  { task: 'expireJobs', cron: '10 2 * * *', when: 'every day at 02:10' },
  // Sponsors' missing required assets (cms/jobs/remindSponsorAssets.ts).
  { task: 'remindSponsorAssets', cron: '20 9 * * *', when: 'every day at 09:20' },
  // The weekly full search reindex (cms/jobs/reindexSearch.ts).
  { task: 'reindexSearch', cron: '0 4 * * 0', when: 'every Sunday at 04:00' },
  // Stored markup rendered by older rules than the deployed ones (cms/jobs/rerenderMarkup.ts); a
  // count query when there is none.
  { task: 'rerenderMarkup', cron: '50 3 * * *', when: 'every day at 03:50' },
]

export type QueueRunner = {
  readonly queue: string
  readonly cron: string
  readonly when: string
}

/**
 * How often each queue's due jobs are run. A run also queues the next job of every schedule of
 * its queue. Payload's cron skips a tick while the previous run of the same queue still works.
 */
export const QUEUE_RUNNERS: readonly QueueRunner[] = [
  { queue: SCHEDULED_QUEUE, cron: '* * * * *', when: 'every minute' },
  { queue: SCHEDULED_PUBLISH_QUEUE, cron: '* * * * *', when: 'every minute' },
]
