import { createHmac } from 'node:crypto'

import { jwtVerify, SignJWT } from 'jose'

import type { PreviewableCollection } from './sitePreviewUrl'

/**
 * Preview tokens (issue 18): the admin's preview link used to carry the editor's own session
 * token, a bearer credential for the whole CMS API, in a URL that proxies, CDNs and browser
 * history keep. A preview token instead names one user, one collection and one document, is good
 * for reading that document's latest draft only (cms/endpoints/previewDraft) and expires in
 * PREVIEW_TOKEN_MINUTES. It is a JWT (jose, HS256) signed with a key derived from PAYLOAD_SECRET
 * for this purpose alone: Payload's sessions are signed with another key, so neither kind of
 * token is accepted as the other, and the audience says what it is for.
 */
export const PREVIEW_TOKEN_MINUTES = 30
const AUDIENCE = 'pydotorg:draft-preview'
const KEY_LABEL = 'pydotorg preview token v1'

export type PreviewGrant = { userId: number; collection: PreviewableCollection; id: number }

/** The signing key: HMAC-SHA256 of a fixed label under PAYLOAD_SECRET, so it differs from every other key. */
function signingKey(payloadSecret: string): Uint8Array {
  return new Uint8Array(createHmac('sha256', payloadSecret).update(KEY_LABEL).digest())
}

export async function createPreviewToken(payloadSecret: string, grant: PreviewGrant, now: Date = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000)
  return new SignJWT({ col: grant.collection, doc: grant.id })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(grant.userId))
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + PREVIEW_TOKEN_MINUTES * 60)
    .sign(signingKey(payloadSecret))
}

/**
 * The user a token lets read `collection`'s document `id`, or null: a bad signature, another
 * document or collection, another purpose, or an expired token all come to nothing.
 */
export async function verifyPreviewToken(
  payloadSecret: string,
  token: string,
  expected: { collection: string; id: number },
  now: Date = new Date(),
): Promise<{ userId: number } | null> {
  try {
    const { payload } = await jwtVerify(token, signingKey(payloadSecret), { algorithms: ['HS256'], audience: AUDIENCE, currentDate: now })
    const userId = Number(payload.sub)
    if (payload.col !== expected.collection || payload.doc !== expected.id || !Number.isInteger(userId)) return null
    return { userId }
  } catch {
    return null
  }
}
