import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectSecurityHeaders } from './support/expectSecurityHeaders';
import { createFakeServices } from './support/fakeServices';
import { startTestApp } from './support/startTestApp';
import type { TestServer } from './support/startTestServer';

describe('createApp', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestApp(createFakeServices());
  });

  afterEach(async () => {
    await server.close();
  });

  it('answers an unknown URL with the 404 page, uncached', async () => {
    const response = await fetch(`${server.baseUrl}/no/such/page/`);
    const body = await response.text();

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
    expectSecurityHeaders(response);
    expect(body).toContain('Page not found');
    expect(body).toContain('<html lang="en">');
  });

  it('answers a POST to a page with the 404 page rather than an Express default', async () => {
    const response = await fetch(`${server.baseUrl}/`, { method: 'POST' });

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
  });

  it('serves the stylesheet under /static/ with the public cache profile', async () => {
    const response = await fetch(`${server.baseUrl}/static/css/site.css`);
    const body = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expectSecurityHeaders(response);
    expect(body).toContain('.site-header');
  });

  it('answers a missing static file with the 404 page', async () => {
    const response = await fetch(`${server.baseUrl}/static/css/missing.css`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
  });

  it('does not serve files from outside web/public', async () => {
    const response = await fetch(`${server.baseUrl}/static/..%2F..%2Fpackage.json`);

    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
    expect(await response.text()).not.toContain('"dependencies"');
  });
});
