/**
 * The account pages under /accounts/ (issue 11) on the real app with an in-memory
 * AccountService: every page personal (`private, no-store`, `Vary: Cookie`), every form with
 * CSRF (403), the honeypot where python.org has one (400), per-address limits (429 with
 * Retry-After, what was typed kept except passwords), the CMS's 4xx shown on the form, the
 * session cookie's attributes, and the mailed links that act only on POST.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../web/src/app';
import { CmsUnavailableError } from '../../../web/src/cms/errors';
import { loadWebConfig, type WebConfig } from '../../../web/src/config';
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

async function start(options: { accounts?: FakeAccounts; config?: WebConfig } = {}): Promise<{ browser: AccountBrowser; accounts: FakeAccounts }> {
  const accounts = options.accounts ?? createFakeAccountService();
  server = await startTestServer(createApp(createFakeServices({ accounts }), options.config ?? testConfig));
  return { browser: createAccountBrowser(server.baseUrl), accounts };
}

async function signIn(browser: AccountBrowser, login = 'guido', password = knownPassword): Promise<Response> {
  return (await browser.submit('/accounts/login/', { login, password })).response;
}

function expectPersonal(response: Response, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe(html);
  expect(response.headers.get('cache-control')).toBe(personal);
  expect(response.headers.get('vary')).toMatch(/Cookie/);
}

describe('every /accounts/ page is personal and carries a CSRF token on its own cookie path', () => {
  it.each(['/accounts/signup/', '/accounts/login/', '/accounts/password/reset/', '/accounts/confirm-email/abcdefgh12345678/', '/accounts/password/reset/key/abcdefgh12345678/'])(
    '%s',
    async (path) => {
      const { browser } = await start();
      const { response, token } = await browser.get(path);
      expectPersonal(response, 200);
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(browser.lastSetCookies.join('\n')).toMatch(/pydotorg_csrf=[^;]+; Max-Age=7200; Path=\/accounts\/; Expires=[^;]+; HttpOnly; SameSite=Strict/);
    },
  );
});

describe('/accounts/signup/', () => {
  it('says no account is needed to download Python, and has python.org honeypot', async () => {
    const { browser } = await start();
    const { body } = await browser.get('/accounts/signup/');
    expect(body).toContain('You do not need an account to download Python');
    expect(body).toContain('name="email_body_text" type="text" value="write your message"');
    for (const name of ['username', 'email', 'password', 'passwordAgain']) expect(body).toContain(`name="${name}"`);
  });

  it('creates the account and redirects to a check-your-mail message (post/redirect/get)', async () => {
    const { browser, accounts } = await start();
    const { response } = await browser.submit('/accounts/signup/', { username: 'ada', email: 'ada@example.org', password: 'analytical', passwordAgain: 'analytical' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/accounts/signup/?done=sent');
    expect(accounts.accounts.get('ada')?.verified).toBe(false);
    expect(accounts.calls.find((call) => call.method === 'signUp')?.visitorAddress).toBe('127.0.0.1');
    const { response: page, body } = await browser.get('/accounts/signup/?done=sent');
    expectPersonal(page, 200);
    expect(body).toContain('We have sent you an email to verify your address.');
  });

  it('refuses a post without the CSRF token with a 403 and sends nothing to the CMS', async () => {
    const { browser, accounts } = await start();
    await browser.get('/accounts/signup/');
    const { response, body } = await browser.post('/accounts/signup/', { csrfToken: 'forged-forged-forged-forged-forged-0', username: 'ada', email: 'ada@example.org', password: 'x', passwordAgain: 'x', email_body_text: 'write your message' });
    expectPersonal(response, 403);
    expect(body).toContain('Your form session expired');
    expect(accounts.calls.filter((call) => call.method === 'signUp')).toHaveLength(0);
  });

  it.each([['changed', 'http://spam.example'], ['emptied', '']])('refuses a honeypot %s with a 400', async (_how, value) => {
    const { browser, accounts } = await start();
    const { response, body } = await browser.submit('/accounts/signup/', { username: 'bot', email: 'bot@example.org', password: 'spam-spam', passwordAgain: 'spam-spam', email_body_text: value });
    expectPersonal(response, 400);
    expect(body).toContain('The form could not be accepted');
    expect(accounts.accounts.has('bot')).toBe(false);
  });

  it("shows the CMS's field errors with its status, keeps what was typed but never a password", async () => {
    const { browser } = await start();
    const { response, body } = await browser.submit('/accounts/signup/', { username: 'guido', email: 'g2@example.org', password: 'secret-typed-1', passwordAgain: 'secret-typed-1' });
    expectPersonal(response, 400);
    expect(body).toContain('A user with that username already exists.');
    expect(body).toContain('value="g2@example.org"');
    expect(body).not.toContain('secret-typed-1');
    expect(body).toContain('aria-invalid="true"');
  });

  it('escapes markup typed into the form', async () => {
    const { browser } = await start();
    const { body } = await browser.submit('/accounts/signup/', { username: '<script>alert(1)</script>', email: '"><img src=x onerror=alert(1)>', password: 'p', passwordAgain: 'p' });
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers the 503 page when the CMS is down, never a 500', async () => {
    const accounts = createFakeAccountService();
    const { browser } = await start({
      accounts: { ...accounts, signUp: async () => { throw new CmsUnavailableError('down', '/api/accounts'); } },
    });
    const { response } = await browser.submit('/accounts/signup/', { username: 'ada', email: 'ada@example.org', password: 'analytical', passwordAgain: 'analytical' });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
  });
});

describe('per-address limits on the sign-up, sign-in and reset forms', () => {
  const limited = loadWebConfig({ ACCOUNT_FORM_POSTS_PER_HOUR: '2' });

  it.each([
    ['/accounts/login/', { login: 'someone@example.org', password: 'typed-password-9' }, 'value="someone@example.org"', 'signIn'],
    ['/accounts/signup/', { username: 'keepme', email: 'keep@example.org', password: 'typed-password-9', passwordAgain: 'typed-password-9' }, 'value="keepme"', 'signUp'],
    ['/accounts/password/reset/', { email: 'keep@example.org' }, 'value="keep@example.org"', 'requestPasswordReset'],
  ])('%s: the third post in an hour is a 429 with Retry-After that keeps what was typed', async (path, fields, kept, method) => {
    const { browser, accounts } = await start({ config: limited });
    for (let attempt = 0; attempt < 2; attempt += 1) expect((await browser.submit(path, fields)).response.status).not.toBe(429);
    const { response, body } = await browser.submit(path, fields);
    expectPersonal(response, 429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    // The sliding window may ask for up to two windows.
    expect(retryAfter).toBeLessThanOrEqual(2 * 3600);
    expect(body).toContain('Too many attempts from your address. Please try again in');
    expect(body).toContain(kept);
    expect(body).not.toContain('typed-password-9');
    expect(accounts.calls.filter((call) => call.method === method)).toHaveLength(2);
  });

  it("passes the CMS's own 429 on with its Retry-After", async () => {
    const accounts = createFakeAccountService();
    const { browser } = await start({ accounts: { ...accounts, signIn: async () => ({ ok: false, status: 429, message: 'Too many', errors: {}, retryAfterSeconds: 600 }) } });
    const response = await signIn(browser);
    expectPersonal(response, 429);
    expect(response.headers.get('retry-after')).toBe('600');
  });
});

describe('/accounts/login/', () => {
  it('signs in by username or email and keeps the session in an HttpOnly, SameSite=Lax cookie on /', async () => {
    const { browser, accounts } = await start();
    const response = await signIn(browser, 'GUIDO');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const cookie = browser.lastSetCookies.find((line) => line.startsWith(`${sessionCookieName}=`)) ?? '';
    expect(cookie).toMatch(/; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    expect(cookie).not.toMatch(/Secure/);
    expect(accounts.sessions.size).toBe(1);
    expect(browser.cookies.get(sessionCookieName)).toBe([...accounts.sessions.keys()][0]);
    expect((await signIn(createAccountBrowser(server?.baseUrl ?? ''), 'guido@example.org')).status).toBe(303);
  });

  it('marks the session cookie Secure over https (behind a proxy TRUST_PROXY names)', async () => {
    const { browser } = await start({ config: loadWebConfig({ TRUST_PROXY: 'loopback' }) });
    const { token } = await browser.get('/accounts/login/', { 'x-forwarded-proto': 'https' });
    await browser.post('/accounts/login/', { csrfToken: token, login: 'guido', password: knownPassword }, { 'x-forwarded-proto': 'https' });
    expect(browser.lastSetCookies.find((line) => line.startsWith(`${sessionCookieName}=`))).toMatch(/; Secure; SameSite=Lax$/);
  });

  it('returns to ?next= when it is a path of this site, and never elsewhere', async () => {
    const { browser } = await start();
    const { token, body } = await browser.get('/accounts/login/?next=%2Fusers%2Fedit%2F');
    expect(body).toContain('name="next" value="/users/edit/"');
    const { response } = await browser.post('/accounts/login/', { csrfToken: token, login: 'guido', password: knownPassword, next: '/users/edit/' });
    expect(response.headers.get('location')).toBe('/users/edit/');
    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example/', 'javascript:alert(1)', '/%0d%0aSet-Cookie:x=1']) {
      const other = createAccountBrowser(server?.baseUrl ?? '');
      const form = await other.get(`/accounts/login/?next=${encodeURIComponent(next)}`);
      const signedIn = await other.post('/accounts/login/', { csrfToken: form.token, login: 'guido', password: knownPassword, next });
      const location = signedIn.response.headers.get('location') ?? '';
      expect(location.startsWith('/') && !location.startsWith('//') && !location.includes('\\'), `${next} -> ${location}`).toBe(true);
      expect(location).not.toContain('evil.example');
    }
  });

  it('answers wrong credentials with the 401 and its message, and sets no session', async () => {
    const { browser } = await start();
    const response = await signIn(browser, 'guido', 'wrong-password-123');
    expectPersonal(response, 401);
    expect(browser.cookies.has(sessionCookieName)).toBe(false);
  });

  it('answers an unverified account with the 403 and its message', async () => {
    const { browser, accounts } = await start();
    await browser.submit('/accounts/signup/', { username: 'ada', email: 'ada@example.org', password: 'analytical', passwordAgain: 'analytical' });
    const { response, body } = await browser.submit('/accounts/login/', { login: 'ada', password: 'analytical' });
    expectPersonal(response, 403);
    expect(body).toContain('Confirm your email address first');
    expect(accounts.sessions.size).toBe(0);
  });
});

describe('/accounts/logout/', () => {
  it('asks on GET (a link or prefetch signs nobody out) and signs out on POST, in the CMS too', async () => {
    const { browser, accounts } = await start();
    await signIn(browser);
    const { response, body } = await browser.get('/accounts/logout/');
    expectPersonal(response, 200);
    expect(body).toContain('Are you sure you want to sign out?');
    expect(accounts.sessions.size).toBe(1);
    const { response: out } = await browser.submit('/accounts/logout/', {});
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/');
    expect(accounts.sessions.size).toBe(0);
    expect(browser.lastSetCookies.some((line) => line.startsWith(`${sessionCookieName}=;`))).toBe(true);
  });

  it('refuses a sign-out post without the CSRF token (403)', async () => {
    const { browser, accounts } = await start();
    await signIn(browser);
    const { response } = await browser.post('/accounts/logout/', {});
    expectPersonal(response, 403);
    expect(accounts.sessions.size).toBe(1);
  });
});

describe('/accounts/confirm-email/<token>/', () => {
  it('does not spend the one-use token on GET; POST verifies and goes to sign in', async () => {
    const { browser, accounts } = await start();
    await browser.submit('/accounts/signup/', { username: 'ada', email: 'ada@example.org', password: 'analytical', passwordAgain: 'analytical' });
    const token = accounts.mail[0]?.token ?? '';
    const link = `/accounts/confirm-email/${token}/`;
    for (let fetches = 0; fetches < 3; fetches += 1) expectPersonal((await browser.get(link)).response, 200);
    expect(accounts.calls.filter((call) => call.method === 'verifyEmail')).toHaveLength(0);
    const { response } = await browser.submit(link, {});
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/accounts/login/?done=verified');
    expect(accounts.accounts.get('ada')?.verified).toBe(true);
    expect((await browser.get('/accounts/login/?done=verified')).body).toContain('Your email address is confirmed.');
    const again = await browser.submit(link, {});
    expectPersonal(again.response, 404);
    expect(again.body).toContain('This link has expired or was already used.');
  });

  it('answers a malformed token with a 404 and does not ask the CMS', async () => {
    const { browser, accounts } = await start();
    const { response } = await browser.get('/accounts/confirm-email/%3Cscript%3E/');
    expectPersonal(response, 404);
    expect(accounts.calls).toHaveLength(0);
  });
});

describe('forgotten password', () => {
  it('gives the same answer whether or not the address has an account', async () => {
    const { browser, accounts } = await start();
    const known = await browser.submit('/accounts/password/reset/', { email: 'guido@example.org' });
    const unknown = await browser.submit('/accounts/password/reset/', { email: 'nobody@example.org' });
    expect(known.response.headers.get('location')).toBe('/accounts/password/reset/?done=sent');
    expect(unknown.response.headers.get('location')).toBe('/accounts/password/reset/?done=sent');
    expect(accounts.mail.filter((entry) => entry.kind === 'reset')).toHaveLength(1);
  });

  it('sets the new password from the link on POST only, then signs in with it', async () => {
    const { browser, accounts } = await start();
    await browser.submit('/accounts/password/reset/', { email: 'guido@example.org' });
    const link = `/accounts/password/reset/key/${accounts.mail[0]?.token ?? ''}/`;
    expectPersonal((await browser.get(link)).response, 200);
    expect(accounts.calls.filter((call) => call.method === 'resetPassword')).toHaveLength(0);
    const mismatch = await browser.submit(link, { password: 'new-password-1', passwordAgain: 'other' });
    expectPersonal(mismatch.response, 400);
    expect(mismatch.body).toContain('You must type the same password each time.');
    const { response } = await browser.submit(link, { password: 'new-password-1', passwordAgain: 'new-password-1' });
    expect(response.headers.get('location')).toBe('/accounts/login/?done=password-reset');
    expect((await signIn(browser, 'guido', 'new-password-1')).status).toBe(303);
    const used = await browser.submit(link, { password: 'x-password-2', passwordAgain: 'x-password-2' });
    expectPersonal(used.response, 404);
  });
});

describe('signed-in pages under /accounts/', () => {
  it.each(['/accounts/password/change/', '/accounts/email/'])('%s sends an anonymous visitor to sign in and back', async (path) => {
    const { browser } = await start();
    const { response } = await browser.get(path);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/accounts/login/?next=${encodeURIComponent(path)}`);
    expect(response.headers.get('cache-control')).toBe(personal);
  });

  it('drops a session the CMS no longer knows and asks to sign in again', async () => {
    const { browser, accounts } = await start();
    await signIn(browser);
    accounts.sessions.clear();
    const { response } = await browser.get('/accounts/password/change/');
    expect(response.status).toBe(302);
    expect(browser.cookies.has(sessionCookieName)).toBe(false);
  });

  it('changes the password (honeypot as python.org) and returns to /users/edit/', async () => {
    const { browser, accounts } = await start();
    await signIn(browser);
    expectPersonal((await browser.get('/accounts/password/change/')).response, 200);
    const bot = await browser.submit('/accounts/password/change/', { currentPassword: knownPassword, password: 'n3w-password', passwordAgain: 'n3w-password', email_body_text: 'spam' });
    expectPersonal(bot.response, 400);
    const wrong = await browser.submit('/accounts/password/change/', { currentPassword: 'nope', password: 'n3w-password', passwordAgain: 'n3w-password' });
    expectPersonal(wrong.response, 400);
    expect(wrong.body).toContain('This is not your current password.');
    const { response } = await browser.submit('/accounts/password/change/', { currentPassword: knownPassword, password: 'n3w-password', passwordAgain: 'n3w-password' });
    expect(response.headers.get('location')).toBe('/users/edit/?done=password-changed');
    expect(accounts.accounts.get('guido')?.password).toBe('n3w-password');
  });

  it('changes the email through a link sent to the new address, the password confirming', async () => {
    const { browser, accounts } = await start();
    await signIn(browser);
    const wrong = await browser.submit('/accounts/email/', { email: 'new@example.org', password: 'nope' });
    expectPersonal(wrong.response, 400);
    expect(wrong.body).toContain('value="new@example.org"');
    const { response } = await browser.submit('/accounts/email/', { email: 'new@example.org', password: knownPassword });
    expect(response.headers.get('location')).toBe('/accounts/email/?done=sent');
    const { body } = await browser.get('/accounts/email/?done=sent');
    expect(body).toContain('We have sent a link to your new address.');
    expect(body).toContain('new@example.org');
    expect(accounts.accounts.get('guido')?.email).toBe('guido@example.org');
  });
});
