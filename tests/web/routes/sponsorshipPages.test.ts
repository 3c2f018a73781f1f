/**
 * PSF sponsorship's personal pages (issue 17): the application form (/sponsors/application/,
 * its preview step, the closed window, CSRF, honeypot and limit) and the sponsor's dashboard
 * (/users/sponsorships/, a sponsorship's page, its contract download and asset forms), on the
 * real app with in-memory account and sponsorship services.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../web/src/app';
import { loadWebConfig } from '../../../web/src/config';
import { createAccountBrowser, type AccountBrowser } from '../support/accountBrowser';
import { createFakeAccountService, knownPassword } from '../support/fakeAccountService';
import { createFakeServices, testConfig } from '../support/fakeServices';
import { createFakeSponsorshipService, openForm, type FakeSponsorships } from '../support/fakeSponsorshipService';
import { startTestServer, type TestServer } from '../support/startTestServer';

const html = 'text/html; charset=utf-8';
const personal = 'private, no-store';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const application = {
  package: '10',
  company_name: 'Acme <Snakes>',
  company_description: 'We make snakes.',
  company_landingPageUrl: 'https://acme.example.com/',
  contact_0_name: 'Guido',
  contact_0_email: 'guido@example.org',
  contact_0_primary: 'on',
  action: 'submit',
};

async function start(options: { signIn?: boolean; config?: typeof testConfig } = {}): Promise<{ browser: AccountBrowser; sponsorships: FakeSponsorships }> {
  const accounts = createFakeAccountService();
  const sponsorships = createFakeSponsorshipService(accounts);
  server = await startTestServer(createApp(createFakeServices({ accounts, sponsorships }), options.config ?? testConfig));
  const browser = createAccountBrowser(server.baseUrl);
  if (options.signIn !== false) expect((await browser.submit('/accounts/login/', { login: 'guido', password: knownPassword })).response.status).toBe(303);
  return { browser, sponsorships };
}

describe('/sponsors/application/', () => {
  it('sends an anonymous visitor to sign in and back, for the form and the dashboard', async () => {
    const { browser } = await start({ signIn: false });
    for (const path of ['/sponsors/application/', '/users/sponsorships/', '/users/sponsorships/501/', '/users/sponsorships/501/contract/']) {
      const { response } = await browser.get(path);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`/accounts/login/?next=${encodeURIComponent(path)}`);
      expect(response.headers.get('cache-control')).toBe(personal);
    }
  });

  it('shows the packages and the benefits by programme, personal, with its CSRF token and honeypot', async () => {
    const { browser } = await start();
    const { response, body } = await browser.get('/sponsors/application/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(personal);
    expect(browser.lastSetCookies.filter((line) => line.startsWith('pydotorg_csrf=')).map((line) => /Path=([^;]+)/.exec(line)?.[1])).toEqual(['/sponsors/application/']);
    expect(body).toContain('Visionary (USD 160,000)');
    expect(body).toMatch(/<h3>Foundation<\/h3>[\s\S]*Logo on python.org[\s\S]*<h3>PyPI<\/h3>[\s\S]*PyPI logo/);
    expect(body).toMatch(/name="benefit_102" value="on" disabled> PyPI logo<\/label> <em>\(sold out\)<\/em>/);
    expect(body).toContain('name="contact_0_email" type="email" value="guido@example.org"');
    expect(body).toContain('name="email_body_text" type="text" value="write your message"');
  });

  it('previews what a choice comes to, recomputed on the server, without sending it', async () => {
    const { browser, sponsorships } = await start();
    const exact = await browser.submit('/sponsors/application/', { package: '10', action: 'preview' });
    expect(exact.response.status).toBe(200);
    expect(exact.response.headers.get('cache-control')).toBe(personal);
    expect(exact.body).toContain('This is exactly the <strong>Visionary</strong> package.');
    expect(exact.body).toContain('Sponsorship fee: <strong>USD 160,000</strong>');
    expect(exact.body).toContain('<strong>Foundation</strong>: Logo on python.org, Keynote thanks');
    const matching = await browser.submit('/sponsors/application/', { benefit_100: 'on', action: 'preview' });
    expect(matching.body).toContain('This is exactly the <strong>Sustainability</strong> package.');
    expect(matching.body).toContain('Sponsorship fee: <strong>USD 80,000</strong>');
    const custom = await browser.submit('/sponsors/application/', { benefit_100: 'on', benefit_103: 'on', action: 'preview' });
    expect(custom.body).toContain('This matches no package: a custom selection.');
    expect(custom.body).toContain('To be agreed with the PSF');
    expect(custom.body).toContain('<strong>PyPI</strong>: Job listing');
    expect(custom.body).toContain('name="benefit_100" value="on" checked');
    expect(sponsorships.applications).toEqual([]);
  });

  it('sends the application and goes to the new sponsorship\'s dashboard page', async () => {
    const { browser, sponsorships } = await start();
    const { response } = await browser.submit('/sponsors/application/', { ...application, benefit_100: 'on', contact_1_name: 'Bill', contact_1_email: 'bill@example.org', contact_1_accounting: 'on' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/users/sponsorships/501/?done=applied');
    expect(sponsorships.applications).toEqual([{
      packageId: 10,
      benefitIds: [100],
      sponsorId: null,
      company: { name: 'Acme <Snakes>', description: 'We make snakes.', landingPageUrl: 'https://acme.example.com/' },
      contacts: [
        { name: 'Guido', email: 'guido@example.org', phone: '', primary: true, administrative: false, accounting: false, manager: false },
        { name: 'Bill', email: 'bill@example.org', phone: '', primary: false, administrative: false, accounting: true, manager: false },
      ],
    }]);
    const page = await browser.get('/users/sponsorships/501/?done=applied');
    expect(page.response.status).toBe(200);
    expect(page.response.headers.get('cache-control')).toBe(personal);
    expect(page.body).toContain('Thank you for applying to sponsor the PSF!');
    expect(page.body).toContain('Acme &lt;Snakes&gt;');
  });

  it('refuses without the CSRF token (403), with the honeypot changed (400), and shows the CMS\'s field errors (400), sending nothing', async () => {
    const { browser, sponsorships } = await start();
    expect((await browser.post('/sponsors/application/', { ...application, email_body_text: 'write your message' })).response.status).toBe(403);
    const bot = await browser.submit('/sponsors/application/', { ...application, email_body_text: 'buy now' });
    expect(bot.response.status).toBe(400);
    const bad = await browser.submit('/sponsors/application/', { ...application, company_name: '', contact_0_primary: '' });
    expect(bad.response.status).toBe(400);
    expect(bad.response.headers.get('cache-control')).toBe(personal);
    expect(bad.body).toContain('Enter the company&#39;s name.');
    expect(bad.body).toContain('Mark at least one contact as primary.');
    expect(sponsorships.applications).toEqual([]);
  });

  it('says it is closed, with the staff\'s message, and refuses a post (403)', async () => {
    const { browser, sponsorships } = await start();
    const { token } = await browser.get('/sponsors/application/');
    sponsorships.form = { ...openForm, open: false, message: 'Applications reopen in <March>.' };
    const page = await browser.get('/sponsors/application/');
    expect(page.response.status).toBe(200);
    expect(page.body).toContain('Applications reopen in &lt;March&gt;.');
    expect(page.body).not.toContain('name="action"');
    const post = await browser.post('/sponsors/application/', { ...application, csrfToken: token, email_body_text: 'write your message' });
    expect(post.response.status).toBe(403);
    expect(sponsorships.applications).toEqual([]);
  });

  it('limits applications per visitor (429 with Retry-After)', async () => {
    const { browser, sponsorships } = await start({ config: loadWebConfig({ JOB_SUBMISSIONS_PER_HOUR: '1' }) });
    expect((await browser.submit('/sponsors/application/', application)).response.status).toBe(303);
    const limited = await browser.submit('/sponsors/application/', application);
    expect(limited.response.status).toBe(429);
    expect(Number(limited.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sponsorships.applications.length).toBe(1);
  });
});

describe('/users/sponsorships/', () => {
  async function withSponsorship(): Promise<{ browser: AccountBrowser; sponsorships: FakeSponsorships }> {
    const started = await start();
    started.sponsorships.sponsorships.set(7, {
      owner: 'guido',
      detail: {
        id: 7, status: 'approved', year: 2026, sponsorName: 'Acme', packageName: 'Visionary', appliedOn: '2026-03-01', startDate: '2026-04-01', endDate: '2027-03-31', sponsorshipFee: 160_000,
        benefits: [{ name: 'Logo on python.org', programName: 'Foundation', description: '' }],
        contract: 'sponsorship-agreement-7.pdf',
        signedContract: null,
        assets: [
          { id: 70, kind: 'image', internalName: 'web_logo', label: 'Your logo', helpText: 'Square, please.', benefitName: 'Logo on python.org', dueDate: '2026-05-01', textValue: '', urlValue: '', imageFilename: null, filled: false },
          { id: 71, kind: 'text', internalName: 'blurb', label: 'A sentence', helpText: '', benefitName: 'Logo on python.org', dueDate: '2026-05-01', textValue: '', urlValue: '', imageFilename: null, filled: false },
        ],
      },
    });
    started.sponsorships.sponsorships.set(8, { owner: 'someone-else', detail: { ...started.sponsorships.sponsorships.get(7)!.detail, id: 8, sponsorName: 'Other' } });
    return started;
  }

  it('lists the account\'s sponsorships only, personal', async () => {
    const { browser } = await withSponsorship();
    const { response, body } = await browser.get('/users/sponsorships/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(personal);
    expect(body).toContain('<a href="/users/sponsorships/7/">Acme</a>');
    expect(body).not.toContain('Other');
  });

  it('shows a sponsorship with its status, benefits, contract link and asset forms; someone else\'s is a 404', async () => {
    const { browser } = await withSponsorship();
    const { response, body } = await browser.get('/users/sponsorships/7/');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(personal);
    expect(body).toContain('Approved: a contract is ready for signing');
    expect(body).toContain('Foundation: Logo on python.org');
    expect(body).toContain('href="/users/sponsorships/7/contract/"');
    expect(body).toContain('action="/users/sponsorships/7/assets/70/" enctype="multipart/form-data"');
    expect(body).toContain('name="file" type="file" accept="image/png,image/jpeg,image/gif,image/webp" required');
    const other = await browser.get('/users/sponsorships/8/');
    expect(other.response.status).toBe(404);
    expect(other.response.headers.get('cache-control')).toBe(personal);
    expect((await browser.get('/users/sponsorships/8/contract/')).response.status).toBe(404);
  });

  it('downloads the contract as a private attachment', async () => {
    const { browser } = await withSponsorship();
    const { response, body } = await browser.get('/users/sponsorships/7/contract/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="sponsorship-agreement-7.pdf"');
    expect(response.headers.get('cache-control')).toBe(personal);
    expect(body).toContain('%PDF');
    expect((await browser.get('/users/sponsorships/7/signed-contract/')).response.status).toBe(404);
  });

  it('saves a text asset and an image upload with the CSRF token; refuses without it', async () => {
    const { browser, sponsorships } = await withSponsorship();
    const { token } = await browser.get('/users/sponsorships/7/');
    expect((await browser.post('/users/sponsorships/7/assets/71/', { value: 'Hello' })).response.status).toBe(403);
    const empty = await browser.post('/users/sponsorships/7/assets/71/', { csrfToken: token, value: ' ' });
    expect(empty.response.status).toBe(400);
    expect(empty.body).toContain('Enter the text.');
    const saved = await browser.post('/users/sponsorships/7/assets/71/', { csrfToken: token, value: 'Acme makes snakes.' });
    expect(saved.response.status).toBe(303);
    expect(saved.response.headers.get('location')).toBe('/users/sponsorships/7/?done=saved');
    const form = new FormData();
    form.set('csrfToken', token);
    form.set('file', new Blob([Buffer.from('\x89PNG\r\n\x1a\nfake')], { type: 'image/png' }), 'logo.png');
    const upload = await fetch(`${server!.baseUrl}/users/sponsorships/7/assets/70/`, { method: 'POST', redirect: 'manual', body: form, headers: { cookie: browser.cookieHeader() } });
    expect(upload.status).toBe(303);
    const noFile = new FormData();
    noFile.set('csrfToken', token);
    const missing = await fetch(`${server!.baseUrl}/users/sponsorships/7/assets/70/`, { method: 'POST', redirect: 'manual', body: noFile, headers: { cookie: browser.cookieHeader() } });
    expect(missing.status).toBe(400);
    expect(sponsorships.fills.map((fill) => [fill.assetId, 'file' in fill.value ? fill.value.file.filename : fill.value.value])).toEqual([[71, 'Acme makes snakes.'], [70, 'logo.png']]);
  });
});
