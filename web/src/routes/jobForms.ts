/**
 * The job board's personal pages at python.org's URLs (issue 12): post a job (/jobs/create/, saved
 * as a draft, then the preview's "Submit for Approval"), "My Submissions" (/jobs/mine/), a posting's
 * preview, edit and remove, and the moderators' review queue (/jobs/review/). Every page needs a
 * signed-in account (requireAccount) and is personal (`private, no-store`, never cached); every
 * form carries a CSRF token on its own paths (never /jobs/ itself, whose pages are public and
 * cached), and the posting form python.org's honeypot. New postings are limited per visitor here
 * and per account and visitor in the CMS. All writes go to the CMS's REST routes as the account,
 * so the collection's access and the job workflow are the one enforcement point; their refusals
 * are shown on the form with the CMS's message and status, never as an error page.
 */
import { Router, type Request, type Response } from 'express';
import type { TrustedProxies } from '../../../lib/throttle/clientAddress';
import { addressBucket } from '../../../lib/throttle/clientAddress';
import { createRateLimiter, type RateLimiter, type ThrottleStore } from '../../../lib/throttle/RateLimiter';
import { visitorAddressOf } from '../accounts/accountFormThrottle';
import {
  csrfAccepted,
  csrfRefusal,
  flashMessage,
  formFields,
  honeypotAccepted,
  honeypotRefusal,
  parseAccountForm,
  renderAccountPage,
  tooManyAttempts,
} from '../accounts/accountPages';
import { requireAccount, type SignedIn } from '../accounts/requireAccount';
import type { JobDoc } from '../cms/types';
import { jobFormInputFromDoc, jobFormInputOf, jobFormProblems } from '../services/jobFormChecks';
import type { JobFailure, JobFormInput, ReviewAction } from '../services/jobPostingService';
import type { Services } from '../services/index';

/** New job postings per visitor address (TRUST_PROXY decides who the visitor is). */
export interface JobFormThrottle {
  readonly limiter: RateLimiter;
  readonly trustedProxies: TrustedProxies;
}

export function jobFormThrottle(perHour: number, trustedProxies: TrustedProxies, store?: ThrottleStore): JobFormThrottle {
  return { limiter: createRateLimiter({ name: 'job-form', limit: perHour, windowMs: 60 * 60 * 1000, store }), trustedProxies };
}

/** States in which the submitter may still change the text (collections/Jobs/workflow.ts SUBMITTER_EDITABLE). */
const editableStates = ['draft', 'review', 'rejected', 'approved'];
/** States from which the submitter sends it for approval from the preview. */
const submittableStates = ['draft', 'rejected'];
const removableStates = ['draft', 'review', 'rejected', 'approved'];

const statusLabels: Readonly<Record<string, string>> = {
  draft: 'Draft: not submitted yet',
  review: 'Waiting for review',
  approved: 'Approved and listed',
  rejected: 'Rejected: edit it and submit it again',
  expired: 'Expired',
  removed: 'Removed',
};

const blankInput: JobFormInput = {
  title: '', companyName: '', category: '', types: [], otherJobType: '', city: '', region: '', country: '',
  description: '', requirements: '', companyDescription: '', contactName: '', email: '', url: '', remote: false, agencies: true,
};

const mineFlash = {
  submitted: 'Thank you for filing a new job posting! The job board team will review it, and you will get an email when it is approved or if it needs changes.',
  removed: 'The job posting was removed.',
};
const previewFlash = {
  created: 'Your posting is saved as a draft. Check it below, then submit it for approval (or edit it first).',
  saved: 'Your changes are saved.',
};
const reviewFlash = {
  comment: 'Your comment was saved and sent to the submitter.',
  approve: 'The job is approved and listed.',
  reject: 'The job is rejected; the submitter was told.',
};

