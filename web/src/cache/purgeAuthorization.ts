/**
 * Checks the bearer token of `POST /_purge` against PURGE_SECRET. Both sides are hashed
 * before the constant-time comparison, so neither the secret's content nor its length
 * leaks through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type PurgeAuthorization =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401 | 403; readonly message: string };

export function authorizePurge(authorization: string | undefined, secret: string | null): PurgeAuthorization {
  if (secret === null) {
    return { ok: false, status: 403, message: 'Purging is disabled on this renderer: PURGE_SECRET is not set.' };
  }
  if (authorization === undefined || authorization.trim() === '') {
    return { ok: false, status: 401, message: 'Missing credentials: send "Authorization: Bearer <PURGE_SECRET>".' };
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (match?.[1] === undefined) {
    return { ok: false, status: 401, message: 'Malformed Authorization header: expected "Bearer <PURGE_SECRET>".' };
  }
  if (!timingSafeEqual(digest(match[1]), digest(secret))) {
    return { ok: false, status: 403, message: 'The bearer token does not match PURGE_SECRET.' };
  }
  return { ok: true };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
