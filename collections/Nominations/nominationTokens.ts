import { randomBytes, timingSafeEqual } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { hashToken } from '../Accounts/accountTokens'
import type { Nomination } from '../generated/payload-types'

/**
 * The nominee's invitation link: mailed to the address a nomination names, it lets whoever
 * holds it, once signed in with an account of that address, accept or decline the nomination
 * (and so become its nominee). As with the account links (collections/Accounts/accountTokens.ts)
 * the mail job mints it as it sends, only its SHA-256 is stored (hidden fields on the
 * nomination), and answering clears it, so it works once. It lasts until nominations close.
 */
export const INVITATION_PATH = '/nominations/respond/'

const TOKEN_PATTERN = /^n-[A-Za-z0-9_-]{43}$/

/** Without a close date (staff entered the nomination for an election without a window): two weeks. */
const FALLBACK_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000

export const INVITATION_FIELDS = { hash: 'invitationTokenHash', expiresAt: 'invitationTokenExpiresAt' } as const

/** Makes the link for `nominationId` (replacing an earlier one); null when the nomination is gone. */
export async function mintInvitationLink(req: PayloadRequest, nominationId: number, siteUrl: string): Promise<string | null> {
  const nomination = await req.payload.findByID({ collection: 'nominations', id: nominationId, depth: 1, overrideAccess: true, disableErrors: true, req })
  if (nomination === null) return null
  const election = typeof nomination.election === 'object' ? nomination.election : null
  const closes = election?.nominationsCloseAt ? Date.parse(election.nominationsCloseAt) : Number.NaN
  const expiresAt = Number.isNaN(closes) ? Date.now() + FALLBACK_LIFETIME_MS : closes
  const token = `n-${randomBytes(32).toString('base64url')}`
  await req.payload.update({
    collection: 'nominations',
    id: nominationId,
    data: { [INVITATION_FIELDS.hash]: hashToken(token), [INVITATION_FIELDS.expiresAt]: new Date(expiresAt).toISOString() },
    overrideAccess: true,
    depth: 0,
    req,
    context: { skipSitePurge: true, invitationTokenOnly: true },
  })
  return `${siteUrl.replace(/\/+$/, '')}${INVITATION_PATH}${token}/`
}

/** The nomination a current invitation token belongs to (constant-time compare, not expired), or null. No write. */
export async function findInvitation(req: PayloadRequest, token: unknown): Promise<Nomination | null> {
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null
  const hash = hashToken(token)
  const found = await req.payload.find({ collection: 'nominations', where: { [INVITATION_FIELDS.hash]: { equals: hash } }, limit: 1, depth: 0, overrideAccess: true, showHiddenFields: true, req })
  const nomination = found.docs[0] as (Nomination & Record<string, unknown>) | undefined
  if (nomination === undefined) return null
  const stored = nomination[INVITATION_FIELDS.hash]
  if (typeof stored !== 'string' || stored.length !== hash.length || !timingSafeEqual(Buffer.from(stored), Buffer.from(hash))) return null
  const expiresAt = nomination[INVITATION_FIELDS.expiresAt]
  if (typeof expiresAt !== 'string' || !(Date.parse(expiresAt) > Date.now())) return null
  return nomination
}

/** The token's fields cleared, for the update that answers (so the link works once). */
export const spentInvitation = { [INVITATION_FIELDS.hash]: null, [INVITATION_FIELDS.expiresAt]: null }
