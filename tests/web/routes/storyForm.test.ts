/**
 * The success-story submission form: CSRF double-submit token, honeypot, rate limit and the
 * CMS's field errors, each with a clear message and never cached.
 */
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorySubmissionInput } from '../../../web/src/cms/client';
import { parseTrustedProxies } from '../../../lib/throttle/clientAddress';
import { setUpViews } from '../../../web/src/middleware/setUpViews';
import { createStoriesRouter, storyFormThrottle, type StoryFormThrottle } from '../../../web/src/routes/stories';
import { createApp } from '../../../web/src/app';
import { setUpErrorHandling } from '../../../web/src/middleware/setUpErrorHandling';
import type { Services } from '../../../web/src/services/index';
import { createFakeServices, testConfig } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import { startTestServer, type TestServer } from '../support/startTestServer';
import { validStory } from '../support/validStory';

const html = 'text/html; charset=utf-8';
const noCache = 'no-cache, no-store, must-revalidate';


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

  async function startWithThrottle(services: Services, throttle: StoryFormThrottle): Promise<void> {
    const app = express();
    setUpViews(app, testConfig);
    app.use(createStoriesRouter(services, throttle));
    setUpErrorHandling(app);
    server = await startTestServer(app);
  }

  /** The fake CMS, recording what reaches it. */
  function recordingServices(answer?: Awaited<ReturnType<Services['stories']['submit']>>) {
    const services = createFakeServices();
    const received: { input: StorySubmissionInput; visitorAddress: string | undefined }[] = [];
    const stories = {
      ...services.stories,
      submit: async (input: StorySubmissionInput, visitorAddress?: string) => {
        received.push({ input, visitorAddress });
        return answer ?? { ok: true as const, message: 'Thanks' };
      },
    };
    return { services: { ...services, stories }, received };
  }

  it('limits submissions per address with a 429 and the wait, and sends nothing to the CMS', async () => {
    const { services, received } = recordingServices();
    await startWithThrottle(services, storyFormThrottle(1, parseTrustedProxies(undefined)));
    const { cookie, token } = await openForm(services);
    expect((await post({ ...validStory, csrfToken: token }, cookie)).status).toBe(303);
    const second = await post({ ...validStory, csrfToken: token }, cookie);
    expect(second.status).toBe(429);
    expect(second.headers.get('content-type')).toBe(html);
    expect(second.headers.get('cache-control')).toBe(noCache);
    // The first submission's hour has (almost) all of it to run.
    const retryAfter = Number(second.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(2 * 3600);
    const body = await second.text();
    expect(body).toContain('Too many submissions from your address. Please try again in');
    expect(body).toContain('value="Python at Example"');
    expect(received).toHaveLength(1);
  });

  it('counts the connection, not X-Forwarded-For, when TRUST_PROXY is unset', async () => {
    const { services, received } = recordingServices();
    await startWithThrottle(services, storyFormThrottle(1, parseTrustedProxies(undefined)));
    const { cookie, token } = await openForm(services);
    const as = (address: string) => ({ 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-forwarded-for': address });
    const send = (address: string) =>
      fetch(`${server?.baseUrl}/success-stories/create/`, { method: 'POST', redirect: 'manual', headers: as(address), body: new URLSearchParams({ ...validStory, csrfToken: token }).toString() });
    expect((await send('203.0.113.1')).status).toBe(303);
    expect((await send('203.0.113.2')).status).toBe(429);
    expect(received.map((entry) => entry.visitorAddress)).toEqual(['127.0.0.1']);
  });

  it('counts the visitor named by a trusted proxy, and tells the CMS who it is', async () => {
    const { services, received } = recordingServices();
    await startWithThrottle(services, storyFormThrottle(1, parseTrustedProxies('loopback')));
    const { cookie, token } = await openForm(services);
    const send = (address: string) =>
      fetch(`${server?.baseUrl}/success-stories/create/`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-forwarded-for': address },
        body: new URLSearchParams({ ...validStory, csrfToken: token }).toString(),
      });
    expect((await send('203.0.113.1')).status).toBe(303);
    expect((await send('203.0.113.2')).status).toBe(303);
    expect((await send('203.0.113.1')).status).toBe(429);
    expect(received.map((entry) => entry.visitorAddress)).toEqual(['203.0.113.1', '203.0.113.2']);
  });

  it("passes the CMS's own 429 on with its Retry-After", async () => {
    const { services } = recordingServices({ ok: false, status: 429, errors: { body: 'Too many requests' }, retryAfterSeconds: 1200 });
    await startWithThrottle(services, storyFormThrottle(5, parseTrustedProxies(undefined)));
    const { cookie, token } = await openForm(services);
    const response = await post({ ...validStory, csrfToken: token }, cookie);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1200');
    expect(await response.text()).toContain('Too many submissions from your address. Please try again in 20 minutes.');
  });

  it('is reachable through the real app', () => {
    expect(createApp(createFakeServices(), testConfig)).toBeTypeOf('function');
  });
});
