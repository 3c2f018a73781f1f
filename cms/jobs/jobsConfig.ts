import type { Config } from 'payload'

import { hasRole, type RoleHolder } from '../../collections/access/roles'
import { SITE_CACHE_PURGE_QUEUE } from '../../collections/hooks/queueSiteCachePurge'
import type { CmsEnv } from '../config/cmsEnv'
import { adminJobsCollection } from './adminJobsCollection'
import { attachSchedules, queueRunnersAutoRun } from './attachSchedules'
import { createExpireJobsTask } from './expireJobs'
import { createRemindSponsorAssetsTask } from './remindSponsorAssets'
import { createImportBlogFeedTask } from './importBlogFeed'
import { createImportCalendarsTask } from './importCalendars'
import { createIndexSearchDocumentTask } from './indexSearchDocument'
import { createPruneJobsTask } from './pruneJobs'
import { createPurgeSiteCacheTask } from './purgeSiteCache'
import { MAIL_QUEUE } from '../mail/queueMail'
import { createSendMailTask } from './sendMail'
import { createRefreshReleaseCyclesTask } from './refreshReleaseCycles'
import { createReindexSearchTask } from './reindexSearch'
import { createRerenderMarkupTask } from './rerenderMarkup'
import { SEARCH_QUEUE } from '../search/searchJobs'

const adminsOnly = ({ req }: { req: { user?: unknown } }): boolean => hasRole(req.user as RoleHolder)

/**
 * Payload's jobs queue (Postgres-backed): the purge task, run every second in the serving CMS,
 * and the scheduled tasks, whose crons are all in schedules.ts. Payload starts the autoRun crons
 * only in processes that serve requests (its REST and admin handlers ask for them), not in
 * `scripts/prepare` or the integration tests, which load Payload without crons.
 */
export function createJobsConfig(env: CmsEnv): NonNullable<Config['jobs']> {
  return {
    tasks: attachSchedules([
      createPurgeSiteCacheTask(env),
      createImportCalendarsTask(),
      createImportBlogFeedTask({ feedUrl: env.blogFeedUrl }),
      createRefreshReleaseCyclesTask({ url: env.releaseCycleUrl }),
      createPruneJobsTask(),
      createIndexSearchDocumentTask(),
      createReindexSearchTask(),
      createRerenderMarkupTask(),
      createSendMailTask({ messageIdDomain: new URL(env.siteUrl).hostname, siteUrl: env.siteUrl }),
      createExpireJobsTask(),
      createRemindSponsorAssetsTask(),
    ]),
    autoRun: [
      // Croner's finest grain is one second; "protect" in Payload's cron skips overlapping runs.
      { cron: '* * * * * *', queue: SITE_CACHE_PURGE_QUEUE, limit: 50, silent: { info: true }, disableScheduling: true },
      // Meilisearch updates after each change (the hooks nudge it at once; this catches retries).
      { cron: '*/5 * * * * *', queue: SEARCH_QUEUE, limit: 50, silent: { info: true }, disableScheduling: true },
      // Mail goes out within seconds of the commit that queued it (cms/mail/queueMail).
      { cron: '*/5 * * * * *', queue: MAIL_QUEUE, limit: 20, silent: { info: true }, disableScheduling: true },
      ...queueRunnersAutoRun(),
    ],
    // One worker of a CMS_WORKERS cluster runs the crons, so schedules queue their jobs once.
    shouldAutoRun: () => env.runsJobs,
    // Tasks with a `concurrency` key never run two jobs of that key at once (see runExclusively
    // for two machines).
    enableConcurrencyControl: true,
    // Finished jobs stay so admins can read each run's output and errors; pruneJobs removes old ones.
    deleteJobOnComplete: false,
    jobsCollectionOverrides: adminJobsCollection,
    // Payload's REST endpoints for running, queueing and cancelling jobs: admins only (its
    // default is any signed-in user). The CMS itself queues through the Local API.
    access: { run: adminsOnly, queue: adminsOnly, cancel: adminsOnly },
  }
}
