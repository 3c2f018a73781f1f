/**
 * /users/edit/, /users/<name>/delete/ and public profiles /users/<name>/ (issue 11), and the
 * header widget's /authenticated, on the real app with an in-memory AccountService.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../web/src/app';
import { CmsUnavailableError } from '../../../web/src/cms/errors';
import { sessionCookieName } from '../../../web/src/accounts/sessionCookie';
import { createAccountBrowser, type AccountBrowser } from '../support/accountBrowser';
import { createFakeAccountService, knownPassword, type FakeAccounts } from '../support/fakeAccountService';
import { createFakeServices, testConfig } from '../support/fakeServices';
import { startTestServer, type TestServer } from '../support/startTestServer';

const html = 'text/html; charset=utf-8';
const personal = 'private, no-store';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(accounts: FakeAccounts = createFakeAccountService()): Promise<{ browser: AccountBrowser; accounts: FakeAccounts }> {
  server = await startTestServer(createApp(createFakeServices({ accounts }), testConfig));
  return { browser: createAccountBrowser(server.baseUrl), accounts };
}

async function signedIn(accounts?: FakeAccounts): Promise<{ browser: AccountBrowser; accounts: FakeAccounts }> {
  const started = await start(accounts);
  expect((await started.browser.submit('/accounts/login/', { login: 'guido', password: knownPassword })).response.status).toBe(303);
  return started;
}

const profileForm = { username: 'guido', firstName: 'Guido', lastName: 'van Rossum', bio: 'BDFL emeritus', location: 'Belmont', publicProfile: 'on', searchVisibility: 'on', emailPrivacy: 'nobody' };

describe('/users/edit/', () => {
  it('sends an anonymous visitor to sign in and back', async () => {
    const { browser } = await start();
    const { response } = await browser.get('/users/edit/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/accounts/login/?next=%2Fusers%2Fedit%2F');
    expect(response.headers.get('cache-control')).toBe(personal);
  });

  it('shows the profile form, personal, with the honeypot, the delete form and their CSRF cookie', async () => {
    const { browser } = await signedIn();
    const { response, body } = await browser.get('/users/edit/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(personal);
    expect(response.headers.get('vary')).toBe('Cookie');
    // On this form's path and its delete form's, never on all of /users/: the visitor's public
    // profile requests would then carry a cookie that sends them past the page cache.
    const csrf = browser.lastSetCookies.filter((line) => line.startsWith('pydotorg_csrf='));
    expect(csrf.map((line) => /Path=([^;]+)/.exec(line)?.[1])).toEqual(['/users/edit/', '/users/guido/delete/']);
    expect(new Set(csrf.map((line) => line.split(';')[0])).size).toBe(1);
    expect(body).toContain('value="Belmont"');
    expect(body).toContain('name="email_body_text" type="text" value="write your message"');
    expect(body).toContain('action="/users/guido/delete/"');
    expect(body).toContain('Delete this account');
  });

  it('saves the profile and says so after the redirect', async () => {
    const { browser, accounts } = await signedIn();
    const { response } = await browser.submit('/users/edit/', { ...profileForm, location: 'Amsterdam', publicProfile: '' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/users/edit/?done=saved');
    expect(accounts.accounts.get('guido')).toMatchObject({ location: 'Amsterdam', publicProfile: false, searchVisibility: true, emailPrivacy: 'nobody' });
    expect((await browser.get('/users/edit/?done=saved')).body).toContain('Your profile has been saved.');
  });

  it('refuses a missing CSRF token (403) and a changed honeypot (400), changing nothing', async () => {
    const { browser, accounts } = await signedIn();
    const forged = await browser.post('/users/edit/', { ...profileForm, location: 'Forged', email_body_text: 'write your message' });
    expect(forged.response.status).toBe(403);
    expect(forged.response.headers.get('cache-control')).toBe(personal);
    const bot = await browser.submit('/users/edit/', { ...profileForm, location: 'Bot', email_body_text: 'buy now' });
    expect(bot.response.status).toBe(400);
    expect(accounts.accounts.get('guido')?.location).toBe('Belmont');
  });

  it("shows the CMS's field errors with its status", async () => {
    const { browser, accounts } = await signedIn();
    accounts.accounts.set('taken', { ...accounts.accounts.get('guido')!, id: 2, username: 'taken', email: 't@example.org' });
    const { response, body } = await browser.submit('/users/edit/', { ...profileForm, username: 'taken' });
    expect(response.status).toBe(400);
    expect(body).toContain('A user with that username already exists.');
    expect(body).toContain('value="taken"');
  });

  it('escapes markup in what the account holds', async () => {
    const { browser, accounts } = await signedIn();
    const stored = accounts.accounts.get('guido')!;
    stored.bio = '</textarea><script>alert("bio")</script>';
    stored.location = '"><img src=x onerror=alert(1)>';
    const { body } = await browser.get('/users/edit/');
    expect(body).not.toContain('<script>alert("bio")</script>');
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('&lt;/textarea&gt;&lt;script&gt;');
  });
});

describe('/users/<username>/delete/', () => {
  it('never deletes on GET', async () => {
    const { browser, accounts } = await signedIn();
    const { response } = await browser.get('/users/guido/delete/');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
    expect(accounts.accounts.has('guido')).toBe(true);
  });

  it('deletes only your own account, with your password, then signs out', async () => {
    const { browser, accounts } = await signedIn();
    accounts.accounts.set('other', { ...accounts.accounts.get('guido')!, id: 2, username: 'other', email: 'o@example.org' });
    const someoneElse = await browser.submit('/users/edit/', { password: knownPassword }, '/users/other/delete/');
    expect(someoneElse.response.status).toBe(403);
    expect(someoneElse.body).toContain('You can only delete your own account.');
    const wrong = await browser.submit('/users/edit/', { password: 'wrong' }, '/users/guido/delete/');
    expect(wrong.response.status).toBe(400);
    expect(wrong.response.headers.get('cache-control')).toBe(personal);
    expect(wrong.body).toContain('This is not your password.');
    const { response } = await browser.submit('/users/edit/', { password: knownPassword }, '/users/guido/delete/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/accounts/login/?done=deleted');
    expect(accounts.accounts.has('guido')).toBe(false);
    expect(accounts.accounts.has('other')).toBe(true);
    expect(browser.cookies.has(sessionCookieName)).toBe(false);
  });

  it('refuses a post without the CSRF token (403)', async () => {
    const { browser, accounts } = await signedIn();
    const { response } = await browser.post('/users/guido/delete/', { password: knownPassword });
    expect(response.status).toBe(403);
    expect(accounts.accounts.has('guido')).toBe(true);
  });

  it('sends an anonymous post to sign in (303), deleting nothing', async () => {
    const { browser, accounts } = await start();
    const { response } = await browser.post('/users/guido/delete/', { password: knownPassword });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/accounts/login/?next=%2Fusers%2Fedit%2F');
    expect(accounts.accounts.has('guido')).toBe(true);
  });
});

describe('/users/<username>/ public profiles', () => {
  it('is a public page cached under the accounts key, the same for everyone', async () => {
    const { browser } = await start();
    const { response, body } = await browser.get('/users/guido/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('surrogate-key')?.split(' ')).toContain('accounts');
    expect(response.headers.get('vary') ?? '').not.toMatch(/cookie/i);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(body).toContain('<h1>Guido van Rossum</h1>');
    expect(body).not.toContain('noindex');
  });

  it('asks search engines not to index a profile whose owner said so', async () => {
    const accounts = createFakeAccountService();
    accounts.accounts.get('guido')!.searchVisibility = false;
    const { browser } = await start(accounts);
    expect((await browser.get('/users/guido/')).body).toContain('<meta name="robots" content="noindex">');
  });

  it.each([['unknown', '/users/nobody/'], ['impossible', '/users/%3Cscript%3E/']])('is a 404 for an %s username', async (_kind, path) => {
    const { browser } = await start();
    const { response } = await browser.get(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
  });

  it('is a 404 for a private profile, even for its owner', async () => {
    const accounts = createFakeAccountService();
    accounts.accounts.get('guido')!.publicProfile = false;
    const { browser } = await signedIn(accounts);
    expect((await browser.get('/users/guido/')).response.status).toBe(404);
  });

  it('escapes markup in names and location', async () => {
    const accounts = createFakeAccountService();
    Object.assign(accounts.accounts.get('guido')!, { firstName: '<script>alert(1)</script>', location: '<img src=x onerror=alert(2)>' });
    const { browser } = await start(accounts);
    const { body } = await browser.get('/users/guido/');
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('/authenticated, the header widget', () => {
  it('answers Sign In / Sign Up without a session, without asking the CMS', async () => {
    const { browser, accounts } = await start();
    const { response, body } = await browser.get('/authenticated');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(personal);
    expect(response.headers.get('vary')).toBe('Cookie');
    expect(JSON.parse(body)).toEqual({ signedIn: false, links: [{ title: 'Sign In', url: '/accounts/login/' }, { title: 'Sign Up', url: '/accounts/signup/' }] });
    expect(accounts.calls).toHaveLength(0);
  });

  it("answers the signed-in visitor's name and links", async () => {
    const { browser } = await signedIn();
    const { response, body } = await browser.get('/authenticated');
    expect(response.headers.get('cache-control')).toBe(personal);
    const widget = JSON.parse(body) as { signedIn: boolean; username: string; links: { title: string; url: string }[] };
    expect(widget.signedIn).toBe(true);
    expect(widget.username).toBe('guido');
    expect(widget.links.map((link) => link.url)).toEqual(['/users/guido/', '/users/edit/', '/accounts/password/change/', '/users/membership/', '/accounts/logout/']);
  });

  it('answers signed out for an ended session, and 503 (not 500) when the CMS is down', async () => {
    const accounts = createFakeAccountService();
    const { browser } = await signedIn(accounts);
    accounts.sessions.clear();
    expect(JSON.parse((await browser.get('/authenticated')).body)).toMatchObject({ signedIn: false });
    await server?.close();
    const down = { ...accounts, current: async () => { throw new CmsUnavailableError('down', '/api/accounts/me'); } };
    server = await startTestServer(createApp(createFakeServices({ accounts: down }), testConfig));
    const response = await fetch(`${server.baseUrl}/authenticated`, { headers: { cookie: browser.cookieHeader() } });
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe(personal);
  });
});
