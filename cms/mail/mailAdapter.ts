import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

import type { MailEnv } from '../config/mailEnv'
import { createMailTransport } from './createMailTransport'

/**
 * Payload's nodemailer adapter on our transport (SMTP_URL, or .eml files). `skipVerify`: the
 * adapter would otherwise connect to the SMTP server at start-up; a server that is down must
 * not delay the CMS's start, and the send job reports and retries failures anyway.
 */
export function mailAdapter(mail: MailEnv): Promise<EmailAdapter> {
  return nodemailerAdapter({
    transport: createMailTransport(mail),
    defaultFromAddress: mail.fromAddress,
    defaultFromName: mail.fromName,
    skipVerify: true,
  })
}
