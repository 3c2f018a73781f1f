import type { TaskConfig } from 'payload'

/**
 * How the feed imports retry a failure (a feed down, malformed, or another process importing):
 * after 1, 2 and 4 minutes, then the job is marked failed and the next scheduled run tries again.
 * A failed attempt changes nothing, so retrying is always safe.
 */
export const FEED_TASK_RETRIES: NonNullable<TaskConfig['retries']> = { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } }
