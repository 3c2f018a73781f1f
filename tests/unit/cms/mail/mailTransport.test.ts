import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { simpleParser } from 'mailparser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseMailEnv } from '../../../../cms/config/mailEnv'
import { createMailTransport } from '../../../../cms/mail/createMailTransport'
import { mailAdapter } from '../../../../cms/mail/mailAdapter'
import { renderMail } from '../../../../cms/mail/renderMail'
import { startTestSmtpServer, type TestSmtpServer } from '../../../support/testSmtpServer'

const storyValues = { title: 'Python <b>& "friends"</b>\r\nBcc: x@example.org', author: 'Ada', reviewUrl: 'https://cms.example.org/admin/collections/success-stories/1' }

describe('mail settings (SMTP_URL, EMAIL_FROM)', () => {
  it('reads EMAIL_FROM as "Name <address>" or an address, and keeps files under <DATA_DIR>/mail without SMTP_URL', () => {
    expect(parseMailEnv({ EMAIL_FROM: 'PSF <psf@python.org>' }, '/data')).toEqual({ smtpUrl: null, fromName: 'PSF', fromAddress: 'psf@python.org', mailDir: '/data/mail', psfAnnounceRequestAddress: 'psf-members-announce-request@python.org' })
    expect(parseMailEnv({ EMAIL_FROM: 'noreply@python.org', SMTP_URL: 'smtps://u:p@smtp.example.org:465' }, '/d')).toMatchObject({ smtpUrl: 'smtps://u:p@smtp.example.org:465', fromName: 'Python.org', fromAddress: 'noreply@python.org' })
  })

  it('refuses a bad SMTP_URL without echoing it (it holds a password) and a bad EMAIL_FROM', () => {
    expect(() => parseMailEnv({ SMTP_URL: 'http://user:secret@host' }, '/d')).toThrow(/smtp:\/\/ or smtps:\/\//)
    expect(() => parseMailEnv({ SMTP_URL: 'http://user:secret@host' }, '/d')).not.toThrow(/secret/)
    expect(() => parseMailEnv({ EMAIL_FROM: 'not an address' }, '/d')).toThrow(/EMAIL_FROM/)
  })

  it('reads PSF_ANNOUNCE_REQUEST_ADDRESS: python.org\'s list when unset, none when empty, else an address', () => {
    expect(parseMailEnv({ PSF_ANNOUNCE_REQUEST_ADDRESS: ' members-request@lists.example.org ' }, '/d').psfAnnounceRequestAddress).toBe('members-request@lists.example.org')
    expect(parseMailEnv({ PSF_ANNOUNCE_REQUEST_ADDRESS: '' }, '/d').psfAnnounceRequestAddress).toBeNull()
    expect(() => parseMailEnv({ PSF_ANNOUNCE_REQUEST_ADDRESS: 'List <x@example.org>' }, '/d')).toThrow(/PSF_ANNOUNCE_REQUEST_ADDRESS/)
  })
})

describe('renderMail', () => {
  it('escapes values in HTML, keeps them in text, and strips line breaks from the subject (no header injection)', async () => {
    const mail = await renderMail('storySubmitted', storyValues)
    expect(mail.subject).toBe('New success story to review: Python <b>& "friends"</b> Bcc: x@example.org')
    expect(mail.text).toContain(storyValues.reviewUrl)
    expect(mail.html).toContain('Python &lt;b&gt;&amp; &quot;friends&quot;&lt;/b&gt;')
    expect(mail.html).not.toContain('<b>&')
  })

  it('throws on a missing value rather than sending a message with a hole in it', async () => {
    await expect(renderMail('storySubmitted', { title: 't', author: 'a' })).rejects.toThrow(/reviewUrl/)
  })
})

describe("Payload's nodemailer adapter on our transport", () => {
  let smtp: TestSmtpServer
  beforeAll(async () => {
    smtp = await startTestSmtpServer()
  })
  afterAll(async () => smtp.close())

  const send = async (dataDir: string, env: Record<string, string>) => {
    const adapter = await mailAdapter(parseMailEnv({ EMAIL_FROM: 'Python.org <noreply@python.org>', ...env }, dataDir))
    const mail = await renderMail('storySubmitted', storyValues)
    return adapter({ payload: {} as Payload }).sendEmail({ to: 'moderators@example.org', ...mail, messageId: '<mail-7@www.python.org>' })
  }

  it('sends over SMTP_URL: a real SMTP server receives the text and HTML parts', async () => {
    await send(await mkdtemp(path.join(tmpdir(), 'mail-')), { SMTP_URL: smtp.url })
    expect(smtp.messages).toHaveLength(1)
    const [message] = smtp.messages
    expect(message.messageId).toBe('<mail-7@www.python.org>')
    expect(message.from?.text).toBe('"Python.org" <noreply@python.org>')
    expect(message.subject).toContain('New success story to review')
    expect(message.headers.has('bcc')).toBe(false)
    expect(message.text).toContain(storyValues.reviewUrl)
    expect(message.html).toContain('&lt;b&gt;')
  })

  it('without SMTP_URL keeps the message as an .eml file under <DATA_DIR>/mail and logs its path', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'mail-'))
    const logged: string[] = []
    const transport = createMailTransport(parseMailEnv({}, dataDir), (line) => logged.push(line))
    await transport.sendMail({ from: 'a@example.org', to: 'b@example.org', subject: 'Hello', text: 'Body' })
    const files = await readdir(path.join(dataDir, 'mail'))
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/\.eml$/)
    expect(logged).toEqual([`Mail kept as a file (no SMTP_URL): ${path.join(dataDir, 'mail', files[0])}`])
    const parsed = await simpleParser(await readFile(path.join(dataDir, 'mail', files[0])))
    expect(parsed.subject).toBe('Hello')
    expect(parsed.text?.trim()).toBe('Body')
  })
})
