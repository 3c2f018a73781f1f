import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAIL_QUEUE } from '../../../cms/mail/queueMail'
import { submitStoryEndpoint } from '../../../collections/SuccessStories/endpoints/submitStory'
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer'
import { createTestPayload } from '../../support/testPayload'

const submission = (name: string) => ({
  name,
  companyName: 'Example Ltd',
  companyUrl: 'https://example.org/',
  author: 'Ada <script>',
  pullQuote: 'Python helped.',
  content: 'A story.',
  categorySlug: 'arts',
})

describe('a submitted success story notifies the moderators by mail', () => {
  let payload: Payload
  let smtp: TestSmtpServer

  beforeAll(async () => {
    smtp = await startTestSmtpServer()
    payload = await createTestPayload('mail_story_submitted', { SMTP_URL: smtp.url, CMS_PUBLIC_URL: 'https://cms.example.org' })
    await payload.create({ collection: 'story-categories', data: { name: 'Arts', slug: 'arts' } })
    const staff = [
      ['moderator', 'mod@example.org', ['moderator']],
      ['admin', 'admin@example.org', ['admin']],
      ['editor', 'editor@example.org', ['editor']],
    ] as const
    for (const [username, email, roles] of staff) {
      await payload.create({ collection: 'users', data: { username, email, roles: [...roles], password: 'a long test password 123' }, overrideAccess: true })
    }
  })
  afterAll(async () => smtp.close())

  const submit = async (body: unknown): Promise<Response> => {
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    req.json = () => Promise.resolve(body)
    return submitStoryEndpoint.handler(req)
  }

  it('mails each moderator and admin (not editors) a link to the draft, after the story is committed', async () => {
    const response = await submit(submission('Notified story'))
    expect(response.status).toBe(201)
    const { id } = (await response.json()) as { id: number }
    expect(smtp.messages).toHaveLength(0)
    await payload.jobs.run({ queue: MAIL_QUEUE, limit: 10 })
    expect(smtp.messages.map((mail) => (Array.isArray(mail.to) ? '' : mail.to?.text)).sort()).toEqual(['admin@example.org', 'mod@example.org'])
    for (const mail of smtp.messages) {
      expect(mail.subject).toBe('New success story to review: Notified story')
      expect(mail.text).toContain(`https://cms.example.org/admin/collections/success-stories/${id}`)
      expect(mail.html).toContain('Ada &lt;script&gt;')
    }
  })

  it('mails nobody for a submission refused (the title of a published story)', async () => {
    const published = await payload.find({ collection: 'success-stories', where: { name: { equals: 'Notified story' } }, overrideAccess: true })
    await payload.update({ collection: 'success-stories', id: published.docs[0].id, data: { _status: 'published' }, overrideAccess: true })
    smtp.messages.length = 0
    const response = await submit(submission('Notified story'))
    expect(response.status).toBe(409)
    await payload.jobs.run({ queue: MAIL_QUEUE, limit: 10 })
    expect(smtp.messages).toHaveLength(0)
  })
})