/** `:id` as a job id, or null (the route then falls through). */
function jobIdOf(req: Request): number | null {
  const raw = req.params['id'];
  return typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

function pageOf(req: Request): number | null {
  const raw = req.query['page'];
  if (raw === undefined) return 1;
  return typeof raw === 'string' && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null;
}

export function createJobFormsRouter(
  services: Pick<Services, 'site' | 'accounts' | 'jobs' | 'jobPostings'>,
  throttle: JobFormThrottle = jobFormThrottle(5, { kind: 'none' }),
): Router {
  const router = Router();
  const { accounts, jobPostings } = services;

  const render = (req: Request, res: Response, view: string, context: Readonly<Record<string, unknown>>, status = 200, csrfPaths?: readonly [string, ...string[]]) =>
    renderAccountPage(req, res, services, view, context, { status, csrfPaths: csrfPaths ?? [req.path] });

  /** A personal page that is not there (not the account's, or unknown): a 404 in the site's personal shape. */
  const notYours = (req: Request, res: Response) =>
    render(req, res, 'jobs/notice.njk', { heading: 'Job not found', message: 'There is no such job among your postings.' }, 404);

  async function renderForm(req: Request, res: Response, options: { input: JobFormInput; jobId: number | null; status?: number; message?: string | null; errors?: Readonly<Record<string, string>> }): Promise<void> {
    const choices = await services.jobs.choices();
    const action = options.jobId === null ? '/jobs/create/' : `/jobs/${options.jobId}/edit/`;
    await render(req, res, 'jobs/form.njk', {
      values: options.input,
      errors: options.errors ?? {},
      message: options.message ?? null,
      success: null,
      choices,
      action,
      editing: options.jobId !== null,
    }, options.status ?? 200, [action]);
  }

  /** CSRF first (403), then the honeypot (400); the form is shown again with what was typed. */
  async function formAdmitted(req: Request, res: Response, input: JobFormInput, jobId: number | null): Promise<boolean> {
    const fields = formFields(req);
    if (!csrfAccepted(req, fields)) {
      await renderForm(req, res, { input, jobId, status: 403, message: csrfRefusal });
      return false;
    }
    if (!honeypotAccepted(fields)) {
      await renderForm(req, res, { input, jobId, status: 400, message: honeypotRefusal });
      return false;
    }
    const problems = jobFormProblems(input);
    if (Object.keys(problems).length > 0) {
      await renderForm(req, res, { input, jobId, status: 400, message: 'Please correct the fields marked below.', errors: problems });
      return false;
    }
    return true;
  }

  function failureMessage(res: Response, failure: JobFailure): string {
    if (failure.status !== 429) return failure.message;
    const seconds = failure.retryAfterSeconds ?? 3600;
    res.set('Retry-After', String(seconds));
    return tooManyAttempts(seconds);
  }

  /** The account's own job for a route with `:id`, or null after answering (sign-in redirect or 404). */
  async function ownJob(req: Request, res: Response): Promise<{ signedIn: SignedIn; job: JobDoc } | null> {
    const id = jobIdOf(req);
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return null;
    const job = id === null ? null : await jobPostings.own(signedIn.session, signedIn.account.id, id);
    if (job === null) {
      await notYours(req, res);
      return null;
    }
    return { signedIn, job };
  }

  // Post a job ---------------------------------------------------------------------------------
  router.get('/jobs/create/', async (req, res) => {
    if ((await requireAccount(req, res, accounts)) === null) return;
    await renderForm(req, res, { input: blankInput, jobId: null });
  });

  router.post('/jobs/create/', parseAccountForm, async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const input = jobFormInputOf(req.body);
    if (!(await formAdmitted(req, res, input, null))) return;
    const visitor = visitorAddressOf(req, throttle.trustedProxies);
    const decision = await throttle.limiter.hit(addressBucket(visitor));
    if (!decision.allowed) {
      res.set('Retry-After', String(decision.retryAfterSeconds));
      await renderForm(req, res, { input, jobId: null, status: 429, message: tooManyAttempts(decision.retryAfterSeconds) });
      return;
    }
    const outcome = await jobPostings.create(signedIn.session, input, visitor);
    if (!outcome.ok) {
      await renderForm(req, res, { input, jobId: null, status: outcome.status, message: failureMessage(res, outcome), errors: outcome.errors });
      return;
    }
    res.redirect(303, `/jobs/${outcome.value.id}/preview/?done=created`);
  });

  // My submissions -----------------------------------------------------------------------------
  router.get('/jobs/mine/', async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const page = pageOf(req);
    const mine = page === null ? null : await jobPostings.mine(signedIn.session, signedIn.account.id, page);
    if (mine === null) {
      await render(req, res, 'jobs/notice.njk', { heading: 'My Submissions', message: 'There is no such page of your postings.' }, 404);
      return;
    }
    const jobs = mine.jobs.map((job) => ({ id: job.id, title: job.title, companyName: job.companyName, status: job.status ?? '', statusLabel: statusLabels[job.status ?? ''] ?? job.status, editable: editableStates.includes(job.status ?? '') }));
    await render(req, res, 'jobs/mine.njk', { jobs, mine, success: flashMessage(req, mineFlash), message: null, errors: {} });
  });

  // Preview, submit for approval, edit, remove ---------------------------------------------------
  router.get('/jobs/:id/preview/', async (req, res, next) => {
    if (jobIdOf(req) === null) return next();
    const found = await ownJob(req, res);
    if (found === null) return;
    await renderPreview(req, res, found.job, 200, null, flashMessage(req, previewFlash));
  });

  async function renderPreview(req: Request, res: Response, job: JobDoc, status: number, message: string | null, success: string | null): Promise<void> {
    const detail = await services.jobs.describe(job);
    const state = job.status ?? '';
    await render(req, res, 'jobs/preview.njk', {
      job: detail,
      status: state,
      statusLabel: statusLabels[state] ?? state,
      editable: editableStates.includes(state),
      submittable: submittableStates.includes(state),
      removable: removableStates.includes(state),
      message,
      success,
      errors: {},
    }, status, [`/jobs/${job.id}/preview/`, `/jobs/${job.id}/remove/`]);
  }

  router.post('/jobs/:id/preview/', parseAccountForm, async (req, res, next) => {
    if (jobIdOf(req) === null) return next();
    const found = await ownJob(req, res);
    if (found === null) return;
    if (!csrfAccepted(req, formFields(req))) {
      await renderPreview(req, res, found.job, 403, csrfRefusal, null);
      return;
    }
    const outcome = await jobPostings.move(found.signedIn.session, found.job.id, 'review');
    if (!outcome.ok) {
      await renderPreview(req, res, found.job, outcome.status, failureMessage(res, outcome), null);
      return;
    }
    res.redirect(303, '/jobs/mine/?done=submitted');
  });

  router.post('/jobs/:id/remove/', parseAccountForm, async (req, res, next) => {
    if (jobIdOf(req) === null) return next();
    const found = await ownJob(req, res);
    if (found === null) return;
    if (!csrfAccepted(req, formFields(req))) {
      await renderPreview(req, res, found.job, 403, csrfRefusal, null);
      return;
    }
    const outcome = await jobPostings.move(found.signedIn.session, found.job.id, 'removed');
    if (!outcome.ok) {
      await renderPreview(req, res, found.job, outcome.status, failureMessage(res, outcome), null);
      return;
    }
    res.redirect(303, '/jobs/mine/?done=removed');
  });

  router.get('/jobs/:id/edit/', async (req, res, next) => {
    if (jobIdOf(req) === null) return next();
    const found = await ownJob(req, res);
    if (found === null) return;
    await renderForm(req, res, { input: jobFormInputFromDoc(found.job), jobId: found.job.id, message: editableStates.includes(found.job.status ?? '') ? null : 'This job can no longer be edited.' });
  });

  router.post('/jobs/:id/edit/', parseAccountForm, async (req, res, next) => {
    if (jobIdOf(req) === null) return next();
    const found = await ownJob(req, res);
    if (found === null) return;
    const input = jobFormInputOf(req.body);
    if (!(await formAdmitted(req, res, input, found.job.id))) return;
    const outcome = await jobPostings.update(found.signedIn.session, found.job.id, input);
    if (!outcome.ok) {
      await renderForm(req, res, { input, jobId: found.job.id, status: outcome.status, message: failureMessage(res, outcome), errors: outcome.errors });
      return;
    }
    res.redirect(303, `/jobs/${found.job.id}/preview/?done=saved`);
  });

  // The moderators' review queue -----------------------------------------------------------------
  async function renderQueue(req: Request, res: Response, signedIn: SignedIn, status: number, message: string | null): Promise<void> {
    const queue = await jobPostings.reviewQueue(signedIn.session);
    if (!queue.ok) {
      await render(req, res, 'jobs/notice.njk', { heading: 'Review queue', message: queue.message }, queue.status);
      return;
    }
    const entries = await Promise.all(queue.value.entries.map(async (entry) => ({ job: await services.jobs.describe(entry.job), comments: entry.comments })));
    await render(req, res, 'jobs/review.njk', { queue: queue.value, entries, message, success: status === 200 ? flashMessage(req, reviewFlash) : null, errors: {} }, status);
  }

  router.get('/jobs/review/', async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    await renderQueue(req, res, signedIn, 200, null);
  });

  router.post('/jobs/review/', parseAccountForm, async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const fields = formFields(req);
    if (!csrfAccepted(req, fields)) {
      await renderQueue(req, res, signedIn, 403, csrfRefusal);
      return;
    }
    const id = fields['job_id'] ?? '';
    const action = fields['action'] ?? '';
    if (!/^[1-9]\d{0,9}$/.test(id) || !['comment', 'approve', 'reject'].includes(action)) {
      await renderQueue(req, res, signedIn, 400, 'Choose a job and comment, approve or reject.');
      return;
    }
    const outcome = await jobPostings.review(signedIn.session, Number(id), action as ReviewAction, fields['comment'] ?? '');
    if (!outcome.ok) {
      await renderQueue(req, res, signedIn, outcome.status, failureMessage(res, outcome));
      return;
    }
    res.redirect(303, `/jobs/review/?done=${action}`);
  });

  return router;
}
