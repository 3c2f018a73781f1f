import express, { type Express } from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../../../web/src/errors/HttpError';
import { plainHtmlErrorPage } from '../../../web/src/errors/errorHandlers';
import { setUpCacheDefaults } from '../../../web/src/middleware/setUpCacheDefaults';
import { setUpErrorHandling } from '../../../web/src/middleware/setUpErrorHandling';
import { setUpViews } from '../../../web/src/middleware/setUpViews';
import { testConfig } from '../support/fakeServices';
import { startTestServer, type TestServer } from '../support/startTestServer';

const noCache = 'no-cache, no-store, must-revalidate';

/** A minimal app whose routes throw, in front of the real error chain. */
function createThrowingApp({ withViews }: { withViews: boolean }): Express {
  const app = express();
  setUpCacheDefaults(app);
  if (withViews) setUpViews(app, testConfig);
  app.get('/bad-page-number', () => {
    throw new HttpError(400, 'The page number must be a positive integer.');
  });
  app.get('/unknown-release', () => {
    throw new HttpError(404, 'There is no release called "python-9999".');
  });
  app.get('/library-client-error', () => {
    throw Object.assign(new Error('internal parser detail at offset 12'), { status: 413 });
  });
  app.get('/crash', () => {
    throw new Error('database password is hunter2');
  });
  app.get('/crash-mid-response', (_req, res) => {
    res.status(200).type('html').write('<p>partial');
    throw new Error('failed half way');
  });
  setUpErrorHandling(app);
  return app;
}

describe('error handler chain', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
    vi.restoreAllMocks();
  });

  async function get(path: string, options: { withViews: boolean }): Promise<Response> {
    server = await startTestServer(createThrowingApp(options));
    return fetch(`${server.baseUrl}${path}`);
  }

  it('shows an HttpError message with its 4xx status', async () => {
    const response = await get('/bad-page-number', { withViews: true });
    const body = await response.text();

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(body).toContain('The page number must be a positive integer.');
  });

  it('uses the 404 page for an HttpError 404, with its message', async () => {
    const response = await get('/unknown-release', { withViews: true });
    const body = await response.text();

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(body).toContain('Page not found');
    expect(body).toContain('There is no release called &quot;python-9999&quot;.');
  });

  it('keeps the status of other 4xx errors but not their message', async () => {
    const response = await get('/library-client-error', { withViews: true });
    const body = await response.text();

    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(body).toContain('Error 413');
    expect(body).not.toContain('internal parser detail');
  });

  it('falls back to plain HTML when even the 500 template cannot render', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await get('/crash', { withViews: false });
    const body = await response.text();

    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(body).toBe(plainHtmlErrorPage);
    expect(body).not.toContain('hunter2');
  });

  it('cuts the connection when the error happens after the response started', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reading = get('/crash-mid-response', { withViews: true }).then((response) => response.text());

    await expect(reading).rejects.toThrow();
    expect(console.error).toHaveBeenCalledOnce();
  });
});

describe('HttpError', () => {
  it('refuses statuses outside 4xx, so server errors cannot pose as visitor errors', () => {
    expect(() => new HttpError(500, 'no')).toThrow(RangeError);
    expect(() => new HttpError(302, 'no')).toThrow(RangeError);
  });
});
