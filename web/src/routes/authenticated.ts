/**
 * `/authenticated`: the header's account widget, as python.org fetches it from the browser
 * (templates/includes/authenticated.html). Public pages are the same bytes for everyone and
 * come from the shared page cache, signed in or not; the visitor's own state (name, links to
 * the account pages, sign out) comes from here, filled in by web/public/js/account.js.
 *
 * JSON rather than an HTML fragment: the script builds the links with textContent, so a
 * username can never become markup. Personal, so `private, no-store` and `Vary: Cookie`; the
 * page cache never answers it (requestBypass.ts). Without a session cookie the CMS is not asked.
 */
import { Router, type Response } from 'express';
import { readSessionToken } from '../accounts/sessionCookie';
import { CmsUnavailableError } from '../cms/errors';
import type { Services } from '../services/index';

export interface AccountWidgetLink {
  readonly title: string;
  readonly url: string;
}

export type AccountWidget =
  | { readonly signedIn: false; readonly links: readonly AccountWidgetLink[] }
  | { readonly signedIn: true; readonly username: string; readonly links: readonly AccountWidgetLink[] };

export const signedOutWidget: AccountWidget = {
  signedIn: false,
  links: [
    { title: 'Sign In', url: '/accounts/login/' },
    { title: 'Sign Up', url: '/accounts/signup/' },
  ],
};

/** python.org's "Your account" menu, with "edit/become PSF Basic member" by the account's membership. */
export function signedInWidget(username: string, psfMember = false): AccountWidget {
  return {
    signedIn: true,
    username,
    links: [
      { title: 'View profile', url: `/users/${encodeURIComponent(username)}/` },
      { title: 'Edit profile', url: '/users/edit/' },
      { title: 'Change password', url: '/accounts/password/change/' },
      psfMember ? { title: 'Edit PSF Basic membership', url: '/users/membership/edit/' } : { title: 'Become a PSF Basic member', url: '/users/membership/' },
      { title: 'Sign out', url: '/accounts/logout/' },
    ],
  };
}

function send(res: Response, status: number, body: AccountWidget | { readonly error: string }): void {
  res.status(status).set({ 'Cache-Control': 'private, no-store', Vary: 'Cookie' }).json(body);
}

export function createAuthenticatedRouter(services: Pick<Services, 'accounts'>): Router {
  const router = Router();
  router.get('/authenticated', async (req, res) => {
    const session = readSessionToken(req);
    if (session === null) {
      send(res, 200, signedOutWidget);
      return;
    }
    try {
      const account = await services.accounts.current(session);
      // An ended session: the widget offers Sign In again (the cookie goes when a personal page is asked for).
      send(res, 200, account === null ? signedOutWidget : signedInWidget(account.username, account.psfMember));
    } catch (error) {
      if (!(error instanceof CmsUnavailableError)) throw error;
      // The page keeps its default Sign In links; the script retries on the next page.
      res.set('Retry-After', '30');
      send(res, 503, { error: 'The account service is unavailable.' });
    }
  });
  return router;
}
