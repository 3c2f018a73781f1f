/**
 * PSF membership at python.org's URLs (issue 13): sign up (`/users/membership/`), edit
 * (`/users/membership/edit/`), end it (`POST /users/membership/delete/<username>/`, owner only),
 * the yearly affirmation of the intent to vote (`/users/membership/affirm/`, which python.org left
 * unlinked and crashing) and the thanks page: personal pages (`private, no-store`) for a signed-in,
 * verified account, each form with its CSRF token, python.org's honeypot and the renderer's
 * per-visitor limit. `/membership/` is python.org's landing page, public and the same for everyone.
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
import { requireAccount, type SignedIn } from '../accounts/requireAccount';
import { HttpError } from '../errors/HttpError';
import { renderSitePage } from '../rendering/renderSitePage';
import { formatDay } from '../services/formatting';
import type { Services } from '../services/index';
import type { MembershipInput, OwnMembership } from '../services/membershipService';

const TEXT_FIELDS = ['legalName', 'preferredName', 'emailAddress', 'city', 'region', 'country', 'postalCode'] as const;
/** The box python.org's sign-up page embeds above the agreement. */
export const codeOfConductBox = 'psf-codeofconduct';
const csrfPaths = ['/users/membership/'] as const;
const formView = 'users/membership.njk';

const formFlash = { deleted: 'Your PSF membership has been deleted.' };
const editFlash = { affirmed: 'Thank you: your intent to vote is recorded for the coming year.' };

type MembershipPageServices = Pick<Services, 'accounts' | 'memberships' | 'site'>;

function valuesOf(membership: OwnMembership): Record<string, string> {
  const texts = Object.fromEntries(TEXT_FIELDS.map((name) => [name, membership[name]]));
  return { ...texts, announcements: membership.announcements ? 'on' : '', votes: membership.votes ? 'on' : '' };
}

/** The posted form as its values (to show again) and as the service's input. */
function readForm(fields: Readonly<Record<string, string>>): { values: Record<string, string>; input: MembershipInput } {
  const values: Record<string, string> = { ...pick(fields, TEXT_FIELDS), announcements: fields['announcements'] === 'on' ? 'on' : '', votes: fields['votes'] === 'on' ? 'on' : '', codeOfConduct: fields['codeOfConduct'] === 'yes' ? 'yes' : fields['codeOfConduct'] === 'no' ? 'no' : '' };
  const input: MembershipInput = {
    legalName: values.legalName ?? '',
    preferredName: values.preferredName ?? '',
    emailAddress: values.emailAddress ?? '',
    city: values.city ?? '',
    region: values.region ?? '',
    country: values.country ?? '',
    postalCode: values.postalCode ?? '',
    announcements: values.announcements === 'on',
    votes: values.votes === 'on',
  };
  return { values, input };
}

