import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { startTestSmtpServer, type TestSmtpServer } from './testSmtpServer'

/** A message as the system tests read it from the mailbox. */
export type MailboxMessage = { to: string[]; subject: string; text: string; html: string }

/**
 * The system stack's mail (issue 11): the real test SMTP server the CMS sends through
 * (SMTP_URL), and, because the tests run in other processes than the global setup that owns it,
 * a loopback HTTP view of what it received: `GET /messages` answers them all as JSON.
 */
export async function startSystemMailbox(): Promise<{ smtp: TestSmtpServer; mailboxUrl: string; close: () => Promise<void> }> {
  const smtp = await startTestSmtpServer()
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/messages') {
      res.writeHead(404).end()
      return
    }
    const messages: MailboxMessage[] = smtp.messages.map((message) => ({
      to: (Array.isArray(message.to) ? message.to : message.to ? [message.to] : []).flatMap((address) => address.value.map((entry) => entry.address ?? '')),
      subject: message.subject ?? '',
      text: message.text ?? '',
      html: typeof message.html === 'string' ? message.html : '',
    }))
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messages))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    smtp,
    mailboxUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await smtp.close()
    },
  }
}

/** Waits for the first message to `address` that `matches`, reading the system mailbox. */
export async function waitForMail(mailboxUrl: string, address: string, matches: (message: MailboxMessage) => boolean, timeoutMs = 30_000): Promise<MailboxMessage> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const messages = (await (await fetch(`${mailboxUrl}/messages`)).json()) as MailboxMessage[]
    const found = messages.find((message) => message.to.includes(address) && matches(message))
    if (found) return found
    if (Date.now() > deadline) throw new Error(`no matching mail to ${address} within ${timeoutMs} ms; the mailbox has: ${messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('; ')}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
