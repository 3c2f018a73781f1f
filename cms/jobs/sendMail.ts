import type { TaskConfig } from 'payload'

import { isTokenPurpose, mintTokenLink } from '../../collections/Accounts/accountTokens'
import { mintInvitationLink } from '../../collections/Nominations/nominationTokens'
import { SEND_MAIL_TASK, type SendMailInput } from '../mail/queueMail'
import { isMailTemplate, renderMail } from '../mail/renderMail'

/**
 * The `sendMail` task: renders one queued message from its template pair and sends it through
 * Payload's email adapter (SMTP, or a file under <DATA_DIR>/mail/). A failure (server down,
 * refused) throws, so Payload retries with backoff; once sent, the job is complete and never
 * runs again. The Message-ID is derived from the job, so should the process die between the
 * server accepting the message and the job being marked complete, the one resend carries the
 * same Message-ID and mail clients show it once.
 */
export function createSendMailTask(options: { messageIdDomain: string; siteUrl: string }): TaskConfig<{ input: SendMailInput; output: { messageId: string } }> {
  return {
    slug: SEND_MAIL_TASK,
    label: 'Send a mail message',
    inputSchema: [
      { name: 'template', type: 'text', required: true },
      { name: 'to', type: 'text', required: true },
      { name: 'values', type: 'json', required: true },
      { name: 'link', type: 'json' },
    ],
    outputSchema: [{ name: 'messageId', type: 'text', required: true }],
    // 5 s, 10 s, 20 s ... about 40 minutes in all, covering an SMTP server's restart or outage.
    retries: { attempts: 10, backoff: { type: 'exponential', delay: 5000 } },
    // One message to an address at a time: a job that mints a one-use link replaces the account's
    // earlier link, so two such jobs run side by side could deliver the older, dead link last.
    // One after the other, the link in the newest message is always the one that works.
    concurrency: ({ input }) => `mail:${String(input.to).toLowerCase()}`,
    handler: async ({ input, job, req }) => {
      if (!isMailTemplate(input.template)) throw new Error(`Unknown mail template "${String(input.template)}".`)
      const values = stringValues(input.values)
      const link = parseLink(input.link)
      // Minted in the job's own transaction, just before sending: a retry mints a fresh link
      // (replacing the one that never went out), and the raw token is never stored.
      if (link !== null) {
        const url = 'nominationId' in link ? await mintInvitationLink(req, link.nominationId, options.siteUrl) : await mintTokenLink(req, link.accountId, link.purpose, options.siteUrl)
        // The account (or nomination) was deleted after the message was queued: nothing to link to.
        if (url === null) return { output: { messageId: 'not sent: what the link was for no longer exists' } }
        values[link.placeholder] = url
      }
      const message = await renderMail(input.template, values)
      const messageId = `<mail-${String(job.id)}@${options.messageIdDomain}>`
      await req.payload.sendEmail({ to: input.to, subject: message.subject, text: message.text, html: message.html, messageId })
      return { output: { messageId } }
    },
  }
}

function parseLink(value: unknown): NonNullable<SendMailInput['link']> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const { accountId, purpose, placeholder, nominationId } = value as Record<string, unknown>
  if (typeof nominationId === 'number' && typeof placeholder === 'string') return { nominationId, placeholder }
  if (typeof accountId !== 'number' || !isTokenPurpose(purpose) || typeof placeholder !== 'string') throw new Error('The mail job\'s link input is malformed.')
  return { accountId, purpose, placeholder }
}

function stringValues(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {}
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
}
