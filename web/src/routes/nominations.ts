/**
 * PSF elections and nominations at python.org's URLs (issue 13; apps/nominations):
 * - public, cached under the nominations' keys (the CMS purges them on every change): the
 *   elections list, an election with its accepted and approved nominees, the nominees list, and
 *   a nominee's page with their public nominations;
 * - personal (`private, no-store`): the nomination form (with a preview), the nominee's
 *   accept/decline page behind the mailed invitation link, and the visitor's history at
 *   /users/nominations/.
 * The CMS's nomination rules decide every write; these routes only carry the form and its answer.
 */
import express, { Router, type Request, type Response } from 'express';
import { blankForm, csrfAccepted, csrfRefusal, failureState, flashMessage, formFields, honeypotAccepted, honeypotRefusal, renderAccountPage, type FormState } from '../accounts/accountPages';
import { requireAccount } from '../accounts/requireAccount';
import { HttpError } from '../errors/HttpError';
import { renderSitePage } from '../rendering/renderSitePage';
import type { Services } from '../services/index';
import type { ElectionView, NominationInput } from '../services/nominationService';

const nominationKeys = ['elections', 'nominees', 'nominations'];
const slugShape = /^[A-Za-z0-9_-]{1,200}$/;
const tokenShape = /^n-[A-Za-z0-9_-]{43}$/;
const nominationFields = ['name', 'email', 'employer', 'previousService', 'otherAffiliations', 'statement'] as const;
const acknowledgementFields = ['codeOfConductAcknowledged', 'missionAlignment', 'eligibilityConfirmed'] as const;

/** The statement is up to 10,000 characters; a bigger body is not this form. */
const parseNominationForm = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 30 });

const historyFlash = {
  nominated: 'Your nomination has been submitted. The nominee has been sent a link to accept or decline it.',
  accepted: 'You accepted the nomination. It is listed once PSF staff approve it.',
  declined: 'You declined the nomination.',
};

function windowMessage(election: ElectionView): string {
  switch (election.window) {
    case 'not-yet-open':
      return `Nominations for ${election.name} are not open yet${election.opensAt ? `: they open ${election.opensAt}` : ''}.`;
    case 'closed':
      return `Nominations for ${election.name} are closed.`;
    default:
      return `${election.name} takes no nominations.`;
  }
}

