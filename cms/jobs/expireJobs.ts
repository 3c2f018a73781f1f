import type { TaskConfig } from 'payload'

import { runExclusively } from './runExclusively'

export const EXPIRE_JOBS_TASK = 'expireJobs'

/** Postings handled per run; the next day's run takes any rest (the board lists a few hundred). */
const MAX_PER_RUN = 500

/**
 * The `expireJobs` task (python.org's `expire_jobs` command), daily: every approved job whose
 * listing date has passed moves to `expired` through the Local API as the `system` actor, so the
 * job workflow checks the move, the search index drops the job, the site is purged and the
 * posting's contact is told (collections/Jobs/hooks). python.org re-statused jobs 90 days after
 * they stopped being listed; here the state follows the date within a day.
 */
export function createExpireJobsTask(): TaskConfig<{ input: object; output: { expired: number } }> {
  return {
    slug: EXPIRE_JOBS_TASK,
    label: 'Expire job postings past their date',
    retries: 3,
    concurrency: () => EXPIRE_JOBS_TASK,
    outputSchema: [{ name: 'expired', type: 'number', required: true }],
    handler: async ({ req }) => {
      const expired = await runExclusively(req.payload, EXPIRE_JOBS_TASK, async (workReq) => {
        const due = await workReq.payload.find({
          collection: 'jobs',
          where: { and: [{ status: { equals: 'approved' } }, { expires: { less_than_equal: new Date().toISOString() } }] },
          sort: 'expires',
          limit: MAX_PER_RUN,
          depth: 0,
          overrideAccess: true,
          req: workReq,
        })
        for (const job of due.docs) {
          await workReq.payload.update({ collection: 'jobs', id: job.id, data: { status: 'expired' }, depth: 0, overrideAccess: true, req: workReq })
        }
        return due.docs.length
      })
      return { output: { expired } }
    },
  }
}
