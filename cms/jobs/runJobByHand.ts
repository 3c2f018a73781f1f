import type { Payload, TaskType } from 'payload'

import { SCHEDULED_QUEUE, TASK_SCHEDULES } from './schedules'

/** What became of a job run by hand; the job itself stays in the Jobs list for admins. */
export type HandRunResult =
  | { jobId: number | string; state: 'succeeded'; output: unknown }
  /** `retrying`: the queue's runner tries again at `retryAt`; `failed`: no retry is left. */
  | { jobId: number | string; state: 'retrying' | 'failed'; error: string; retryAt: string | null }
  /** Another job of the same task was running: this one runs after it, from the queue. */
  | { jobId: number | string; state: 'waiting' }

/** A task name that is not one of the scheduled tasks. */
export class UnknownTaskError extends Error {
  constructor(task: string, known: readonly string[]) {
    super(`"${task}" is not a task that can be run by hand; choose one of: ${known.join(', ')}.`)
    this.name = 'UnknownTaskError'
  }
}

type JobLogEntry = { state?: string; output?: unknown; error?: unknown }
type JobDoc = { id: number | string; completedAt?: string | null; hasError?: boolean | null; totalTried?: number | null; waitUntil?: string | null; error?: unknown; log?: JobLogEntry[] | null }

/** The scheduled tasks this CMS has: the ones that can be run by hand. */
export function handRunnableTasks(payload: Payload): string[] {
  const registered = new Set((payload.config.jobs.tasks ?? []).map((task) => task.slug))
  return TASK_SCHEDULES.map((schedule) => schedule.task).filter((task) => registered.has(task))
}

/**
 * Queues one job of a scheduled task in the scheduled queue and runs it now, as the queue's
 * runner would: with the task's retries, its concurrency key (a job of the same task already
 * running makes this one wait) and its lock. The job stays in the Jobs list with its output or
 * error; a failed run is retried later by the serving CMS's queue runner.
 */
export async function runJobByHand(payload: Payload, task: string, input: Record<string, unknown> = {}): Promise<HandRunResult> {
  const known = handRunnableTasks(payload)
  if (!known.includes(task)) throw new UnknownTaskError(task, known)
  const queued = await payload.jobs.queue({ task: task as TaskType, input: input as never, queue: SCHEDULED_QUEUE })
  await payload.jobs.run({ queue: SCHEDULED_QUEUE, where: { id: { equals: queued.id } }, limit: 1 })
  const job = (await payload.findByID({ collection: 'payload-jobs', id: queued.id, depth: 0, overrideAccess: true })) as unknown as JobDoc
  const last = job.log?.at(-1)
  if (job.completedAt) return { jobId: job.id, state: 'succeeded', output: last?.output ?? null }
  if (!job.totalTried) return { jobId: job.id, state: 'waiting' }
  return {
    jobId: job.id,
    state: job.hasError ? 'failed' : 'retrying',
    error: messageOf(last?.error ?? job.error),
    retryAt: job.hasError ? null : (job.waitUntil ?? null),
  }
}

function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message)
  return error === undefined || error === null ? 'unknown error' : String(error)
}
