import { adminToken, call } from '../../tests/support/legacyApiClient'
import type { BenchSite } from './benchSite'

/** Longest wait for the queue to empty; a queue still busy then is reported, not waited for. */
const MAX_WAIT_MS = 180_000
const POLL_MS = 1_000

export type IdleJobsReport = {
  /** Jobs due when the wait began, by task. */
  dueAtStart: Record<string, number>
  waitedMs: number
  /** Jobs still due when the wait ended (0 unless MAX_WAIT_MS ran out). */
  dueAtEnd: number
}

/**
 * Waits until the CMS's job queue has nothing due, so that a run never measures the stack's own
 * background work (indexing, purges, mail) as the crowd's cost. A guard: in the runs of
 * 2026-12-04 nothing was due once the seeded stack answered (the high p99 of their "before"
 * phase came from the warm-up reaching one renderer worker only; see releaseDay.ts). Due: not
 * completed, not failed for good, and not waiting for a later time (the schedules' pending rows).
 */
export async function waitForIdleJobs(site: BenchSite): Promise<IdleJobsReport> {
  const token = await adminToken(site.cmsUrl, site.adminEmail, site.adminPassword)
  const started = performance.now()
  let dueAtStart: Record<string, number> | undefined
  for (;;) {
    const due = await dueJobs(site.cmsUrl, token)
    dueAtStart ??= countByTask(due.tasks)
    const waitedMs = performance.now() - started
    if (due.total === 0 || waitedMs > MAX_WAIT_MS) return { dueAtStart, waitedMs, dueAtEnd: due.total }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

async function dueJobs(cmsUrl: string, token: string): Promise<{ total: number; tasks: string[] }> {
  const query = new URLSearchParams({
    'where[and][0][completedAt][exists]': 'false',
    'where[and][1][hasError][not_equals]': 'true',
    'where[and][2][or][0][waitUntil][exists]': 'false',
    'where[and][2][or][1][waitUntil][less_than_equal]': new Date().toISOString(),
    limit: '100',
    depth: '0',
    'select[taskSlug]': 'true',
  })
  const answer = await call(cmsUrl, `/api/payload-jobs?${query.toString()}`, { headers: { authorization: `JWT ${token}` } })
  if (answer.status !== 200) throw new Error(`reading the job queue failed: ${answer.status} ${answer.text.slice(0, 200)}`)
  const body = answer.body as { totalDocs?: number; docs?: { taskSlug?: string | null }[] }
  return { total: body.totalDocs ?? 0, tasks: (body.docs ?? []).map((doc) => doc.taskSlug ?? 'workflow') }
}

function countByTask(tasks: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const task of tasks) counts[task] = (counts[task] ?? 0) + 1
  return counts
}

export function describeIdleJobs(report: IdleJobsReport): string {
  const tasks = Object.entries(report.dueAtStart)
    .map(([task, count]) => `${task} ${count}`)
    .join(', ')
  const start = tasks === '' ? 'no job due at start' : `jobs due at start (first 100, by task): ${tasks}`
  const end = report.dueAtEnd === 0 ? `queue empty after ${(report.waitedMs / 1000).toFixed(1)} s` : `still ${report.dueAtEnd} due after ${(report.waitedMs / 1000).toFixed(0)} s: measuring anyway`
  return `${start}; ${end}`
}