export function createNominationsRouter(services: Pick<Services, 'site' | 'nominations' | 'accounts'>): Router {
  const router = Router();
  const { nominations, accounts } = services;

  async function electionOr404(slug: string): Promise<{ election: ElectionView; nominees: readonly { name: string; slug: string; path: string }[] }> {
    const found = slugShape.test(slug) ? await nominations.election(slug) : null;
    if (found === null) throw new HttpError(404, 'There is no election at this address.');
    return found;
  }

  router.get('/nominations/elections/', async (req, res) => {
    const groups = await nominations.elections();
    await renderSitePage(req, res, services, 'nominations/elections.njk', { groups }, { surrogateKeys: nominationKeys, path: '/nominations/' });
  });

  router.get('/nominations/election/:slug/', async (req, res) => {
    const found = await electionOr404(req.params.slug);
    await renderSitePage(req, res, services, 'nominations/election.njk', found, { surrogateKeys: nominationKeys, path: '/nominations/' });
  });

  router.get('/nominations/elections/:slug/nominees/', async (req, res) => {
    const found = await electionOr404(req.params.slug);
    await renderSitePage(req, res, services, 'nominations/nominees.njk', found, { surrogateKeys: nominationKeys, path: '/nominations/' });
  });

  router.get('/nominations/elections/:slug/nominees/:nominee/', async (req, res) => {
    const found = slugShape.test(req.params.slug) && slugShape.test(req.params.nominee) ? await nominations.nominee(req.params.slug, req.params.nominee) : null;
    if (found === null) throw new HttpError(404, 'There is no nominee at this address.');
    await renderSitePage(req, res, services, 'nominations/nominee.njk', found, { surrogateKeys: nominationKeys, path: '/nominations/' });
  });

  // The nomination form: personal, for signed-in accounts; the CMS admits PSF members only.
  function renderForm(req: Request, res: Response, election: ElectionView, state: FormState, previewHtml = ''): Promise<void> {
    return renderAccountPage(req, res, services, 'nominations/form.njk', { ...state, election, previewHtml, open: election.window === 'open' }, { status: state.status, csrfPaths: [election.formPath] });
  }

  async function formElection(req: Request): Promise<ElectionView> {
    return (await electionOr404(String(req.params.election))).election;
  }

  router.get('/nominations/:election/create/', async (req, res) => {
    const election = await formElection(req);
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    if (election.window !== 'open') {
      await renderForm(req, res, election, { ...blankForm, status: 409, message: windowMessage(election) });
      return;
    }
    await renderForm(req, res, election, blankForm);
  });

  router.post('/nominations/:election/create/', parseNominationForm, async (req, res) => {
    const election = await formElection(req);
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const fields = formFields(req);
    const values: Record<string, string> = Object.fromEntries([...nominationFields.map((name) => [name, fields[name] ?? '']), ...acknowledgementFields.map((name) => [name, fields[name] === 'on' ? 'on' : ''])]);
    // Closed first: whatever else is wrong with the post, the form is not taking nominations.
    if (election.window !== 'open') {
      await renderForm(req, res, election, { ...blankForm, status: 409, values, message: windowMessage(election) });
      return;
    }
    if (!csrfAccepted(req, fields)) {
      await renderForm(req, res, election, { ...blankForm, status: 403, values, message: csrfRefusal });
      return;
    }
    if (!honeypotAccepted(fields)) {
      await renderForm(req, res, election, { ...blankForm, status: 400, values, message: honeypotRefusal });
      return;
    }
    if (fields['preview'] !== undefined) {
      // The CMS renders the preview, as it renders a saved statement: the site holds no markup parser.
      const preview = await nominations.previewStatement(signedIn.session, values.statement ?? '');
      await renderForm(req, res, election, preview.ok ? { ...blankForm, values } : failureState(res, preview, values), preview.ok ? preview.value : '');
      return;
    }
    const input: NominationInput = {
      name: values.name ?? '',
      email: values.email ?? '',
      employer: values.employer ?? '',
      previousService: election.hidePreviousService ? '' : (values.previousService ?? ''),
      otherAffiliations: values.otherAffiliations ?? '',
      statement: values.statement ?? '',
      codeOfConductAcknowledged: values.codeOfConductAcknowledged === 'on',
      missionAlignment: values.missionAlignment === 'on',
      eligibilityConfirmed: values.eligibilityConfirmed === 'on',
    };
    const outcome = await nominations.nominate(signedIn.session, election, input);
    if (!outcome.ok) {
      await renderForm(req, res, election, failureState(res, outcome, values));
      return;
    }
    res.redirect(303, '/users/nominations/?done=nominated');
  });

  // The nominee's page behind the mailed link: sign in (with the account of that address), then answer.
  async function renderRespond(req: Request, res: Response, token: string, session: string, state: FormState): Promise<void> {
    const shown = await nominations.invitation(session, token);
    const context = shown.ok ? { ...state, invitation: shown.value } : { ...state, status: state.status === 200 ? shown.status : state.status, message: state.message ?? shown.message, invitation: null };
    await renderAccountPage(req, res, services, 'nominations/respond.njk', { ...context, token }, { status: context.status, csrfPaths: [`/nominations/respond/${token}/`] });
  }

  router.get('/nominations/respond/:token/', async (req, res) => {
    const token = req.params.token;
    if (!tokenShape.test(token)) throw new HttpError(404, 'This link is not valid: it was used already, has expired, or was mistyped.');
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    await renderRespond(req, res, token, signedIn.session, blankForm);
  });

  router.post('/nominations/respond/:token/', parseNominationForm, async (req, res) => {
    const token = req.params.token;
    if (!tokenShape.test(token)) throw new HttpError(404, 'This link is not valid: it was used already, has expired, or was mistyped.');
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const fields = formFields(req);
    if (!csrfAccepted(req, fields)) {
      await renderRespond(req, res, token, signedIn.session, { ...blankForm, status: 403, message: csrfRefusal });
      return;
    }
    const answer = fields['answer'] === 'accept' || fields['answer'] === 'decline' ? fields['answer'] : null;
    if (answer === null) {
      await renderRespond(req, res, token, signedIn.session, { ...blankForm, status: 400, message: 'Choose to accept or to decline the nomination.' });
      return;
    }
    const outcome = await nominations.invitation(signedIn.session, token, answer);
    if (!outcome.ok) {
      // The link may be spent or the window closed by now: the page says so.
      await renderAccountPage(req, res, services, 'nominations/respond.njk', { ...failureState(res, outcome, {}), invitation: null, token }, { status: outcome.status, csrfPaths: [`/nominations/respond/${token}/`] });
      return;
    }
    res.redirect(303, `/users/nominations/?done=${answer === 'accept' ? 'accepted' : 'declined'}`);
  });

  async function renderHistory(req: Request, res: Response, session: string, accountId: number, state: FormState): Promise<void> {
    const history = await nominations.history(session, accountId);
    await renderAccountPage(req, res, services, 'nominations/history.njk', { ...state, history }, { status: state.status, csrfPaths: ['/users/nominations/'] });
  }

  router.get('/users/nominations/', async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    await renderHistory(req, res, signedIn.session, signedIn.account.id, { ...blankForm, success: flashMessage(req, historyFlash) });
  });

  // The nominee changes their answer while nominations are open (python.org's "Change Acceptance").
  router.post('/users/nominations/:id/answer/', parseNominationForm, async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts, '/users/nominations/');
    if (signedIn === null) return;
    const fields = formFields(req);
    const id = /^[1-9]\d{0,9}$/.test(req.params.id) ? Number(req.params.id) : null;
    const answer = fields['answer'] === 'accept' || fields['answer'] === 'decline' ? fields['answer'] : null;
    if (!csrfAccepted(req, fields)) {
      await renderHistory(req, res, signedIn.session, signedIn.account.id, { ...blankForm, status: 403, message: csrfRefusal });
      return;
    }
    if (id === null || answer === null) {
      await renderHistory(req, res, signedIn.session, signedIn.account.id, { ...blankForm, status: 400, message: 'Choose to accept or to decline one of your nominations.' });
      return;
    }
    const outcome = await nominations.answer(signedIn.session, id, answer === 'accept');
    if (!outcome.ok) {
      await renderHistory(req, res, signedIn.session, signedIn.account.id, failureState(res, outcome, {}));
      return;
    }
    res.redirect(303, `/users/nominations/?done=${answer === 'accept' ? 'accepted' : 'declined'}`);
  });

  return router;
}
