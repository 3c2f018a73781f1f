import type { Config } from 'payload'

import { SITE_CACHE_PURGE_QUEUE } from '../../collections/hooks/queueSiteCachePurge'
import type { CmsEnv } from '../config/cmsEnv'
import { createPurgeSiteCacheTask } from './purgeSiteCache'

/**
 * Payload's jobs queue (Postgres-backed): the purge task, and a runner that executes queued
 * jobs every second in the serving CMS. Payload starts the autoRun crons only in processes
 * that serve requests (its REST and admin handlers ask for them), not in `scripts/prepare`
 * or the integration tests, which load Payload without crons.
 */
export function createJobsConfig(env: CmsEnv): NonNullable<Config['jobs']> {
  return {
    tasks: [createPurgeSiteCacheTask(env)],
    // Croner's finest grain is one second; "protect" in Payload's cron skips overlapping runs.
    autoRun: [{ cron: '* * * * * *', queue: SITE_CACHE_PURGE_QUEUE, limit: 50, silent: { info: true } }],
    deleteJobOnComplete: true,
  }
}
