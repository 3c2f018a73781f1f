/**
 * Visitors' accounts at python.org's URLs under /accounts/ (issue 11): sign up, confirm the
 * email, sign in and out, forgotten password, change password and email. Every page is
 * personal (`private, no-store`, never in the page cache) and every form carries a CSRF token;
 * sign-up, sign-in and the reset forms are limited per visitor address here as well as in the
 * CMS. Posts answer with a redirect (post/redirect/get) and a fixed `?done=` flash; a failure
 * re-renders the form with the CMS's status, message and field errors, never a password.
 *
 * Links from mails (confirm-email, reset key) show a button on GET and act on POST: mail
 * scanners fetch links, and a GET must not spend a one-use token.
 */
import { Router, type Request, type Response } from 'express';
import { type AccountFormThrottle, accountFormThrottle, overAccountFormLimit, visitorAddressOf } from '../accounts/accountFormThrottle';
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
  tooManyAttempts,
  type FormState,
} from '../accounts/accountPages';
import { requireAccount } from '../accounts/requireAccount';
import { safeNextPath } from '../accounts/safeNextPath';
import { clearSessionCookie, readSessionToken, setSessionCookie } from '../accounts/sessionCookie';
import type { Services } from '../services/index';

/** Tokens from mailed links: opaque, but bounded and URL-safe before they reach the CMS. */
const mailedTokenShape = /^[A-Za-z0-9_.~-]{8,512}$/;

/** The `:token` of a mailed link's path (Express types a parameter as possibly repeated). */
function tokenParameter(req: Request): string {
  const token = req.params['token'];
  return typeof token === 'string' ? token : '';
}

