import type { CollectionConfig } from 'payload'

import { hasRole, type RoleHolder } from '../../collections/access/roles'
import { QUEUE_RUNNERS, TASK_SCHEDULES } from './schedules'

const adminOnly = ({ req }: { req: { user?: unknown } }): boolean => hasRole(req.user as RoleHolder)
const nobody = (): boolean => false

/**
 * Payload's `payload-jobs` collection (`jobsCollectionOverrides`), shown to admins read-only:
 * every queued, running, retried, failed and finished job with its input, output and error log,
 * and, as the pending row of each scheduled task, its next run (`waitUntil`). Only admins see or
 * read it; nobody writes through the API (Payload's queue writes through the database adapter).
 */
export function adminJobsCollection({ defaultJobsCollection }: { defaultJobsCollection: CollectionConfig }): CollectionConfig {
  return {
    ...defaultJobsCollection,
    labels: { singular: 'Job', plural: 'Jobs' },
    admin: {
      ...defaultJobsCollection.admin,
      group: 'System',
      hidden: ({ user }) => !hasRole(user as RoleHolder),
      defaultColumns: ['taskSlug', 'queue', 'waitUntil', 'processing', 'completedAt', 'hasError', 'totalTried'],
      description: describeSchedules(),
    },
    access: { create: nobody, read: adminOnly, update: nobody, delete: nobody },
  }
}

/** The schedules table in words, for the top of the Jobs list. */
export function describeSchedules(): string {
  const tasks = TASK_SCHEDULES.map((schedule) => `${schedule.task} ${schedule.when} (${schedule.cron})`).join('; ')
  const runners = QUEUE_RUNNERS.map((runner) => `"${runner.queue}" ${runner.when}`).join(', ')
  return (
    `Scheduled tasks, in server time: ${tasks}. Queues run: ${runners}. ` +
    'The pending row of each scheduled task shows its next run (Wait Until). Run a task by hand with npm run jobs:run -- <task>.'
  )
}
