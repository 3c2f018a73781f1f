import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSecurityHeaders } from '../support/expectSecurityHeaders';
import { createFakeServices } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';

describe('addresses no page can have', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestApp(createFakeServices());
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers a NUL or other control character in the path with the 404 page, before any CMS lookup', async () => {
    for (const path of ['/downloads/release/%00/', '/success-stories/a%00b/', '/about/%0d%0aSet-Cookie:%20x=1/', '/%7F/']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
      expect(response.headers.get('set-cookie')).toBeNull();
      expectSecurityHeaders(response);
      expect(await response.text()).toContain('control characters');
    }
  });

  it('answers %-escapes that do not spell UTF-8 (overlong, lone surrogates, truncated) with a 400 page', async () => {
    for (const path of ['/%C0%AE%C0%AE/', '/%ED%A0%80/', '/about/%E0%A4%A/', '/%FF/']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status, path).toBe(400);
      expect(await response.text()).toContain('do not spell UTF-8');
    }
  });
});