export function createAccountsRouter(
  services: Pick<Services, 'accounts' | 'site'>,
  throttle: AccountFormThrottle = accountFormThrottle(20, { kind: 'none' }),
): Router {
  const router = Router();
  const { accounts } = services;
  const render = (req: Request, res: Response, view: string, state: FormState, context: Readonly<Record<string, unknown>> = {}) =>
    renderAccountPage(req, res, services, view, { ...state, ...context }, { status: state.status });

  /** CSRF first (403), then the form's own rate limit (429); true when the post may go on. */
  async function admit(req: Request, res: Response, view: string, values: Record<string, string>, form: 'signUp' | 'signIn' | 'passwordReset' | null, context: Readonly<Record<string, unknown>> = {}): Promise<boolean> {
    if (!csrfAccepted(req, formFields(req))) {
      await render(req, res, view, { ...blankForm, status: 403, values, message: csrfRefusal }, context);
      return false;
    }
    if (form === null) return true;
    const wait = await overAccountFormLimit(throttle, form, visitorAddressOf(req, throttle.trustedProxies));
    if (wait === null) return true;
    res.set('Retry-After', String(wait));
    await render(req, res, view, { ...blankForm, status: 429, values, message: tooManyAttempts(wait) }, context);
    return false;
  }

  // Sign up -------------------------------------------------------------------------------
  const signUpView = 'accounts/signup.njk';
  router.get('/accounts/signup/', async (req, res) => {
    const success = flashMessage(req, { sent: 'We have sent you an email to verify your address. Follow the link in it to finish signing up.' });
    await render(req, res, signUpView, { ...blankForm, success });
  });
  router.post('/accounts/signup/', parseAccountForm, async (req, res) => {
    const fields = formFields(req);
    const values = pick(fields, ['username', 'email']);
    if (!(await admit(req, res, signUpView, values, 'signUp'))) return;
    if (!honeypotAccepted(fields)) {
      await render(req, res, signUpView, { ...blankForm, status: 400, values, message: honeypotRefusal });
      return;
    }
    const input = { username: fields['username'] ?? '', email: fields['email'] ?? '', password: fields['password'] ?? '', passwordAgain: fields['passwordAgain'] ?? '' };
    const outcome = await accounts.signUp(input, visitorAddressOf(req, throttle.trustedProxies));
    if (!outcome.ok) {
      await render(req, res, signUpView, failureState(res, outcome, values));
      return;
    }
    res.redirect(303, '/accounts/signup/?done=sent');
  });

  // Sign in -------------------------------------------------------------------------------
  const signInView = 'accounts/login.njk';
  const signInFlash = {
    verified: 'Your email address is confirmed.',
    'password-reset': 'Your password has been changed. Sign in with the new one.',
    deleted: 'Your account has been deleted.',
  };
  router.get('/accounts/login/', async (req, res) => {
    const next = safeNextPath(req.query['next'], '');
    await render(req, res, signInView, { ...blankForm, success: flashMessage(req, signInFlash) }, { next });
  });
  router.post('/accounts/login/', parseAccountForm, async (req, res) => {
    const fields = formFields(req);
    const next = safeNextPath(fields['next'], '');
    const values = pick(fields, ['login']);
    if (!(await admit(req, res, signInView, values, 'signIn', { next }))) return;
    const outcome = await accounts.signIn({ login: fields['login'] ?? '', password: fields['password'] ?? '' }, visitorAddressOf(req, throttle.trustedProxies));
    if (!outcome.ok) {
      await render(req, res, signInView, failureState(res, outcome, values), { next });
      return;
    }
    setSessionCookie(req, res, outcome.value);
    // As on python.org, home after signing in, unless the visitor came from a page of this site.
    res.redirect(303, safeNextPath(next, '/'));
  });

  // Sign out: GET asks, POST does (a link or a prefetch must not sign anyone out) -----------
  router.get('/accounts/logout/', async (req, res) => {
    await render(req, res, 'accounts/logout.njk', blankForm, { signedIn: readSessionToken(req) !== null });
  });
  router.post('/accounts/logout/', parseAccountForm, async (req, res) => {
    if (!(await admit(req, res, 'accounts/logout.njk', {}, null, { signedIn: readSessionToken(req) !== null }))) return;
    const session = readSessionToken(req);
    if (session !== null) await accounts.signOut(session);
    clearSessionCookie(req, res);
    res.redirect(303, '/');
  });

  // Confirm an email address from the mailed link --------------------------------------------
  router.get('/accounts/confirm-email/:token/', async (req, res) => {
    const valid = mailedTokenShape.test(req.params.token);
    const state = valid ? blankForm : { ...blankForm, status: 404, message: 'This confirmation link is not valid. Sign in to have a new one sent.' };
    await render(req, res, 'accounts/confirmEmail.njk', state, { token: valid ? req.params.token : null });
  });
  router.post('/accounts/confirm-email/:token/', parseAccountForm, async (req, res) => {
    const token = tokenParameter(req);
    const view = 'accounts/confirmEmail.njk';
    if (!mailedTokenShape.test(token)) {
      await render(req, res, view, { ...blankForm, status: 404, message: 'This confirmation link is not valid. Sign in to have a new one sent.' }, { token: null });
      return;
    }
    if (!(await admit(req, res, view, {}, null, { token }))) return;
    const outcome = await accounts.verifyEmail(token, visitorAddressOf(req, throttle.trustedProxies));
    if (!outcome.ok) {
      await render(req, res, view, failureState(res, outcome, {}), { token: null });
      return;
    }
    res.redirect(303, '/accounts/login/?done=verified');
  });

  // Forgotten password: ask for a link, then set a new password from it -----------------------
  const resetView = 'accounts/passwordReset.njk';
  router.get('/accounts/password/reset/', async (req, res) => {
    // The same answer whatever the address: the page never says whether it has an account.
    const success = flashMessage(req, { sent: 'If an account uses that address, we have sent it a link to reset the password. The link expires soon: use it today.' });
    await render(req, res, resetView, { ...blankForm, success });
  });
  router.post('/accounts/password/reset/', parseAccountForm, async (req, res) => {
    const fields = formFields(req);
    const values = pick(fields, ['email']);
    if (!(await admit(req, res, resetView, values, 'passwordReset'))) return;
    const outcome = await accounts.requestPasswordReset(fields['email'] ?? '', visitorAddressOf(req, throttle.trustedProxies));
    if (!outcome.ok) {
      await render(req, res, resetView, failureState(res, outcome, values));
      return;
    }
    res.redirect(303, '/accounts/password/reset/?done=sent');
  });

  const resetKeyView = 'accounts/passwordResetKey.njk';
  router.get('/accounts/password/reset/key/:token/', async (req, res) => {
    const valid = mailedTokenShape.test(req.params.token);
    const state = valid ? blankForm : { ...blankForm, status: 404, message: 'This reset link is not valid. Ask for a new one.' };
    await render(req, res, resetKeyView, state, { token: valid ? req.params.token : null });
  });
  router.post('/accounts/password/reset/key/:token/', parseAccountForm, async (req, res) => {
    const fields = formFields(req);
    const token = tokenParameter(req);
    if (!mailedTokenShape.test(token)) {
      await render(req, res, resetKeyView, { ...blankForm, status: 404, message: 'This reset link is not valid. Ask for a new one.' }, { token: null });
      return;
    }
    if (!(await admit(req, res, resetKeyView, {}, 'passwordReset', { token }))) return;
    const input = { token, password: fields['password'] ?? '', passwordAgain: fields['passwordAgain'] ?? '' };
    const outcome = await accounts.resetPassword(input, visitorAddressOf(req, throttle.trustedProxies));
    if (!outcome.ok) {
      // An expired or used link cannot be tried again; a mismatch or a short password can.
      const retry = outcome.status === 400 && Object.keys(outcome.errors).some((field) => field === 'password' || field === 'passwordAgain');
      await render(req, res, resetKeyView, failureState(res, outcome, {}), { token: retry ? token : null });
      return;
    }
    // Signed out everywhere by the reset (the CMS ends the other sessions), and here too.
    clearSessionCookie(req, res);
    res.redirect(303, '/accounts/login/?done=password-reset');
  });

  // Signed in: change password (honeypot, as python.org), change email -------------------------
  const changePasswordView = 'accounts/passwordChange.njk';
  router.get('/accounts/password/change/', async (req, res) => {
    if ((await requireAccount(req, res, accounts)) === null) return;
    await render(req, res, changePasswordView, blankForm);
  });
  router.post('/accounts/password/change/', parseAccountForm, async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const fields = formFields(req);
    if (!(await admit(req, res, changePasswordView, {}, null))) return;
    if (!honeypotAccepted(fields)) {
      await render(req, res, changePasswordView, { ...blankForm, status: 400, message: honeypotRefusal });
      return;
    }
    const input = { currentPassword: fields['currentPassword'] ?? '', password: fields['password'] ?? '', passwordAgain: fields['passwordAgain'] ?? '' };
    const outcome = await accounts.changePassword(signedIn.session, input);
    if (!outcome.ok) {
      await render(req, res, changePasswordView, failureState(res, outcome, {}));
      return;
    }
    // python.org returns to the profile form.
    res.redirect(303, '/users/edit/?done=password-changed');
  });

  const emailView = 'accounts/email.njk';
  router.get('/accounts/email/', async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const success = flashMessage(req, { sent: 'We have sent a link to your new address. Your email changes when you follow it.' });
    await render(req, res, emailView, { ...blankForm, success }, { account: signedIn.account });
  });
  router.post('/accounts/email/', parseAccountForm, async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const fields = formFields(req);
    const values = pick(fields, ['email']);
    if (!(await admit(req, res, emailView, values, null, { account: signedIn.account }))) return;
    const outcome = await accounts.changeEmail(signedIn.session, { email: fields['email'] ?? '', password: fields['password'] ?? '' });
    if (!outcome.ok) {
      await render(req, res, emailView, failureState(res, outcome, values), { account: signedIn.account });
      return;
    }
    res.redirect(303, '/accounts/email/?done=sent');
  });

  return router;
}
