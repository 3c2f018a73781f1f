/**
 * The personal routes' gate: the session cookie's account, resolved through the CMS, or a
 * redirect to the sign-in page that comes back here (`?next=`). Only personal routes call it:
 * public pages never look at the session (they are the same bytes for everyone).
 */
import type { Request, Response } from 'express';
import type { AccountService, SignedInAccount } from '../services/accountService';
import { clearSessionCookie, readSessionToken } from './sessionCookie';

export interface SignedIn {
  readonly session: string;
  readonly account: SignedInAccount;
}

/** The sign-in page's URL that returns to `path` afterwards. */
export function signInUrlFor(path: string): string {
  return `/accounts/login/?next=${encodeURIComponent(path)}`;
}

/**
 * The signed-in visitor, or null after answering with the redirect to sign in (302 for a GET,
 * 303 after a post, so the browser does not post again). A session the CMS no longer knows
 * (expired, signed out elsewhere, account deactivated) is dropped from the browser too.
 */
export async function requireAccount(req: Request, res: Response, accounts: Pick<AccountService, 'current'>, returnTo = req.path): Promise<SignedIn | null> {
  const session = readSessionToken(req);
  const account = session === null ? null : await accounts.current(session);
  if (session !== null && account !== null) return { session, account };
  if (session !== null) clearSessionCookie(req, res);
  res.set('Cache-Control', 'private, no-store');
  res.redirect(req.method === 'GET' || req.method === 'HEAD' ? 302 : 303, signInUrlFor(returnTo));
  return null;
}
