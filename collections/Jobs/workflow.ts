/**
 * The job board's life cycle (python.org's `apps/jobs`), in one table that the access rules, the
 * hooks, the admin, the site and the access matrix all read. Who may move a job:
 * - `submitter`: the account that posted it (from the site's forms);
 * - `moderator`: staff with the jobs-moderator role, or admins;
 * - `system`: the daily expiry job.
 * python.org let admins jump from any state to any other; here every move is listed, so a job
 * cannot reach "approved" without a moderator, whatever path the request takes.
 */
export const JOB_STATUSES = ['draft', 'review', 'approved', 'rejected', 'expired', 'removed'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

export type JobActor = 'submitter' | 'moderator' | 'system'

/** from -> to -> who may make that move. A move not listed is refused for everyone. */
export const JOB_TRANSITIONS: Readonly<Record<JobStatus, Partial<Record<JobStatus, readonly JobActor[]>>>> = {
  draft: { review: ['submitter', 'moderator'], removed: ['submitter', 'moderator'] },
  review: { approved: ['moderator'], rejected: ['moderator'], draft: ['submitter'], removed: ['submitter', 'moderator'] },
  // A rejected job is edited and sent back for review by its submitter.
  rejected: { review: ['submitter', 'moderator'], draft: ['submitter'], removed: ['submitter', 'moderator'] },
  // Editing an approved job sends it back to review (the submitter's edit; see enforceJobWorkflow).
  approved: { expired: ['system', 'moderator'], removed: ['submitter', 'moderator'], review: ['submitter'], rejected: ['moderator'] },
  expired: {},
  removed: {},
}

/** The states in which the submitter may still change the posting's text. */
export const SUBMITTER_EDITABLE: readonly JobStatus[] = ['draft', 'review', 'rejected', 'approved']

/** How long an approved job stays listed (python.org's JOB_THRESHOLD_DAYS; its email said 30, its code 90). */
export const JOB_LISTING_DAYS = 90

export function isJobStatus(value: unknown): value is JobStatus {
  return typeof value === 'string' && (JOB_STATUSES as readonly string[]).includes(value)
}

export function mayMoveJob(from: JobStatus, to: JobStatus, actor: JobActor): boolean {
  if (from === to) return true
  return JOB_TRANSITIONS[from][to]?.includes(actor) ?? false
}

/** A sentence for the 400 that refuses a move. */
export function refusedMoveMessage(from: JobStatus, to: JobStatus, actor: JobActor): string {
  const allowed = Object.entries(JOB_TRANSITIONS[from])
    .filter(([, actors]) => actors?.includes(actor))
    .map(([state]) => state)
  const options = allowed.length === 0 ? 'it cannot be moved' : `it can go to ${allowed.join(', ')}`
  return `A job in "${from}" cannot be moved to "${to}" by a ${actor}: ${options}.`
}
