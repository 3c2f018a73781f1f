import { randomUUID } from 'node:crypto'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

import nodemailer, { type Transporter } from 'nodemailer'
import type MailMessage from 'nodemailer/lib/mailer/mail-message'

import type { MailEnv } from '../config/mailEnv'
import { cmsLog } from '../../lib/log/cmsLog'

/** Where a message kept as a file went, for the log line that names it. */
export type MailFileLogger = (message: string) => void

/**
 * The nodemailer transport Payload's email adapter sends through: SMTP when SMTP_URL is set,
 * otherwise a transport that writes each message, exactly as it would have gone over SMTP, to
 * `<DATA_DIR>/mail/<time>-<id>.eml` and logs its path (development and tests read them there).
 * Nodemailer's own stream/json transports only hand the message back to the caller, so this
 * small custom transport (nodemailer's documented `send(mail, callback)` shape) writes it.
 */
export function createMailTransport(mail: MailEnv, log: MailFileLogger = (message) => cmsLog.info(message)): Transporter {
  if (mail.smtpUrl !== null) {
    // Bounded waits: a slow server fails the job (which is retried), never hangs it.
    return nodemailer.createTransport(mail.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never)
  }
  return nodemailer.createTransport({
    name: 'eml-files',
    version: '1',
    send(message: MailMessage, callback: (error: Error | null, info?: { envelope: unknown; messageId: string; path: string }) => void) {
      message.message.build((buildError, raw) => {
        if (buildError) return callback(buildError)
        const messageId = message.message.messageId()
        writeMessageFile(mail.mailDir, raw)
          .then((file) => {
            log(`Mail kept as a file (no SMTP_URL): ${file}`)
            callback(null, { envelope: message.message.getEnvelope(), messageId, path: file })
          })
          .catch((error: Error) => callback(error))
      })
    },
  } as never)
}

/** Written under a temporary name then renamed, so a reader never sees half a message. */
async function writeMessageFile(dir: string, raw: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true })
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`
  const file = path.join(dir, name)
  await writeFile(`${file}.tmp`, raw)
  await rename(`${file}.tmp`, file)
  return file
}
