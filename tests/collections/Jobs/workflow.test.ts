import { describe, expect, it } from 'vitest'

import { JOB_STATUSES, JOB_TRANSITIONS, mayMoveJob, refusedMoveMessage } from '../../../collections/Jobs/workflow'

/** The job board's table, read as the issue states it: who may move a job from where to where. */
describe('the job workflow table', () => {
  it('lets only moderators approve or reject a job in review', () => {
    expect(mayMoveJob('review', 'approved', 'moderator')).toBe(true)
    expect(mayMoveJob('review', 'approved', 'submitter')).toBe(false)
    expect(mayMoveJob('review', 'approved', 'system')).toBe(false)
    expect(mayMoveJob('review', 'rejected', 'submitter')).toBe(false)
  })

  it('lets submitters send drafts and rejected jobs to review, and remove their jobs', () => {
    expect(mayMoveJob('draft', 'review', 'submitter')).toBe(true)
    expect(mayMoveJob('rejected', 'review', 'submitter')).toBe(true)
    expect(mayMoveJob('approved', 'removed', 'submitter')).toBe(true)
    expect(mayMoveJob('draft', 'approved', 'submitter')).toBe(false)
  })

  it('expires approved jobs by date (the system) or by a moderator, and nothing leaves expired or removed', () => {
    expect(mayMoveJob('approved', 'expired', 'system')).toBe(true)
    expect(mayMoveJob('review', 'expired', 'system')).toBe(false)
    for (const to of JOB_STATUSES) {
      if (to === 'expired' || to === 'removed') continue
      for (const actor of ['submitter', 'moderator', 'system'] as const) {
        expect(mayMoveJob('expired', to, actor)).toBe(false)
        expect(mayMoveJob('removed', to, actor)).toBe(false)
      }
    }
  })

  it('names every state in the table and says where a refused move could go', () => {
    expect(Object.keys(JOB_TRANSITIONS).sort()).toEqual([...JOB_STATUSES].sort())
    expect(refusedMoveMessage('expired', 'approved', 'moderator')).toBe('A job in "expired" cannot be moved to "approved" by a moderator: it cannot be moved.')
  })
})
