/**
 * The visitor's session on the site (issue 11): the opaque AccountSession.token the CMS hands
 * back at sign-in, kept in the site's own HttpOnly cookie on the site's origin. It is never the
 * CMS's `payload-token`, so a visitor's session cannot open the admin, and page scripts cannot
 * read it. SameSite=Lax: a link from a mail or another site still arrives signed in, while
 * another site's forms cannot post as the visitor (every form also carries a CSRF token).
 *
 * The cookie does not make public pages personal: it is deliberately absent from
 * cookiesBypassingCache, and only the account routes and /authenticated read it.
 */
import type { Request, Response } from 'express';
import type { AccountSession } from '../services/accountService';
import { readCookie } from '../forms/readCookie';

export const sessionCookieName = 'pydotorg_session';

/** Tokens are opaque, but a cookie value outside this shape is junk and never sent to the CMS. */
const tokenShape = /^[A-Za-z0-9._~+/=-]{16,1024}$/;

/** The session token the visitor sent, or null when none (or not a token at all). */
export function readSessionToken(req: Request): string | null {
  const token = readCookie(req, sessionCookieName);
  return token !== null && tokenShape.test(token) ? token : null;
}

export function setSessionCookie(req: Request, res: Response, session: AccountSession): void {
  const expires = new Date(session.expiresAt);
  res.cookie(sessionCookieName, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    // req.secure is true over https, or behind a TLS-terminating proxy TRUST_PROXY names.
    secure: req.secure,
    path: '/',
    // An unparsable expiry makes a browser-session cookie rather than a wrong date.
    ...(Number.isNaN(expires.getTime()) ? {} : { expires }),
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(sessionCookieName, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}
