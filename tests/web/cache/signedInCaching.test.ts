/**
 * Signed-in visitors and the page cache (issue 11): public pages stay the same bytes for
 * everyone and keep coming from the cache when the request carries the session cookie, and no
 * personal page is ever stored, so a later anonymous request can never get a visitor's bytes.
 * The real app (fake services) behind the real caching handler.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../web/src/app';
import { sessionCookieName } from '../../../web/src/accounts/sessionCookie';
import { cookiesBypassingCache } from '../../../web/src/cache/cookiesBypassingCache';
import { createFakeAccountService, knownPassword } from '../support/fakeAccountService';
import { createFakeServices, testConfig } from '../support/fakeServices';
import { startCachingServer, type CachingTestServer } from './cachingTestServer';
import { rawRequest } from './rawRequest';

let server: CachingTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The app behind the cache, and a session of guido's made through the real sign-in form. */
async function startSignedIn(): Promise<{ server: CachingTestServer; session: string }> {
  const accounts = createFakeAccountService();
  server = await startCachingServer(createApp(createFakeServices({ accounts }), testConfig));
  const form = await rawRequest(server.baseUrl, '/accounts/login/');
  const csrfCookie = (form.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ');
  const token = /name="csrfToken" value="([^"]+)"/.exec(form.body.toString())?.[1] ?? '';
  const signIn = await rawRequest(server.baseUrl, '/accounts/login/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken: token, login: 'guido', password: knownPassword }).toString(),
  });
  expect(signIn.status).toBe(303);
  const session = (signIn.headers['set-cookie'] ?? []).find((line) => line.startsWith(`${sessionCookieName}=`))?.split(';')[0] ?? '';
  expect(session).toMatch(/^pydotorg_session=.{16,}/);
  return { server, session };
}

describe('public pages with and without the session cookie', () => {
  it('keeps the session cookie out of the cookies that bypass the cache', () => {
    expect(cookiesBypassingCache).not.toContain(sessionCookieName);
  });

  it.each(['/', '/downloads/', '/users/guido/'])('%s is byte-identical for a signed-in visitor, and a cache hit', async (path) => {
    const { server, session } = await startSignedIn();
    const anonymous = await rawRequest(server.baseUrl, path);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers['x-cache']).toBe('MISS');
    expect(anonymous.headers['cache-control']).toBe('public, max-age=300');
    expect(anonymous.headers['vary'] ?? '').not.toMatch(/cookie/i);
    const signedIn = await rawRequest(server.baseUrl, path, { headers: { cookie: `_ga=1; ${session}` } });
    expect(signedIn.headers['x-cache']).toBe('HIT');
    expect(signedIn.body.equals(anonymous.body)).toBe(true);
    expect(signedIn.body.toString()).not.toContain('guido@example.org');
  });

  it('renders the signed-in first visitor the same bytes an anonymous visitor then gets from the cache', async () => {
    const { server, session } = await startSignedIn();
    const signedIn = await rawRequest(server.baseUrl, '/', { headers: { cookie: session } });
    expect(signedIn.headers['x-cache']).toBe('MISS');
    expect(signedIn.headers['set-cookie']).toBeUndefined();
    const anonymous = await rawRequest(server.baseUrl, '/');
    expect(anonymous.headers['x-cache']).toBe('HIT');
    expect(anonymous.body.equals(signedIn.body)).toBe(true);
    // The header's widget slot is the signed-out default for everyone.
    expect(anonymous.body.toString()).toContain('data-account-widget');
    expect(anonymous.body.toString()).toContain('<script src="/static/js/account.js" defer></script>');
  });
});

describe('personal pages are never stored', () => {
  it.each(['/users/edit/', '/accounts/email/', '/accounts/password/change/', '/authenticated'])('%s: the session sees its page, then an anonymous request never does', async (path) => {
    const { server, session } = await startSignedIn();
    const entries = server.cache.size;
    const personal = await rawRequest(server.baseUrl, path, { headers: { cookie: session } });
    expect(personal.status).toBe(200);
    expect(personal.headers['cache-control']).toBe('private, no-store');
    expect(personal.headers['vary']).toBe('Cookie');
    expect(personal.headers['x-cache']).toBeUndefined();
    if (path !== '/accounts/password/change/') expect(personal.body.toString()).toContain('guido');
    expect(server.cache.size).toBe(entries);
    const anonymous = await rawRequest(server.baseUrl, path);
    expect(anonymous.headers['x-cache']).toBeUndefined();
    expect(anonymous.body.equals(personal.body)).toBe(false);
    expect(anonymous.body.toString()).not.toContain('guido@example.org');
    if (path !== '/authenticated') {
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers['location']).toBe(`/accounts/login/?next=${encodeURIComponent(path)}`);
    } else {
      expect(JSON.parse(anonymous.body.toString())).toMatchObject({ signedIn: false });
    }
    expect(server.cache.size).toBe(entries);
  });

  it('keeps the query of account pages (the cache key would trim ?next= and ?done=)', async () => {
    const { server } = await startSignedIn();
    const login = await rawRequest(server.baseUrl, '/accounts/login/?next=%2Fusers%2Fedit%2F&done=verified');
    expect(login.body.toString()).toContain('name="next" value="/users/edit/"');
    expect(login.body.toString()).toContain('Your email address is confirmed.');
  });

  it('sends the nomination pages past the cache: the history keeps its ?done= flash, the form and the invitation page are never stored (issue 13)', async () => {
    const { server, session } = await startSignedIn();
    const history = await rawRequest(server.baseUrl, '/users/nominations/?done=nominated', { headers: { cookie: session } });
    expect(history.status).toBe(200);
    expect(history.headers['cache-control']).toBe('private, no-store');
    expect(history.body.toString()).toContain('Your nomination has been submitted.');
    const entries = server.cache.size;
    for (const path of ['/nominations/board/create/', `/nominations/respond/n-${'a'.repeat(43)}/`]) {
      const answer = await rawRequest(server.baseUrl, path, { headers: { cookie: session } });
      expect(answer.headers['x-cache'], path).toBeUndefined();
    }
    expect(server.cache.size).toBe(entries);
  });
});
