import path from 'node:path'

import { z } from 'zod'

import { checked, readEnv, textOrNull, withDefault, type Environment } from '../../lib/env/envSchema'

/** How the CMS sends mail: SMTP_URL and EMAIL_FROM, or files under <DATA_DIR>/mail/. */
export type MailEnv = {
  /** `smtp://` or `smtps://` (user and password in the URL); null keeps each message as a file. */
  smtpUrl: string | null
  /** The sender's address, e.g. `noreply@python.org`. */
  fromAddress: string
  fromName: string
  /** Where messages go as `.eml` files when there is no SMTP_URL. */
  mailDir: string
  /**
   * PSF_ANNOUNCE_REQUEST_ADDRESS (default psf-members-announce-request@python.org, python.org's
   * MAILING_LIST_PSF_MEMBERS): where a member's subscription to the announcement list is asked
   * for. Set it empty to send none.
   */
  psfAnnounceRequestAddress: string | null
}

const NAMED_FROM = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/
const BARE_ADDRESS = /^[^<>\s]+@[^<>\s]+$/

/** EMAIL_FROM as `Name <address>` or a bare address; unset or blank: Python.org's no-reply address. */
const fromSchema = withDefault('Python.org <noreply@python.org>', { trim: true })
  .pipe(checked((value) => NAMED_FROM.test(value) || BARE_ADDRESS.test(value), (value) => `EMAIL_FROM must be an address or "Name <address>", got "${value}".`))
  .transform((value) => {
    const named = NAMED_FROM.exec(value)
    if (named) return { fromName: named[1].replace(/^"|"$/g, '') || 'Python.org', fromAddress: named[2] }
    return { fromName: 'Python.org', fromAddress: value }
  })

/** What is wrong with an SMTP URL, or null; never the value itself, which usually holds a password. */
function smtpUrlProblem(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'the value given is not a URL'
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return `the value given uses "${url.protocol}"`
  if (url.hostname === '') return 'the value given names no host'
  return null
}

/** SMTP_URL, trimmed; unset or blank: null (messages kept as files). */
const smtpUrlSchema = textOrNull({ trim: true }).pipe(
  checked(
    (value) => smtpUrlProblem(value) === null,
    (value) => `SMTP_URL must be an smtp:// or smtps:// URL such as smtps://user:password@smtp.example.org:465; ${smtpUrlProblem(value)}.`,
  ).nullable(),
)

export const DEFAULT_PSF_ANNOUNCE_REQUEST_ADDRESS = 'psf-members-announce-request@python.org'

/** Unset: python.org's list; empty or blank: none; anything else must be a bare address. */
const listAddressSchema = z
  .string()
  .optional()
  .transform((raw) => (raw === undefined ? DEFAULT_PSF_ANNOUNCE_REQUEST_ADDRESS : raw.trim() || null))
  .pipe(
    checked(
      (value) => /^[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+$/.test(value),
      (value) => `PSF_ANNOUNCE_REQUEST_ADDRESS must be an email address (or empty for none), got "${value}".`,
    ).nullable(),
  )

export function parseMailEnv(env: Environment, dataDir: string): MailEnv {
  const vars = readEnv({ SMTP_URL: smtpUrlSchema, EMAIL_FROM: fromSchema, PSF_ANNOUNCE_REQUEST_ADDRESS: listAddressSchema }, env)
  return {
    smtpUrl: vars.SMTP_URL,
    ...vars.EMAIL_FROM,
    mailDir: path.join(dataDir, 'mail'),
    psfAnnounceRequestAddress: vars.PSF_ANNOUNCE_REQUEST_ADDRESS,
  }
}
