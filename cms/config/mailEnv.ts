import path from 'node:path'

import type { Environment } from './cmsEnv'

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

/** Parses EMAIL_FROM as `Name <address>` or a bare address. */
function parseFrom(raw: string | undefined): { fromAddress: string; fromName: string } {
  const value = raw?.trim() || 'Python.org <noreply@python.org>'
  const named = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(value)
  if (named) return { fromName: named[1].replace(/^"|"$/g, '') || 'Python.org', fromAddress: named[2] }
  if (/^[^<>\s]+@[^<>\s]+$/.test(value)) return { fromName: 'Python.org', fromAddress: value }
  throw new Error(`EMAIL_FROM must be an address or "Name <address>", got "${value}".`)
}

/** The SMTP URL is not echoed when wrong: it usually holds a password. */
function parseSmtpUrl(raw: string | undefined): string | null {
  const value = raw?.trim()
  if (!value) return null
  const expected = 'SMTP_URL must be an smtp:// or smtps:// URL such as smtps://user:password@smtp.example.org:465'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${expected}; the value given is not a URL.`)
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`${expected}; the value given uses "${url.protocol}".`)
  if (url.hostname === '') throw new Error(`${expected}; the value given names no host.`)
  return value
}

export const DEFAULT_PSF_ANNOUNCE_REQUEST_ADDRESS = 'psf-members-announce-request@python.org'

/** Unset: python.org's list; empty: none; anything else must be a bare address. */
function parseListAddress(raw: string | undefined): string | null {
  if (raw === undefined) return DEFAULT_PSF_ANNOUNCE_REQUEST_ADDRESS
  const value = raw.trim()
  if (value === '') return null
  if (!/^[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+$/.test(value)) throw new Error(`PSF_ANNOUNCE_REQUEST_ADDRESS must be an email address (or empty for none), got "${value}".`)
  return value
}

export function parseMailEnv(env: Environment, dataDir: string): MailEnv {
  return {
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    ...parseFrom(env.EMAIL_FROM),
    mailDir: path.join(dataDir, 'mail'),
    psfAnnounceRequestAddress: parseListAddress(env.PSF_ANNOUNCE_REQUEST_ADDRESS),
  }
}
