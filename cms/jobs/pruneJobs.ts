import type { TaskConfig, Where } from 'payload'

import { SITE_CACHE_PURGE_TASK } from '../../collections/hooks/queueSiteCachePurge'
import { SEND_MAIL_TASK } from '../mail/queueMail'

export const PRUNE_JOBS_TASK = 'pruneJobs'

const HOUR_MS = 60 * 60 * 1000

/**
 * Purges are many and say little once done; a sent message's job holds its addresses and
 * values, personal data kept a week (long enough to answer "did it go out?"); import results
 * are worth a month of history.
 */
export const JOB_RETENTION = {
  completedPurgesHours: 24,
  sentMailDays: 7,
  finishedJobsDays: 30,
} as const

/**
 * The `pruneJobs` task: finished jobs are kept (not deleted on completion) so admins can read
 * every run's output and errors in the Jobs list; this removes completed purges after a day, sent
 * mail after a week, and any other finished job (completed, or failed for good) after 30 days. Pending and retrying
 * jobs, including the next run of every schedule, are never touched.
 */
export function createPruneJobsTask(): TaskConfig<{ input: object; output: { deleted: number } }> {
  return {
    slug: PRUNE_JOBS_TASK,
    label: 'Delete old finished jobs',
    retries: 2,
    concurrency: () => PRUNE_JOBS_TASK,
    outputSchema: [{ name: 'deleted', type: 'number', required: true }],
    handler: async ({ req }) => {
      const now = Date.now()
      const purgesBefore = new Date(now - JOB_RETENTION.completedPurgesHours * HOUR_MS).toISOString()
      const mailBefore = new Date(now - JOB_RETENTION.sentMailDays * 24 * HOUR_MS).toISOString()
      const finishedBefore = new Date(now - JOB_RETENTION.finishedJobsDays * 24 * HOUR_MS).toISOString()
      const where: Where = {
        or: [
          { and: [{ taskSlug: { equals: SITE_CACHE_PURGE_TASK } }, { completedAt: { less_than: purgesBefore } }] },
          { and: [{ taskSlug: { equals: SEND_MAIL_TASK } }, { completedAt: { less_than: mailBefore } }] },
          { completedAt: { less_than: finishedBefore } },
          { and: [{ hasError: { equals: true } }, { updatedAt: { less_than: finishedBefore } }] },
        ],
      }
      const { totalDocs } = await req.payload.db.count({ collection: 'payload-jobs', where, req })
      if (totalDocs > 0) await req.payload.db.deleteMany({ collection: 'payload-jobs', where, req })
      return { output: { deleted: totalDocs } }
    },
  }
}
