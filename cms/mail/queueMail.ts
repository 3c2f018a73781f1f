import type { PayloadRequest } from 'payload'

import type { TokenPurpose } from '../../collections/Accounts/accountTokens'
import type { MailTemplate } from './renderMail'

/** The jobs task and queue that send mail; the task itself lives in cms/jobs/sendMail.ts. */
export const SEND_MAIL_TASK = 'sendMail'
export const MAIL_QUEUE = 'mail'

export type SendMailInput = {
  template: MailTemplate
  to: string
  /** The template's placeholders; links in them are absolute, built from SITE_URL. */
  values: Record<string, string>
  /**
   * A one-use account link the job mints as it sends (collections/Accounts/accountTokens): it
   * stores only the token's hash and fills the placeholder `placeholder` with the site's URL,
   * so the raw token is never in this input, which admins can read.
   */
  link?: { accountId: number; purpose: TokenPurpose; placeholder: string } | NominationLink
}

/** A nominee's invitation link (collections/Nominations/nominationTokens), minted the same way. */
export type NominationLink = { nominationId: number; placeholder: string }

/**
 * Queues one message in the request's own transaction (`req`): the job row, which is the
 * message's outbox record, exists if and only if the change that caused it commits, and the
 * mail queue's runner sends it after the commit, so a slow or absent SMTP server never slows
 * or fails the request.
 */
export async function queueMail(req: PayloadRequest, input: SendMailInput): Promise<void> {
  await req.payload.jobs.queue({ task: SEND_MAIL_TASK, queue: MAIL_QUEUE, input, req })
}
