import type { JobsConfig } from 'payload'

import { QUEUE_RUNNERS, SCHEDULED_QUEUE, TASK_SCHEDULES, type QueueRunner, type TaskSchedule } from './schedules'

/** Payload's own task list type: tasks differ in input and output. */
type Tasks = NonNullable<JobsConfig['tasks']>
type AutoRunEntry = Extract<NonNullable<JobsConfig['autoRun']>, unknown[]>[number]

/**
 * Gives each task its crons from schedules.ts (Payload's `schedule`, queued in the scheduled
 * queue). A schedule naming a task the config does not have stops the CMS at start-up: left
 * alone it would never run, and nobody would notice.
 */
export function attachSchedules(tasks: Tasks, schedules: readonly TaskSchedule[] = TASK_SCHEDULES): Tasks {
  const slugs = new Set(tasks.map((task) => task.slug))
  const unknown = schedules.filter((schedule) => !slugs.has(schedule.task)).map((schedule) => schedule.task)
  if (unknown.length > 0) {
    throw new Error(`cms/jobs/schedules.ts schedules ${unknown.join(', ')}, but the jobs config has no such task (it has ${[...slugs].join(', ')}).`)
  }
  return tasks.map((task) => {
    const own = schedules.filter((schedule) => schedule.task === task.slug)
    return own.length === 0 ? task : { ...task, schedule: own.map((schedule) => ({ cron: schedule.cron, queue: SCHEDULED_QUEUE })) }
  })
}

/**
 * Payload's `autoRun` entries for the queue runners of schedules.ts. Only the scheduled queue's
 * runner also queues the next job of each schedule; the others skip that step (it reads the
 * schedule stats on every tick).
 */
export function queueRunnersAutoRun(runners: readonly QueueRunner[] = QUEUE_RUNNERS): AutoRunEntry[] {
  return runners.map((runner) => ({ cron: runner.cron, queue: runner.queue, limit: 10, disableScheduling: runner.queue !== SCHEDULED_QUEUE }))
}
