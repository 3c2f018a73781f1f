/**
 * CSRF protection for the site's forms (the story submission, the preview confirmation) without
 * server state (the renderer runs several processes): a double-submit token. GET sets a random
 * token in an HttpOnly, SameSite=Strict cookie limited to the form's path and in a hidden field;
 * POST must carry both, equal. Another site can neither read the cookie nor set it, so it cannot
 * forge a matching pair.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { readCookie } from './readCookie';

export const csrfCookieName = 'pydotorg_csrf';
export const csrfFieldName = 'csrfToken';

/**
 * `morePaths`: the same token also on these paths, for a page whose forms post elsewhere (the
 * profile form's delete button posts to /users/<name>/delete/), without widening the cookie to a
 * parent path whose public pages it would send past the page cache.
 */
export function issueCsrfToken(req: Request, res: Response, path = '/success-stories/create/', morePaths: readonly string[] = []): string {
  const existing = readCookie(req, csrfCookieName);
  const token = existing !== null && /^[A-Za-z0-9_-]{32,64}$/.test(existing) ? existing : randomBytes(24).toString('base64url');
  for (const cookiePath of [path, ...morePaths]) {
    res.cookie(csrfCookieName, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: cookiePath,
      maxAge: 2 * 60 * 60 * 1000,
    });
  }
  return token;
}

export function csrfTokenMatches(req: Request, submitted: unknown): boolean {
  const cookie = readCookie(req, csrfCookieName);
  if (cookie === null || typeof submitted !== 'string') return false;
  const [a, b] = [Buffer.from(cookie), Buffer.from(submitted)];
  return a.length === b.length && timingSafeEqual(a, b);
}