export function createMembershipRouter(services: MembershipPageServices, throttle: AccountFormThrottle = accountFormThrottle(20, { kind: 'none' })): Router {
  const router = Router();
  const { accounts, memberships } = services;

  const render = (req: Request, res: Response, view: string, state: FormState, context: Readonly<Record<string, unknown>> = {}) =>
    renderAccountPage(req, res, services, view, { ...state, ...context }, { status: state.status, csrfPaths });

  async function renderForm(req: Request, res: Response, signedIn: SignedIn, state: FormState, membership: OwnMembership | null, deleteState: FormState = blankForm): Promise<void> {
    const editing = membership !== null;
    const boxes = editing ? {} : await services.site.boxes([codeOfConductBox]);
    const values = Object.keys(state.values).length > 0 ? state.values : editing ? valuesOf(membership) : { emailAddress: signedIn.account.email };
    await render(req, res, formView, { ...state, values }, {
      editing,
      membership,
      lastVoteAffirmation: membership?.lastVoteAffirmation ? formatDay(membership.lastVoteAffirmation) : null,
      codeOfConductHtml: boxes[codeOfConductBox] ?? null,
      account: signedIn.account,
      deleteForm: deleteState,
    });
  }

  /** Not a member: python.org answers 404; here a personal page that says so and links to the sign-up. */
  const renderNotMember = (req: Request, res: Response) => render(req, res, 'users/membershipMissing.njk', { ...blankForm, status: 404 });

  /** CSRF (403), honeypot (400), the per-visitor limit (429): true when the post may go on. */
  async function admit(req: Request, res: Response, fields: Readonly<Record<string, string>>, refuse: (status: number, message: string) => Promise<void>, honeypot = true): Promise<boolean> {
    if (!csrfAccepted(req, fields)) {
      await refuse(403, csrfRefusal);
      return false;
    }
    if (honeypot && !honeypotAccepted(fields)) {
      await refuse(400, honeypotRefusal);
      return false;
    }
    const wait = await overAccountFormLimit(throttle, 'membership', visitorAddressOf(req, throttle.trustedProxies));
    if (wait === null) return true;
    res.set('Retry-After', String(wait));
    await refuse(429, tooManyAttempts(wait));
    return false;
  }

  // The landing page: python.org's users/membership.html behind its never-enabled flag, made to
  // work. Public, so the same for everyone: its "sign up" and "edit" both go through
  // /users/membership/, which sends a member on to the edit form.
  router.get('/membership/', async (req, res) => {
    await renderSitePage(req, res, services, 'users/membershipLanding.njk', {}, { surrogateKeys: [] });
  });

  router.get('/users/membership/', async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    // python.org: a member asking for the sign-up form is sent to the edit form.
    if ((await memberships.mine(signedIn.session)) !== null) {
      res.set('Cache-Control', 'private, no-store');
      res.redirect(302, '/users/membership/edit/');
      return;
    }
    await renderForm(req, res, signedIn, { ...blankForm, success: flashMessage(req, formFlash) }, null);
  });

  router.post('/users/membership/', parseAccountForm, async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const fields = formFields(req);
    const { values, input } = readForm(fields);
    const refuse = (status: number, message: string) => renderForm(req, res, signedIn, { ...blankForm, status, values, message }, null);
    if (!(await admit(req, res, fields, refuse))) return;
    const outcome = await memberships.join(signedIn.session, { ...input, codeOfConduct: values.codeOfConduct === 'yes' });
    if (!outcome.ok) {
      await renderForm(req, res, signedIn, failureState(res, outcome, values), null);
      return;
    }
    res.redirect(303, '/users/membership/thanks/');
  });

  router.get('/users/membership/edit/', async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const membership = await memberships.mine(signedIn.session);
    if (membership === null) return renderNotMember(req, res);
    await renderForm(req, res, signedIn, { ...blankForm, success: flashMessage(req, editFlash) }, membership);
  });

  router.post('/users/membership/edit/', parseAccountForm, async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const membership = await memberships.mine(signedIn.session);
    if (membership === null) return renderNotMember(req, res);
    const fields = formFields(req);
    const { values, input } = readForm(fields);
    const refuse = (status: number, message: string) => renderForm(req, res, signedIn, { ...blankForm, status, values, message }, membership);
    if (!(await admit(req, res, fields, refuse))) return;
    const outcome = await memberships.update(signedIn.session, input);
    if (!outcome.ok) {
      await renderForm(req, res, signedIn, failureState(res, outcome, values), membership);
      return;
    }
    res.redirect(303, '/users/membership/thanks/');
  });

  // Ending a membership is a POST from the edit page; a GET (a link, a prefetch) never deletes.
  router.get('/users/membership/delete/:username/', (_req, res) => {
    res.set('Allow', 'POST');
    throw new HttpError(405, 'A membership is deleted from its edit page.');
  });

  router.post('/users/membership/delete/:username/', parseAccountForm, async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts, '/users/membership/edit/');
    if (signedIn === null) return;
    const membership = await memberships.mine(signedIn.session);
    if (membership === null) return renderNotMember(req, res);
    const fields = formFields(req);
    const refuse = (status: number, message: string) => renderForm(req, res, signedIn, { ...blankForm, status }, membership, { ...blankForm, status, message });
    if (!(await admit(req, res, fields, refuse, false))) return;
    // Owner only (python.org: 403): the path names the account.
    const named = req.params['username'];
    if (typeof named !== 'string' || named.toLowerCase() !== signedIn.account.username.toLowerCase()) {
      await refuse(403, 'You can only delete your own membership.');
      return;
    }
    const outcome = await memberships.leave(signedIn.session);
    if (!outcome.ok) {
      const failure = failureState(res, outcome, {});
      await renderForm(req, res, signedIn, { ...blankForm, status: failure.status }, membership, failure);
      return;
    }
    res.redirect(303, '/users/membership/?done=deleted');
  });

  const affirmView = 'users/membershipAffirm.njk';
  const renderAffirm = (req: Request, res: Response, membership: OwnMembership, state: FormState) =>
    render(req, res, affirmView, state, { membership, lastVoteAffirmation: membership.lastVoteAffirmation ? formatDay(membership.lastVoteAffirmation) : null });

  router.get('/users/membership/affirm/', async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const membership = await memberships.mine(signedIn.session);
    if (membership === null) return renderNotMember(req, res);
    await renderAffirm(req, res, membership, blankForm);
  });

  router.post('/users/membership/affirm/', parseAccountForm, async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const membership = await memberships.mine(signedIn.session);
    if (membership === null) return renderNotMember(req, res);
    const fields = formFields(req);
    if (!(await admit(req, res, fields, (status, message) => renderAffirm(req, res, membership, { ...blankForm, status, message }), false))) return;
    const outcome = await memberships.affirmVote(signedIn.session);
    if (!outcome.ok) {
      await renderAffirm(req, res, membership, failureState(res, outcome, {}));
      return;
    }
    res.redirect(303, '/users/membership/edit/?done=affirmed');
  });

  router.get('/users/membership/thanks/', async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    await render(req, res, 'users/membershipThanks.njk', blankForm);
  });

  return router;
}
