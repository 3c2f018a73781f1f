import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCmsClient } from '../../../web/src/cms/client'
import { createAccountService } from '../../../web/src/services/createAccountService'
import { createJobPostingService } from '../../../web/src/services/createJobPostingService'
import type { JobFormInput, JobPostingService } from '../../../web/src/services/jobPostingService'
import { startRestTestServer } from '../../support/restTestServer'
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer'
import { createTestPayload } from '../../support/testPayload'
import { deliverQueuedMail } from '../../support/deliverQueuedMail'

const PASSWORD = 'a long test password 123'
const VISITOR = '203.0.113.9'

/**
 * The site's job posting service (web/src/services/createJobPostingService.ts) against the CMS's
 * real REST routes, as visitors' accounts: a verified account posts, edits and withdraws its own
 * jobs only; the workflow's refusals come back as 4xx with its message; new postings are limited
 * per account; and an account acts as a jobs moderator on the site only when a staff user with the
 * jobs-moderator role has its verified address (siteModeratorOf), deny by default.
 */
describe('job postings over REST as visitors\' accounts', () => {
  let payload: Payload
  let smtp: TestSmtpServer
  let rest: { baseUrl: string; close(): Promise<void> }
  let jobs: JobPostingService
  let input: JobFormInput
  const sessions: Record<string, { session: string; id: number }> = {}

  async function sentMail(): Promise<{ to: string; subject: string; text: string }[]> {
    await deliverQueuedMail(payload)
    const sent = smtp.messages.map((mail) => ({ to: Array.isArray(mail.to) ? '' : (mail.to?.text ?? ''), subject: mail.subject ?? '', text: mail.text ?? '' }))
    smtp.messages.length = 0
    return sent.sort((a, b) => a.to.localeCompare(b.to))
  }

  beforeAll(async () => {
    smtp = await startTestSmtpServer()
    payload = await createTestPayload('job_postings_rest', { SMTP_URL: smtp.url, SITE_URL: 'https://www.example.org', JOB_SUBMISSIONS_PER_HOUR: '4' })
    rest = await startRestTestServer(payload)
    const client = createCmsClient({ baseUrl: rest.baseUrl, timeoutMs: 10_000 })
    jobs = createJobPostingService(client)
    const accounts = createAccountService(client)
    const category = await payload.create({ collection: 'job-categories', data: { name: 'Software Engineering' } })
    const type = await payload.create({ collection: 'job-types', data: { name: 'Full Time' } })
    await payload.create({ collection: 'users', data: { username: 'jobs-mod', email: 'mod@example.org', roles: ['jobs-moderator'], password: PASSWORD }, overrideAccess: true })
    await payload.create({ collection: 'users', data: { username: 'editor', email: 'editor@example.org', roles: ['editor'], password: PASSWORD }, overrideAccess: true })
    for (const [username, email] of [['poster', 'poster@example.org'], ['other', 'other@example.org'], ['moderator', 'mod@example.org'], ['editor-account', 'editor@example.org']] as const) {
      const account = await payload.create({ collection: 'accounts', data: { username, email, password: PASSWORD, emailVerified: true, active: true, emailPrivacy: 'nobody' }, overrideAccess: true, depth: 0 })
      const signedIn = await accounts.signIn({ login: username, password: PASSWORD }, VISITOR)
      if (!signedIn.ok) throw new Error(signedIn.message)
      sessions[username] = { session: signedIn.value.token, id: account.id }
    }
    input = {
      title: 'Backend developer', companyName: 'Example Ltd', category: String(category.id), types: [String(type.id)], otherJobType: '', city: 'Lisbon', region: '', country: 'Portugal',
      description: 'Write *Python*.', requirements: 'Python.', companyDescription: '', contactName: 'Ada', email: 'jobs@example.org', url: 'https://example.org/jobs/', remote: true, agencies: false,
    }
    await sentMail()
  })
  afterAll(async () => {
    await rest?.close()
    await payload?.destroy()
    await smtp?.close()
  })

  const as = (name: string) => sessions[name] as { session: string; id: number }

  it('lets a verified account post its own draft, submit it, and edit it; an approved edit goes back to review', async () => {
    const created = await jobs.create(as('poster').session, input, VISITOR)
    if (!created.ok) throw new Error(created.message)
    const id = created.value.id
    const stored = await payload.findByID({ collection: 'jobs', id, depth: 0 })
    expect(stored).toMatchObject({ status: 'draft', submittedBy: as('poster').id, featured: false, locationSlug: 'lisbon-portugal' })
    expect(await jobs.own(as('poster').session, as('poster').id, id)).toMatchObject({ id, status: 'draft' })
    expect(await jobs.own(as('other').session, as('other').id, id)).toBeNull()
    expect(await jobs.update(as('other').session, id, { ...input, title: 'Hijacked' })).toMatchObject({ ok: false, status: 403, message: 'Your account may not change this job.' })
    expect((await payload.findByID({ collection: 'jobs', id })).title).toBe('Backend developer')

    expect(await jobs.move(as('poster').session, id, 'review')).toMatchObject({ ok: true })
    expect((await sentMail()).map((mail) => [mail.to, mail.subject])).toEqual([['mod@example.org', 'Job Submitted for Approval: Backend developer, Example Ltd']])

    // The site's moderator: the account with the jobs moderator's verified address.
    const queue = await jobs.reviewQueue(as('moderator').session)
    if (!queue.ok) throw new Error(queue.message)
    expect(queue.value.moderator).toBe('jobs-mod')
    expect(queue.value.entries.map((entry) => entry.job.id)).toEqual([id])
    expect(await jobs.review(as('moderator').session, id, 'comment', 'Please name the salary range.')).toMatchObject({ ok: true })
    const comment = await payload.find({ collection: 'job-review-comments', where: { job: { equals: id } }, depth: 1 })
    expect(comment.docs[0]).toMatchObject({ comment: 'Please name the salary range.', createdBy: { username: 'jobs-mod' } })
    expect((await sentMail()).map((mail) => [mail.to, mail.subject])).toEqual([['poster@example.org', 'Python Job Board: Review comment for: Backend developer, Example Ltd']])

    expect(await jobs.update(as('poster').session, id, { ...input, description: 'Write *Python*, 40k-60k EUR.' })).toMatchObject({ ok: true })
    expect(await jobs.review(as('moderator').session, id, 'approve', '')).toMatchObject({ ok: true })
    expect((await payload.findByID({ collection: 'jobs', id })).status).toBe('approved')
    expect((await sentMail()).map((mail) => mail.subject)).toEqual(['Python Job Board: Job entry approved'])

    expect(await jobs.update(as('poster').session, id, { ...input, title: 'Senior backend developer' })).toMatchObject({ ok: true })
    expect(await payload.findByID({ collection: 'jobs', id })).toMatchObject({ status: 'review', title: 'Senior backend developer' })
    const mine = await jobs.mine(as('poster').session, as('poster').id, 1)
    expect(mine?.jobs.map((job) => [job.id, job.status])).toEqual([[id, 'review']])
    expect((await jobs.mine(as('other').session, as('other').id, 1))?.jobs).toEqual([])

    expect(await jobs.move(as('poster').session, id, 'removed')).toMatchObject({ ok: true })
    expect(await jobs.update(as('poster').session, id, input)).toMatchObject({ ok: false, status: 400, message: 'This job is removed and can no longer be edited; post a new one instead.' })
    expect(await jobs.move(as('poster').session, id, 'review')).toMatchObject({ ok: false, status: 400 })
  })

  it('refuses what only the moderators may do, with the workflow\'s message, and stores nothing', async () => {
    const before = await payload.count({ collection: 'jobs' })
    const response = await fetch(`${rest.baseUrl}/api/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${as('other').session}` },
      body: JSON.stringify({ ...input, category: Number(input.category), types: [], status: 'approved' }),
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('A new job starts as a draft or in review, not \\"approved\\".')
    const anonymous = await fetch(`${rest.baseUrl}/api/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...input, category: Number(input.category) }) })
    expect(anonymous.status).toBe(403)
    expect(await payload.count({ collection: 'jobs' })).toEqual(before)

    const created = await jobs.create(as('other').session, input, VISITOR)
    if (!created.ok) throw new Error(created.message)
    const patched = await fetch(`${rest.baseUrl}/api/jobs/${created.value.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${as('other').session}` },
      body: JSON.stringify({ featured: true, submittedBy: as('poster').id, expires: '2099-01-01T00:00:00.000Z' }),
    })
    expect(patched.status).toBe(200)
    expect(await payload.findByID({ collection: 'jobs', id: created.value.id })).toMatchObject({ featured: false, submittedBy: as('other').id, expires: null })
    expect(await jobs.move(as('other').session, created.value.id, 'review')).toMatchObject({ ok: true })
    // The move to approved is the moderators' alone.
    const approve = await fetch(`${rest.baseUrl}/api/jobs/${created.value.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${as('other').session}` },
      body: JSON.stringify({ status: 'approved' }),
    })
    expect(approve.status).toBe(400)
    // An account whose address is a staff user's without the jobs-moderator role is no moderator.
    expect(await jobs.reviewQueue(as('editor-account').session)).toMatchObject({ ok: false, status: 403 })
    expect(await jobs.review(as('poster').session, created.value.id, 'approve', '')).toMatchObject({ ok: false, status: 403 })
    expect((await payload.findByID({ collection: 'jobs', id: created.value.id })).status).toBe('review')
    // A move the table does not list is the workflow's 400, not a 500.
    expect(await jobs.review(as('moderator').session, created.value.id, 'reject', 'Not a Python role.')).toMatchObject({ ok: true })
    expect(await jobs.review(as('moderator').session, created.value.id, 'reject', '')).toMatchObject({ ok: true })
    await jobs.move(as('other').session, created.value.id, 'removed')
    expect(await jobs.review(as('moderator').session, created.value.id, 'approve', '')).toMatchObject({ ok: false, status: 400, message: 'A job in "removed" cannot be moved to "approved" by a moderator: it cannot be moved.' })
    await sentMail()
  })

  it('limits new postings per account and per client address (429 with the wait), storing nothing past the limit', async () => {
    // Four an hour: three came from this client already (poster's, other's and other's refused
    // one: an attempt counts before it is checked), so one more passes.
    for (let n = 0; n < 1; n += 1) expect(await jobs.create(as('poster').session, input, '198.51.100.1')).toMatchObject({ ok: true })
    const before = await payload.count({ collection: 'jobs' })
    const refused = await jobs.create(as('poster').session, input, '198.51.100.2')
    expect(refused).toMatchObject({ ok: false, status: 429 })
    if (!refused.ok) expect(refused.message).toMatch(/^Too many requests: posting jobs allows 4 requests an hour/)
    expect(await payload.count({ collection: 'jobs' })).toEqual(before)
  })
})
