import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAIL_QUEUE, queueMail, type SendMailInput } from '../../../cms/mail/queueMail'
import { runQueueLater } from '../../support/jobsTesting'
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer'
import { createTestPayload } from '../../support/testPayload'

const message = (title: string): SendMailInput => ({
  template: 'storySubmitted',
  to: 'moderators@example.org',
  values: { title, author: 'Ada', reviewUrl: 'https://cms.example.org/admin/collections/success-stories/1' },
})

describe('the sendMail job, against a real SMTP server', () => {
  let payload: Payload
  let smtp: TestSmtpServer

  beforeAll(async () => {
    smtp = await startTestSmtpServer()
    payload = await createTestPayload('mail_send', { SMTP_URL: smtp.url, EMAIL_FROM: 'Python.org <noreply@python.org>', SITE_URL: 'https://www.python.org' })
  })
  afterAll(async () => smtp.close())

  const queueIn = async (input: SendMailInput, outcome: 'commit' | 'rollback') => {
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    await queueMail(req, input)
    // Nothing is sent before the commit: the runner cannot see the job yet.
    await payload.jobs.run({ queue: MAIL_QUEUE, limit: 10 })
    expect(smtp.messages).toHaveLength(0)
    if (outcome === 'commit') await commitTransaction(req)
    else await killTransaction(req)
  }

  it('sends nothing for a change that rolled back', async () => {
    await queueIn(message('Rolled back'), 'rollback')
    await payload.jobs.run({ queue: MAIL_QUEUE, limit: 10 })
    expect(smtp.messages).toHaveLength(0)
  })

  it('sends a committed message once, with a Message-ID of its job, and never again', async () => {
    await queueIn(message('Committed'), 'commit')
    await payload.jobs.run({ queue: MAIL_QUEUE, limit: 10 })
    await payload.jobs.run({ queue: MAIL_QUEUE, limit: 10 })
    expect(smtp.messages.map((mail) => mail.subject)).toEqual(['New success story to review: Committed'])
    expect(smtp.messages[0].messageId).toMatch(/^<mail-\d+@www\.python\.org>$/)
    smtp.messages.length = 0
  })

  it('keeps a message the server refuses and sends it once on a later retry', async () => {
    smtp.refuse = true
    await queueIn(message('Retried'), 'commit')
    await payload.jobs.run({ queue: MAIL_QUEUE, limit: 10 })
    expect(smtp.messages).toHaveLength(0)
    const { docs } = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendMail' }, completedAt: { exists: false } }, overrideAccess: true })
    expect(docs).toHaveLength(1)
    expect(docs[0].hasError).toBe(false)
    smtp.refuse = false
    await runQueueLater(payload, MAIL_QUEUE, 60_000)
    await runQueueLater(payload, MAIL_QUEUE, 120_000)
    expect(smtp.messages.map((mail) => mail.subject)).toEqual(['New success story to review: Retried'])
  })
})
