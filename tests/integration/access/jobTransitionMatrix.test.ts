import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../../collections/generated/payload-types'
import { JOB_STATUSES, JOB_TRANSITIONS, SUBMITTER_EDITABLE, type JobActor, type JobStatus } from '../../../collections/Jobs/workflow'
import { accessJob } from '../../support/accessFixtures'
import { createTestPayload } from '../../support/testPayload'

/** Every role that can reach a job: anonymous, each staff role, the posting's own account, another account, and server code. */
const ROLES = ['anonymous', 'editor', 'release-manager', 'moderator', 'jobs-moderator', 'admin', 'owner-account', 'other-account', 'system'] as const
type RoleName = (typeof ROLES)[number]

/** `edit` is a text change that keeps the status; every other column is a move to that status. */
type Move = JobStatus | 'edit'

/**
 * What workflow.ts promises, from its table alone: the role's workflow actor (if it may write a
 * job at all) must be listed for the move; a submitter edits only SUBMITTER_EDITABLE states.
 */
function expected(role: RoleName, from: JobStatus, move: Move): 'allowed' | 'refused' {
  const actor: JobActor | null = role === 'jobs-moderator' || role === 'admin' ? 'moderator' : role === 'owner-account' ? 'submitter' : role === 'system' ? 'system' : null
  if (actor === null) return 'refused'
  if (actor === 'submitter' && !SUBMITTER_EDITABLE.includes(from)) return 'refused'
  if (move === 'edit') return 'allowed'
  return JOB_TRANSITIONS[from][move]?.includes(actor) === true ? 'allowed' : 'refused'
}

/**
 * The job workflow's access matrix (issue 12): every role x every move between the six states
 * (and a text edit in each state), through the Local API as that role (overrideAccess: false;
 * server code as the expiry job runs, without a user). A move is `allowed` when it is stored, and
 * `refused` when Payload answered 400 (the workflow), 403 or 404 (access) and nothing changed.
 * Prints the table and its mismatch count; 0 mismatches is the requirement.
 */
describe('the job workflow, every role x every transition', () => {
  let payload: Payload
  let users: Partial<Record<RoleName, User | null>>
  let prerequisites: { jobCategoryId: number; jobTypeId: number }
  let ownerId: number

  beforeAll(async () => {
    payload = await createTestPayload('job_transition_matrix')
    users = { anonymous: null }
    // Admin first: the first staff user is made an admin whatever its roles (makeFirstUserAdmin).
    for (const role of ['admin', 'editor', 'release-manager', 'moderator', 'jobs-moderator'] as const) {
      const user = await payload.create({ collection: 'users', data: { username: `matrix-${role}`, email: `matrix-${role}@example.org`, roles: [role], password: 'a long test password 123' }, overrideAccess: true })
      users[role] = { ...user, collection: 'users' } as User
    }
    for (const role of ['owner-account', 'other-account'] as const) {
      const account = await payload.create({ collection: 'accounts', data: { username: role, email: `${role}@example.org`, password: 'a long test password 123', emailVerified: true, active: true, emailPrivacy: 'nobody' }, overrideAccess: true, depth: 0 })
      users[role] = { ...account, collection: 'accounts' } as unknown as User
      if (role === 'owner-account') ownerId = account.id
    }
    prerequisites = {
      jobCategoryId: (await payload.create({ collection: 'job-categories', data: { name: 'Matrix category' } })).id,
      jobTypeId: (await payload.create({ collection: 'job-types', data: { name: 'Matrix type' } })).id,
    }
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('matches workflow.ts in every cell', async () => {
    const rows: string[] = []
    const mismatches: string[] = []
    let cells = 0
    let n = 0
    for (const role of ROLES) {
      for (const from of JOB_STATUSES) {
        const line: string[] = []
        for (const move of [...JOB_STATUSES.filter((status) => status !== from), 'edit'] as Move[]) {
          n += 1
          // The job as it stands in `from`, posted by the owner account (server code sets any state).
          const job = await payload.create({ collection: 'jobs', data: { ...accessJob(n, prerequisites), status: from, submittedBy: ownerId } as never, overrideAccess: true, depth: 0 })
          const data = move === 'edit' ? { title: `Edited ${n}` } : { status: move }
          let outcome: 'allowed' | 'refused' | string
          try {
            const saved = await payload.update({ collection: 'jobs', id: job.id, data, depth: 0, ...(role === 'system' ? { overrideAccess: true } : { overrideAccess: false, user: users[role] ?? null }) })
            outcome = move === 'edit' ? (saved.title === `Edited ${n}` ? 'allowed' : 'unexpected: not stored') : saved.status === move ? 'allowed' : `unexpected: stored as ${saved.status}`
          } catch (error) {
            const status = (error as { status?: number }).status
            const stored = await payload.findByID({ collection: 'jobs', id: job.id, depth: 0 })
            const unchanged = stored.status === from && stored.title === job.title
            outcome = [400, 403, 404].includes(status ?? 0) && unchanged ? 'refused' : `unexpected: ${String(status)} ${(error as Error).message}`
          }
          const want = expected(role, from, move)
          cells += 1
          line.push(`${move}:${outcome === 'allowed' ? 'Y' : outcome === 'refused' ? '-' : '!'}`)
          if (outcome !== want) mismatches.push(`${role} ${from} -> ${move}: expected ${want}, got ${outcome}`)
        }
        rows.push(`${role.padEnd(16)} ${from.padEnd(9)} ${line.join(' ')}`)
      }
    }
    console.log(`${rows.join('\n')}\njob transitions: ${ROLES.length} roles x ${JOB_STATUSES.length * JOB_STATUSES.length} moves (each state to the five others, and a text edit) = ${cells} cells, ${mismatches.length} mismatches`)
    expect(mismatches).toEqual([])
  }, 300_000)
})
