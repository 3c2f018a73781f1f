/**
 * Accounts under /users/ at python.org's URLs (issue 11): the signed-in visitor's profile form
 * (`/users/edit/`, personal), account deletion (`POST /users/<username>/delete/`, self only, the
 * password confirms), and public profiles (`/users/<username>/`): the same bytes for everyone,
 * cached and purged by the `accounts` surrogate key, a 404 for unknown or private profiles.
 */
import { Router, type Request, type Response } from 'express';
import {
  blankForm,
  csrfAccepted,
  csrfRefusal,
  failureState,
  flashMessage,
  formFields,
  honeypotAccepted,
  honeypotRefusal,
  parseAccountForm,
  pick,
  renderAccountPage,
  type FormState,
} from '../accounts/accountPages';
import { requireAccount } from '../accounts/requireAccount';
import { clearSessionCookie } from '../accounts/sessionCookie';
import { HttpError } from '../errors/HttpError';
import { renderSitePage } from '../rendering/renderSitePage';
import type { EmailPrivacy, ProfileInput, SignedInAccount } from '../services/accountService';
import type { Services } from '../services/index';

/** python.org's username characters (letters, digits, `- _ @ . +`); anything else cannot be a profile. */
const usernameShape = /^[\p{L}\p{N}_@.+-]{1,150}$/u;
const emailPrivacies: readonly EmailPrivacy[] = ['public', 'accounts', 'nobody'];
const profileFields = ['username', 'firstName', 'lastName', 'bio', 'location', 'emailPrivacy'] as const;

const editFlash = {
  saved: 'Your profile has been saved.',
  'password-changed': 'Your password has been changed.',
};

function valuesOf(account: SignedInAccount): Record<string, string> {
  return {
    username: account.username,
    firstName: account.firstName,
    lastName: account.lastName,
    bio: account.bio,
    location: account.location,
    emailPrivacy: account.emailPrivacy,
    publicProfile: account.publicProfile ? 'on' : '',
    searchVisibility: account.searchVisibility ? 'on' : '',
  };
}

/** Names under /users/ that are python.org's pages, never a profile. */
const pathsNotProfiles: readonly string[] = ['membership', 'nominations', 'sponsorships'];

export function createUsersRouter(services: Pick<Services, 'accounts' | 'site'>): Router {
  const router = Router();
  const { accounts } = services;
  const editView = 'users/edit.njk';

  function renderEdit(req: Request, res: Response, account: SignedInAccount, state: FormState, deleteState: FormState = blankForm): Promise<void> {
    const values = Object.keys(state.values).length === 0 ? valuesOf(account) : state.values;
    // The token's cookie goes to this form's path and the delete form's, not to all of /users/.
    const csrfPaths = ['/users/edit/', `/users/${encodeURIComponent(account.username)}/delete/`] as const;
    return renderAccountPage(req, res, services, editView, { ...state, values, account, deleteForm: deleteState }, { status: state.status, csrfPaths });
  }

  router.get('/users/edit/', async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    await renderEdit(req, res, signedIn.account, { ...blankForm, success: flashMessage(req, editFlash) });
  });

  router.post('/users/edit/', parseAccountForm, async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const fields = formFields(req);
    const values: Record<string, string> = { ...pick(fields, profileFields), publicProfile: fields['publicProfile'] === 'on' ? 'on' : '', searchVisibility: fields['searchVisibility'] === 'on' ? 'on' : '' };
    if (!csrfAccepted(req, fields)) {
      await renderEdit(req, res, signedIn.account, { ...blankForm, status: 403, values, message: csrfRefusal });
      return;
    }
    if (!honeypotAccepted(fields)) {
      await renderEdit(req, res, signedIn.account, { ...blankForm, status: 400, values, message: honeypotRefusal });
      return;
    }
    const privacy = emailPrivacies.find((choice) => choice === fields['emailPrivacy']);
    if (privacy === undefined) {
      await renderEdit(req, res, signedIn.account, { ...blankForm, status: 400, values, errors: { emailPrivacy: 'Choose who may see your email address.' }, message: 'Please correct the fields marked below.' });
      return;
    }
    const input: ProfileInput = {
      username: values.username ?? '',
      firstName: values.firstName ?? '',
      lastName: values.lastName ?? '',
      bio: values.bio ?? '',
      location: values.location ?? '',
      publicProfile: values.publicProfile === 'on',
      searchVisibility: values.searchVisibility === 'on',
      emailPrivacy: privacy,
    };
    const outcome = await accounts.updateProfile(signedIn.session, input);
    if (!outcome.ok) {
      await renderEdit(req, res, signedIn.account, failureState(res, outcome, values));
      return;
    }
    res.redirect(303, '/users/edit/?done=saved');
  });

  // Deleting is a POST from the profile form; a GET (a link, a prefetch) never deletes.
  router.get('/users/:username/delete/', (_req, res) => {
    res.set('Allow', 'POST');
    throw new HttpError(405, 'An account is deleted from its profile form, with its password.');
  });

  router.post('/users/:username/delete/', parseAccountForm, async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts, '/users/edit/');
    if (signedIn === null) return;
    const fields = formFields(req);
    const deleteState = (status: number, message: string, errors: Readonly<Record<string, string>> = {}): FormState => ({ ...blankForm, status, message, errors });
    if (!csrfAccepted(req, fields)) {
      await renderEdit(req, res, signedIn.account, { ...blankForm, status: 403 }, deleteState(403, csrfRefusal));
      return;
    }
    // Self only: the path names the account, and only its owner may delete it.
    const named = req.params['username'];
    if (typeof named !== 'string' || named.toLowerCase() !== signedIn.account.username.toLowerCase()) {
      await renderEdit(req, res, signedIn.account, { ...blankForm, status: 403 }, deleteState(403, 'You can only delete your own account.'));
      return;
    }
    const outcome = await accounts.deleteAccount(signedIn.session, { password: fields['password'] ?? '' });
    if (!outcome.ok) {
      const failure = failureState(res, outcome, {});
      await renderEdit(req, res, signedIn.account, { ...blankForm, status: failure.status }, failure);
      return;
    }
    clearSessionCookie(req, res);
    res.redirect(303, '/accounts/login/?done=deleted');
  });

  router.get('/users/:username/', async (req, res, next) => {
    const username = req.params.username;
    // python.org's own pages under /users/ (membership, nominations, sponsorships) are no one's
    // profile (sign-up refuses those names): until their apps are built, the CMS's pages and
    // redirects answer there.
    if (pathsNotProfiles.includes(username)) {
      next();
      return;
    }
    const profile = usernameShape.test(username) ? await accounts.publicProfile(username) : null;
    if (profile === null) throw new HttpError(404, 'There is no public profile at this address.');
    await renderSitePage(req, res, services, 'users/profile.njk', { profile }, { surrogateKeys: ['accounts'] });
  });

  return router;
}
