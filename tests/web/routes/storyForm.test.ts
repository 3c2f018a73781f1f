/**
 * The success-story submission form: CSRF double-submit token, honeypot, rate limit and the
 * CMS's field errors, each with a clear message and never cached.
 */
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorySubmissionInput } from '../../../web/src/cms/client';
import { createRateLimiter } from '../../../web/src/forms/rateLimiter';
import { setUpViews } from '../../../web/src/middleware/setUpViews';
import { createStoriesRouter } from '../../../web/src/routes/stories';
import { createApp } from '../../../web/src/app';
import { setUpErrorHandling } from '../../../web/src/middleware/setUpErrorHandling';
import type { Services } from '../../../web/src/services/index';
import { createFakeServices, testConfig } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import { startTestServer, type TestServer } from '../support/startTestServer';

const html = 'text/html; charset=utf-8';
const noCache = 'no-cache, no-store, must-revalidate';

const validStory = {
  name: 'Python at Example',
  companyName: 'Example',
  companyUrl: 'https://example.org/',
  categorySlug: 'arts',
  author: 'Ada',
  authorEmail: 'ada@example.org',
  pullQuote: 'It works.',
  content: 'We *love* it.',
};

describe('/success-stories/create/', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function openForm(services: Services): Promise<{ cookie: string; token: string; response: Response; body: string }> {
    server ??= await startTestApp(services);
    const response = await fetch(`${server.baseUrl}/success-stories/create/`);
    const body = await response.text();
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const token = /name="csrfToken" value="([^"]+)"/.exec(body)?.[1] ?? '';
    return { cookie, token, response, body };
  }

  function post(fields: Record<string, string>, cookie: string): Promise<Response> {
    return fetch(`${server?.baseUrl}/success-stories/create/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams(fields).toString(),
    });
  }

  it('shows the form with a CSRF token and a honeypot, never cached', async () => {
    const { response, body, cookie, token } = await openForm(createFakeServices());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(cookie).toBe(`pydotorg_csrf=${token}`);
    expect(body).toContain('name="website"');
    expect(body).toContain('<option value="arts">Arts</option>');
  });

  it('sends a valid story to the CMS and redirects to a thank-you message', async () => {
    const received: StorySubmissionInput[] = [];
    const services = createFakeServices();
    const { cookie, token } = await openForm({
      ...services,
      stories: { ...services.stories, submit: async (input) => (received.push(input), { ok: true, message: 'Thanks' }) },
    });
    const response = await post({ ...validStory, csrfToken: token, website: '' }, cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/success-stories/create/?submitted=1');
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(received).toEqual([validStory]);
    const thanks = await fetch(`${server?.baseUrl}/success-stories/create/?submitted=1`);
    expect(await thanks.text()).toContain('will be reviewed by the PSF staff');
  });

  it('refuses a post without the matching CSRF token with a 403 and a clear message', async () => {
    const { cookie } = await openForm(createFakeServices());
    const response = await post({ ...validStory, csrfToken: 'forged-token-forged-token-forged-1' }, cookie);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(await response.text()).toContain('Your form session expired');
  });

  it('refuses a filled-in honeypot with a 400', async () => {
    const { cookie, token } = await openForm(createFakeServices());
    const response = await post({ ...validStory, csrfToken: token, website: 'http://spam.example' }, cookie);
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(await response.text()).toContain('leave the field marked');
  });

  it('shows the CMS field errors next to the fields and keeps what was typed', async () => {
    const services = createFakeServices();
    const { cookie, token } = await openForm({
      ...services,
      stories: { ...services.stories, submit: async () => ({ ok: false, status: 400, errors: { companyUrl: 'The company website must be an http(s) address.' } }) },
    });
    const response = await post({ ...validStory, companyUrl: 'nope', csrfToken: token }, cookie);
    const body = await response.text();
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(body).toContain('The company website must be an http(s) address.');
    expect(body).toContain('value="nope"');
    expect(body).toContain('aria-invalid="true"');
  });

  it('limits submissions per address with a 429', async () => {
    const services = createFakeServices();
    const app = express();
    setUpViews(app, testConfig);
    app.use(createStoriesRouter(services, createRateLimiter({ limit: 1, windowMs: 60_000 })));
    setUpErrorHandling(app);
    server = await startTestServer(app);
    const { cookie, token } = await openForm(services);
    expect((await post({ ...validStory, csrfToken: token }, cookie)).status).toBe(303);
    const second = await post({ ...validStory, csrfToken: token }, cookie);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('3600');
    expect(await second.text()).toContain('Too many submissions');
  });

  it('is reachable through the real app', () => {
    expect(createApp(createFakeServices(), testConfig)).toBeTypeOf('function');
  });
});
