/**
 * Success stories, python.org's URLs: the landing page, categories, one story, and the public
 * submission form at /success-stories/create/ (CSRF token, honeypot, rate limit; the CMS keeps
 * the story as a draft for the moderators). The form is never cached: it carries a token.
 */
import express, { Router, type Request, type Response } from 'express';
import type { StorySubmissionInput } from '../cms/client';
import { HttpError } from '../errors/HttpError';
import { z } from 'zod';
import { csrfFieldName, csrfTokenMatches, issueCsrfToken } from '../forms/csrfToken';
import { formText, postedBody, postedForm } from '../forms/postedForm';
import { addressBucket, clientAddressOf, type TrustedProxies } from '../../../lib/throttle/clientAddress';
import { createRateLimiter, type RateLimiter, type ThrottleStore } from '../../../lib/throttle/RateLimiter';
import { renderSitePage } from '../rendering/renderSitePage';
import type { Services } from '../services/index';

const storyKeys = ['success-stories', 'story-categories', 'media'];
const storyForm = postedForm({
  name: formText,
  companyName: formText,
  companyUrl: formText,
  categorySlug: formText,
  author: formText,
  authorEmail: formText,
  pullQuote: formText,
  content: formText,
}) satisfies z.ZodType<StorySubmissionInput>;
/** The honeypot: hidden from people by CSS, filled in by bots. */
const honeypotField = 'website';

/** The form's limit per visitor address, as TRUST_PROXY lets this renderer see the visitor. */
export interface StoryFormThrottle {
  readonly limiter: RateLimiter;
  readonly trustedProxies: TrustedProxies;
}

/**
 * `perHour` submissions per visitor (an IPv6 visitor per /64): in `store` when given (Redis, with
 * REDIS_URL: one budget across every renderer process and machine), else per renderer process.
 */
export function storyFormThrottle(perHour: number, trustedProxies: TrustedProxies, store?: ThrottleStore): StoryFormThrottle {
  return { limiter: createRateLimiter({ name: 'story-form', limit: perHour, windowMs: 60 * 60 * 1000, store }), trustedProxies };
}

function inMinutes(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? 'a minute' : `${minutes} minutes`;
}

export function createStoriesRouter(
  services: Pick<Services, 'stories' | 'site'>,
  throttle: StoryFormThrottle = storyFormThrottle(5, { kind: 'none' }),
): Router {
  const router = Router();

  async function renderForm(
    req: Request,
    res: Response,
    state: { status: number; values: Partial<Record<string, string>>; errors: Readonly<Record<string, string>>; message: string | null; success: string | null },
  ): Promise<void> {
    const categories = await services.stories.categories();
    const csrfToken = issueCsrfToken(req, res);
    await renderSitePage(req, res, services, 'stories/create.njk', { ...state, categories, csrfToken, csrfFieldName, honeypotField }, {
      surrogateKeys: ['story-categories'],
      cacheProfile: 'noCache',
      status: state.status,
    });
  }

  /** A 429 that keeps what was typed; nothing was stored. */
  async function renderTooManySubmissions(req: Request, res: Response, values: Partial<Record<string, string>>, retryAfterSeconds: number): Promise<void> {
    res.set('Retry-After', String(retryAfterSeconds));
    const message = `Too many submissions from your address. Please try again in ${inMinutes(retryAfterSeconds)}.`;
    await renderForm(req, res, { status: 429, values, errors: {}, message, success: null });
  }

  router.get('/success-stories/', async (req, res) => {
    const landing = await services.stories.landing();
    await renderSitePage(req, res, services, 'stories/index.njk', { landing }, { surrogateKeys: storyKeys });
  });

  router.get('/success-stories/create/', async (req, res) => {
    const success = req.query['submitted'] === '1' ? 'Thank you: your story will be reviewed by the PSF staff and published.' : null;
    await renderForm(req, res, { status: 200, values: {}, errors: {}, message: null, success });
  });

  router.post('/success-stories/create/', express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 }), async (req, res) => {
    const body = postedBody.parse(req.body);
    const values = storyForm.parse(body);
    if (!csrfTokenMatches(req, body[csrfFieldName])) {
      await renderForm(req, res, { status: 403, values, errors: {}, message: 'Your form session expired or was not sent with the form. Please submit the form again.', success: null });
      return;
    }
    if (typeof body[honeypotField] === 'string' && body[honeypotField] !== '') {
      await renderForm(req, res, { status: 400, values, errors: {}, message: 'The form could not be accepted: leave the field marked "leave empty" empty.', success: null });
      return;
    }
    const visitor = clientAddressOf(req.socket.remoteAddress, req.headers['x-forwarded-for'], throttle.trustedProxies);
    const decision = await throttle.limiter.hit(addressBucket(visitor));
    if (!decision.allowed) {
      await renderTooManySubmissions(req, res, values, decision.retryAfterSeconds);
      return;
    }
    const result = await services.stories.submit(values, visitor);
    if (result.ok) {
      // Post/redirect/get: a reload does not submit the story twice.
      res.redirect(303, '/success-stories/create/?submitted=1');
      return;
    }
    if (result.status === 429) {
      // The CMS's own limit (per visitor when it trusts this renderer, else per renderer).
      await renderTooManySubmissions(req, res, values, result.retryAfterSeconds ?? 3600);
      return;
    }
    const status = result.status === 409 ? 409 : 400;
    await renderForm(req, res, { status, values, errors: result.errors, message: 'Please correct the fields marked below.', success: null });
  });

  router.get('/success-stories/category/:slug/', async (req, res) => {
    const category = await services.stories.category(req.params.slug);
    if (category === null) throw new HttpError(404, 'There is no success-story category at this address.');
    await renderSitePage(req, res, services, 'stories/category.njk', category, { surrogateKeys: storyKeys, path: '/success-stories/' });
  });

  router.get('/success-stories/:slug/', async (req, res) => {
    const story = await services.stories.story(req.params.slug);
    if (story === null) throw new HttpError(404, 'There is no published success story at this address.');
    await renderSitePage(req, res, services, 'stories/story.njk', { story }, { surrogateKeys: storyKeys, path: '/success-stories/' });
  });

  return router;
}
