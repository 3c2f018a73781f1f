import { afterEach, describe, expect, it, vi } from 'vitest';
import { CmsUnavailableError } from '../../../web/src/cms/errors';
import type { Services } from '../../../web/src/services/index';
import { expectSecurityHeaders } from '../support/expectSecurityHeaders';
import { createFakeServices } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';

describe('GET /', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
    vi.restoreAllMocks();
  });

  async function getHome(services: Services): Promise<Response> {
    server = await startTestApp(services);
    return fetch(`${server.baseUrl}/`);
  }

  it('names the latest Python 3 release and links to its page', async () => {
    const response = await getHome(createFakeServices());
    const body = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expectSecurityHeaders(response);
    expect(body).toContain('Download Python 3.14.7');
    expect(body).toContain('href="/downloads/release/python-3147/"');
    expect(body).toContain('<html lang="en">');
    expect(body).toContain('href="#content"');
    expect(body).toContain('<main id="content"');
    expect(body).toContain('href="/static/css/site.css"');
  });

  it('keeps the page inline-script and inline-style free, as the CSP requires', async () => {
    const body = await (await getHome(createFakeServices())).text();

    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(body).not.toMatch(/<style[\s>]/i);
    expect(body).not.toMatch(/\sstyle="/i);
  });

  it('escapes CMS text instead of injecting it as markup', async () => {
    const services = createFakeServices({
      releases: {
        latestPython3: async () => ({
          name: 'Python <script>alert(1)</script>',
          slug: 'x',
          path: '/downloads/release/x/',
          releaseDate: null,
        }),
      },
    });
    const body = await (await getHome(services)).text();

    expect(body).toContain('Python &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).not.toContain('<script>alert(1)</script>');
  });

  it('renders without the download widget when no release is flagged latest', async () => {
    const response = await getHome(createFakeServices({ releases: { latestPython3: async () => null } }));
    const body = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(body).toContain('Get Started');
    expect(body).not.toContain('Download Python');
    expect(body).not.toContain('/downloads/release/');
  });

  it('answers 503, uncached, with a clear message when the CMS is unreachable', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const services = createFakeServices({
      releases: {
        latestPython3: async () => {
          throw new CmsUnavailableError('GET /api/releases timed out after 5000 ms', '/api/releases');
        },
      },
    });
    const response = await getHome(services);
    const body = await response.text();

    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
    expect(response.headers.get('retry-after')).toBe('30');
    expectSecurityHeaders(response);
    expect(body).toContain('Temporarily unavailable');
    expect(body).toContain('cannot reach its content service');
    expect(body).not.toContain('timed out');
    expect(console.warn).toHaveBeenCalledOnce();
  });

  it('answers 500 without leaking the error message or stack when a service throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const services = createFakeServices({
      releases: {
        latestPython3: async () => {
          throw new Error('secret-connection-string postgres://admin:hunter2@db');
        },
      },
    });
    const response = await getHome(services);
    const body = await response.text();

    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
    expectSecurityHeaders(response);
    expect(body).toContain('Something went wrong');
    expect(body).not.toContain('secret-connection-string');
    expect(body).not.toContain('hunter2');
    expect(body).not.toMatch(/\bat .+\.(ts|js):\d+/);
    expect(console.error).toHaveBeenCalledOnce();
  });
});
