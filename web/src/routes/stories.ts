/**
 * Success stories, python.org's URLs: the landing page, categories, one story, and the public
 * submission form at /success-stories/create/ (CSRF token, honeypot, rate limit; the CMS keeps
 * the story as a draft for the moderators). The form is never cached: it carries a token.
 */
import express, { Router, type Request, type Response } from 'express';
import type { StorySubmissionInput } from '../cms/client';
import { HttpError } from '../errors/HttpError';
import { csrfFieldName, csrfTokenMatches, issueCsrfToken } from '../forms/csrfToken';
import { createRateLimiter, type RateLimiter } from '../forms/rateLimiter';
import { renderSitePage } from '../rendering/renderSitePage';
import type { Services } from '../services/index';

const storyKeys = ['success-stories', 'story-categories', 'media'];
const formFields = ['name', 'companyName', 'companyUrl', 'categorySlug', 'author', 'authorEmail', 'pullQuote', 'content'] as const;
/** The honeypot: hidden from people by CSS, filled in by bots. */
const honeypotField = 'website';

export function createStoriesRouter(
  services: Pick<Services, 'stories' | 'site'>,
  limiter: RateLimiter = createRateLimiter({ limit: 5, windowMs: 60 * 60 * 1000 }),
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

  router.get('/success-stories/', async (req, res) => {
    const landing = await services.stories.landing();
    await renderSitePage(req, res, services, 'stories/index.njk', { landing }, { surrogateKeys: storyKeys });
  });

  router.get('/success-stories/create/', async (req, res) => {
    const success = req.query['submitted'] === '1' ? 'Thank you: your story will be reviewed by the PSF staff and published.' : null;
    await renderForm(req, res, { status: 200, values: {}, errors: {}, message: null, success });
  });

  router.post('/success-stories/create/', express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 }), async (req, res) => {
    const body: Record<string, unknown> = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
    const values = Object.fromEntries(formFields.map((field) => [field, typeof body[field] === 'string' ? body[field] : '']));
    if (!csrfTokenMatches(req, body[csrfFieldName])) {
      await renderForm(req, res, { status: 403, values, errors: {}, message: 'Your form session expired or was not sent with the form. Please submit the form again.', success: null });
      return;
    }
    if (typeof body[honeypotField] === 'string' && body[honeypotField] !== '') {
      await renderForm(req, res, { status: 400, values, errors: {}, message: 'The form could not be accepted: leave the field marked "leave empty" empty.', success: null });
      return;
    }
    if (!limiter.allow(req.ip ?? 'unknown')) {
      res.set('Retry-After', '3600');
      await renderForm(req, res, { status: 429, values, errors: {}, message: 'Too many submissions from your address. Please try again in an hour.', success: null });
      return;
    }
    const result = await services.stories.submit(values as unknown as StorySubmissionInput);
    if (result.ok) {
      // Post/redirect/get: a reload does not submit the story twice.
      res.redirect(303, '/success-stories/create/?submitted=1');
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
