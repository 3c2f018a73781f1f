import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Job, User } from '../../../collections/generated/payload-types'
import { runJobByHand } from '../../../cms/jobs/runJobByHand'
import { accessJob } from '../../support/accessFixtures'
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer'
import { createTestPayload } from '../../support/testPayload'
import { deliverQueuedMail } from '../../support/deliverQueuedMail'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The job board's state machine on the server (collections/Jobs/workflow.ts), as the jobs
 * moderators and the daily expiry use it, with the messages each move sends, read from a real
 * SMTP server; and what the public may read.
 */
describe('the job board workflow', () => {
  let payload: Payload
  let smtp: TestSmtpServer
  let moderator: User
  let editor: User
  let prerequisites: { jobCategoryId: number; jobTypeId: number }

  beforeAll(async () => {
    smtp = await startTestSmtpServer()
    payload = await createTestPayload('job_workflow', { SMTP_URL: smtp.url, SITE_URL: 'https://www.example.org' })
    const staff = async (username: string, roles: User['roles']) =>
      payload.create({ collection: 'users', data: { username, email: `${username}@example.org`, roles, password: 'a long test password 123' }, overrideAccess: true })
    await staff('admin', ['admin'])
    moderator = await staff('jobs-mod', ['jobs-moderator'])
    editor = await staff('editor', ['editor'])
    prerequisites = {
      jobCategoryId: (await payload.create({ collection: 'job-categories', data: { name: 'Software Engineering' } })).id,
      jobTypeId: (await payload.create({ collection: 'job-types', data: { name: 'Full Time' } })).id,
    }
  })
  afterAll(async () => {
    await payload?.destroy()
    await smtp?.close()
  })

  async function sentMail(): Promise<{ to: string; subject: string; text: string }[]> {
    // Messages to one address go one at a time (cms/jobs/sendMail.ts): a few runs deliver them all.
    await deliverQueuedMail(payload)
    const sent = smtp.messages.map((mail) => ({ to: Array.isArray(mail.to) ? '' : (mail.to?.text ?? ''), subject: mail.subject ?? '', text: mail.text ?? '' }))
    smtp.messages.length = 0
    return sent.sort((a, b) => a.to.localeCompare(b.to))
  }

  const createDraft = async (n: number): Promise<Job> =>
    payload.create({ collection: 'jobs', data: { ...accessJob(n, prerequisites), status: 'draft' } as never, overrideAccess: false, user: moderator })

  it('goes draft -> review -> approved, telling the moderators, then the poster with the listing date', async () => {
    const job = await createDraft(1)
    expect(job.locationSlug).toBe('lisbon-portugal')
    await payload.update({ collection: 'jobs', id: job.id, data: { status: 'review' }, overrideAccess: false, user: moderator })
    const toModerators = await sentMail()
    expect(toModerators.map((mail) => mail.to)).toEqual(['admin@example.org', 'jobs-mod@example.org'])
    expect(toModerators[0]?.subject).toBe('Job Submitted for Approval: Access job 1, Example Ltd')
    expect(toModerators[0]?.text).toContain('Category: Software Engineering')

    const approved = await payload.update({ collection: 'jobs', id: job.id, data: { status: 'approved' }, overrideAccess: false, user: moderator })
    const listedFor = new Date(approved.expires ?? 0).getTime() - Date.now()
    expect(listedFor).toBeGreaterThan(89 * DAY_MS)
    expect(listedFor).toBeLessThan(91 * DAY_MS)
    expect(approved.approvedAt).toBeTruthy()
    const toPoster = await sentMail()
    expect(toPoster.map((mail) => [mail.to, mail.subject])).toEqual([['jobs-1@example.org', 'Python Job Board: Job entry approved']])
    expect(toPoster[0]?.text).toContain(`https://www.example.org/jobs/${job.id}/`)
  })

  it('refuses a move the table does not list, with a 400 naming the allowed moves, and changes nothing', async () => {
    const job = await createDraft(2)
    await expect(payload.update({ collection: 'jobs', id: job.id, data: { status: 'approved' }, overrideAccess: false, user: moderator })).rejects.toMatchObject({
      status: 400,
      message: 'A job in "draft" cannot be moved to "approved" by a moderator: it can go to review, removed.',
    })
    expect((await payload.findByID({ collection: 'jobs', id: job.id })).status).toBe('draft')
    await payload.update({ collection: 'jobs', id: job.id, data: { status: 'removed' }, overrideAccess: false, user: moderator })
    await expect(payload.update({ collection: 'jobs', id: job.id, data: { status: 'review' }, overrideAccess: false, user: moderator })).rejects.toMatchObject({ status: 400 })
    // An emptied status is not "keep it" (the bad-input fuzz found a bulk PATCH of {"status": null} accepted).
    await expect(payload.update({ collection: 'jobs', where: { id: { equals: job.id } }, data: { status: null } as never, overrideAccess: false, user: moderator })).resolves.toMatchObject({ docs: [], errors: [{ message: 'A job needs a status: leave it out to keep the current one.' }] })
    expect((await payload.findByID({ collection: 'jobs', id: job.id })).status).toBe('removed')
    expect(await sentMail()).toEqual([])
  })

  it('lets only the jobs moderators (and admins) write jobs', async () => {
    await expect(payload.create({ collection: 'jobs', data: { ...accessJob(3, prerequisites), status: 'draft' } as never, overrideAccess: false, user: editor })).rejects.toMatchObject({ status: 403 })
  })

  it('rejects with the latest review comment, and mails each comment to the poster', async () => {
    const job = await createDraft(4)
    await payload.update({ collection: 'jobs', id: job.id, data: { status: 'review' }, overrideAccess: false, user: moderator })
    await sentMail()
    await payload.create({ collection: 'job-review-comments', data: { job: job.id, comment: 'Please name the salary range.' }, overrideAccess: false, user: moderator })
    const comment = await sentMail()
    expect(comment.map((mail) => [mail.to, mail.subject])).toEqual([['jobs-4@example.org', 'Python Job Board: Review comment for: Access job 4, Example Ltd']])
    expect(comment[0]?.text).toContain('jobs-mod commented')
    await payload.update({ collection: 'jobs', id: job.id, data: { status: 'rejected' }, overrideAccess: false, user: moderator })
    const rejection = await sentMail()
    expect(rejection.map((mail) => mail.subject)).toEqual(['Python Job Board: Job entry could not be accepted'])
    expect(rejection[0]?.text).toContain('Please name the salary range.')
  })

  it('shows visitors approved jobs until their date only, and expires them daily with a message', async () => {
    const listed = await createDraft(5)
    await payload.update({ collection: 'jobs', id: listed.id, data: { status: 'review' }, overrideAccess: false, user: moderator })
    await payload.update({ collection: 'jobs', id: listed.id, data: { status: 'approved' }, overrideAccess: false, user: moderator })
    const ranOut = await createDraft(6)
    await payload.update({ collection: 'jobs', id: ranOut.id, data: { status: 'review' }, overrideAccess: false, user: moderator })
    await payload.update({ collection: 'jobs', id: ranOut.id, data: { status: 'approved', expires: new Date(Date.now() - DAY_MS).toISOString() }, overrideAccess: false, user: moderator })
    await sentMail()

    const visible = await payload.find({ collection: 'jobs', overrideAccess: false, depth: 0 })
    const titles = visible.docs.map((job) => job.title)
    expect(titles).toContain('Access job 5')
    expect(titles).not.toContain('Access job 6')
    expect(titles).not.toContain('Access job 2')

    await runJobByHand(payload, 'expireJobs')
    expect((await payload.findByID({ collection: 'jobs', id: ranOut.id })).status).toBe('expired')
    expect((await payload.findByID({ collection: 'jobs', id: listed.id })).status).toBe('approved')
    expect((await sentMail()).map((mail) => [mail.to, mail.subject])).toEqual([['jobs-6@example.org', 'Python Job Board: Job listing expired']])
  })

  it("mails the submitting account, shows it its own draft, and deletes its postings with it", async () => {
    const poster = await payload.create({
      collection: 'accounts',
      data: { username: 'poster', email: 'poster@example.org', password: 'a long test password 123', emailVerified: true, active: true, emailPrivacy: 'nobody' },
      overrideAccess: true,
      depth: 0,
    })
    const asAccount = { ...poster, collection: 'accounts' } as unknown as User
    const draft = await payload.create({ collection: 'jobs', data: { ...accessJob(7, prerequisites), status: 'draft', submittedBy: poster.id } as never, overrideAccess: true })
    const own = await payload.find({ collection: 'jobs', overrideAccess: false, user: asAccount, depth: 0 })
    expect(own.docs.map((job) => job.title)).toContain('Access job 7')
    expect(own.docs.map((job) => job.title)).not.toContain('Access job 2')

    await payload.update({ collection: 'jobs', id: draft.id, data: { status: 'review' }, overrideAccess: false, user: moderator })
    await payload.update({ collection: 'jobs', id: draft.id, data: { status: 'approved' }, overrideAccess: false, user: moderator })
    const approval = (await sentMail()).filter((mail) => mail.subject === 'Python Job Board: Job entry approved')
    expect(approval.map((mail) => mail.to)).toEqual(['poster@example.org'])

    await payload.delete({ collection: 'accounts', id: poster.id, overrideAccess: true })
    expect(await payload.findByID({ collection: 'jobs', id: draft.id, disableErrors: true })).toBeNull()
  })
})
