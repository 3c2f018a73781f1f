import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

import type { PayloadRequest } from 'payload'

/**
 * The one-use links an account is mailed: verifying its address after sign-up, resetting its
 * password, confirming a new address. Payload's own verification and reset tokens are stored in
 * clear, so these are ours: a random token goes into the link, only its SHA-256 is stored on the
 * account (a hidden field), with an expiry; using it clears both, so it works once. A newer link
 * of the same purpose replaces the older one. The token is minted by the mail job as it sends
 * (cms/jobs/sendMail.ts), so it is never in a job's input, which admins can read.
 */
export const TOKEN_PURPOSES = ['verify', 'reset', 'email'] as const
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number]

/** allauth's 3 days for confirmations; a reset link lives a day. */
export const TOKEN_LIFETIME_MS: Readonly<Record<TokenPurpose, number>> = {
  verify: 3 * 24 * 60 * 60 * 1000,
  reset: 24 * 60 * 60 * 1000,
  email: 3 * 24 * 60 * 60 * 1000,
}

/** The hidden fields each purpose keeps its hash and expiry in. */
export const TOKEN_FIELDS: Readonly<Record<TokenPurpose, { hash: string; expiresAt: string }>> = {
  verify: { hash: 'verifyTokenHash', expiresAt: 'verifyTokenExpiresAt' },
  reset: { hash: 'resetTokenHash', expiresAt: 'resetTokenExpiresAt' },
  email: { hash: 'emailTokenHash', expiresAt: 'emailTokenExpiresAt' },
}

/** The site's page each link opens (the site's routes hand the token back to the CMS). */
export const TOKEN_PATHS: Readonly<Record<TokenPurpose, string>> = {
  verify: '/accounts/confirm-email/',
  reset: '/accounts/password/reset/key/',
  email: '/accounts/confirm-email/',
}

/** Verification and email-change links share one page: the prefix tells the CMS which it is. */
const PREFIX: Readonly<Record<TokenPurpose, string>> = { verify: 'v', reset: 'r', email: 'e' }

const TOKEN_PATTERN = /^([vre])-([A-Za-z0-9_-]{43})$/

export function isTokenPurpose(value: unknown): value is TokenPurpose {
  return typeof value === 'string' && (TOKEN_PURPOSES as readonly string[]).includes(value)
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A token's purpose and hash, or null for anything that is not one of ours (no database read). */
export function parseToken(token: unknown): { purpose: TokenPurpose; hash: string } | null {
  if (typeof token !== 'string') return null
  const match = TOKEN_PATTERN.exec(token)
  if (!match) return null
  const purpose = TOKEN_PURPOSES.find((candidate) => PREFIX[candidate] === match[1]) as TokenPurpose
  return { purpose, hash: hashToken(token) }
}

/**
 * Makes a new token for `accountId`, stores its hash and expiry (replacing any earlier one of the
 * purpose) and returns the site's link; null when the account no longer exists. Runs in `req`'s transaction (the mail job's).
 */
export async function mintTokenLink(req: PayloadRequest, accountId: number, purpose: TokenPurpose, siteUrl: string): Promise<string | null> {
  const exists = await req.payload.count({ collection: 'accounts', where: { id: { equals: accountId } }, overrideAccess: true, req })
  if (exists.totalDocs === 0) return null
  const token = `${PREFIX[purpose]}-${randomBytes(32).toString('base64url')}`
  const fields = TOKEN_FIELDS[purpose]
  await req.payload.update({
    collection: 'accounts',
    id: accountId,
    data: { [fields.hash]: hashToken(token), [fields.expiresAt]: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]).toISOString() },
    overrideAccess: true,
    depth: 0,
    req,
    context: { skipSitePurge: true },
  })
  return `${siteUrl.replace(/\/+$/, '')}${TOKEN_PATHS[purpose]}${token}/`
}

export type StoredAccount = Record<string, unknown> & { id: number }

/**
 * The account a token belongs to, if it is current: found by its hash, compared in constant time,
 * not expired. Does not use it up (see spendToken).
 */
export async function findTokenAccount(req: PayloadRequest, token: unknown): Promise<{ purpose: TokenPurpose; account: StoredAccount } | null> {
  const parsed = parseToken(token)
  if (parsed === null) return null
  const fields = TOKEN_FIELDS[parsed.purpose]
  const found = await req.payload.find({
    collection: 'accounts',
    where: { [fields.hash]: { equals: parsed.hash } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  const account = found.docs[0] as unknown as StoredAccount | undefined
  if (account === undefined) return null
  const stored = account[fields.hash]
  if (typeof stored !== 'string' || stored.length !== parsed.hash.length || !timingSafeEqual(Buffer.from(stored), Buffer.from(parsed.hash))) return null
  const expiresAt = account[fields.expiresAt]
  if (typeof expiresAt !== 'string' || !(Date.parse(expiresAt) > Date.now())) return null
  return { purpose: parsed.purpose, account }
}

/** The token's fields cleared, for the update that uses it (so it works once). */
export function spentToken(purpose: TokenPurpose): Record<string, null> {
  const fields = TOKEN_FIELDS[purpose]
  return { [fields.hash]: null, [fields.expiresAt]: null }
}
