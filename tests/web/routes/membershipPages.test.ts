/**
 * PSF membership pages (issue 13): /users/membership/ (sign-up), /users/membership/edit/, the
 * vote affirmation, leaving, the thanks page, the header widget's membership link and the public
 * /membership/ landing page, on the real app with in-memory account and membership services.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../web/src/app';
import { createAccountBrowser, type AccountBrowser } from '../support/accountBrowser';
import { createFakeAccountService, knownPassword } from '../support/fakeAccountService';
import { createFakeMembershipService, type FakeMemberships } from '../support/fakeMembershipService';
import { createFakeServices, testConfig } from '../support/fakeServices';
import { startTestServer, type TestServer } from '../support/startTestServer';

const html = 'text/html; charset=utf-8';
const personal = 'private, no-store';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const membershipForm = {
  legalName: 'Guido van Rossum',
  preferredName: 'Guido',
  emailAddress: 'guido@example.org',
  city: 'Belmont',
  region: 'California',
  country: 'United States',
  postalCode: '94002',
  codeOfConduct: 'yes',
  announcements: 'on',
  votes: 'on',
};

async function start(options: { signIn?: boolean; boxes?: Record<string, string> } = {}): Promise<{ browser: AccountBrowser; memberships: FakeMemberships }> {
  const accounts = createFakeAccountService();
  const memberships = createFakeMembershipService(accounts);
  const fake = createFakeServices({ accounts, memberships });
  const services = options.boxes === undefined ? fake : { ...fake, site: { ...fake.site, boxes: async () => options.boxes ?? {} } };
  server = await startTestServer(createApp(services, testConfig));
  const browser = createAccountBrowser(server.baseUrl);
  if (options.signIn !== false) expect((await browser.submit('/accounts/login/', { login: 'guido', password: knownPassword })).response.status).toBe(303);
  return { browser, memberships };
}

describe('/users/membership/ (sign-up)', () => {
  it('sends an anonymous visitor to sign in and back, for every membership page', async () => {
    const { browser } = await start({ signIn: false });
    for (const path of ['/users/membership/', '/users/membership/edit/', '/users/membership/affirm/', '/users/membership/thanks/']) {
      const { response } = await browser.get(path);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`/accounts/login/?next=${encodeURIComponent(path)}`);
      expect(response.headers.get('cache-control')).toBe(personal);
    }
  });

  it('shows the form, personal, the address prefilled from the account, the code of conduct box and the honeypot', async () => {
    const { browser } = await start({ boxes: { 'psf-codeofconduct': '<h3>The PSF Code of Conduct box</h3>' } });
    const { response, body } = await browser.get('/users/membership/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(personal);
    expect(response.headers.get('vary')).toBe('Cookie');
    expect(browser.lastSetCookies.filter((line) => line.startsWith('pydotorg_csrf=')).map((line) => /Path=([^;]+)/.exec(line)?.[1])).toEqual(['/users/membership/']);
    expect(body).toContain('id="account-emailAddress" name="emailAddress" type="email" value="guido@example.org"');
    expect(body).toContain('The PSF Code of Conduct box');
    expect(body).toContain('name="codeOfConduct"');
    expect(body).toContain('I would like to be a PSF Voting Member');
    expect(body).toContain('name="email_body_text" type="text" value="write your message"');
  });

  it('refuses a post without the CSRF token (403), with the honeypot changed (400), and without "Yes" to the code of conduct (400), saving nothing', async () => {
    const { browser, memberships } = await start();
    const noToken = await browser.post('/users/membership/', { ...membershipForm, email_body_text: 'write your message' });
    expect(noToken.response.status).toBe(403);
    const bot = await browser.submit('/users/membership/', { ...membershipForm, email_body_text: 'buy now' });
    expect(bot.response.status).toBe(400);
    expect(bot.response.headers.get('cache-control')).toBe(personal);
    for (const codeOfConduct of ['no', '']) {
      const refused = await browser.submit('/users/membership/', { ...membershipForm, codeOfConduct });
      expect(refused.response.status).toBe(400);
      expect(refused.body).toContain('Agreeing to the code of conduct is required.');
      expect(refused.body).toContain('value="Guido van Rossum"');
    }
    const missing = await browser.submit('/users/membership/', { ...membershipForm, city: '' });
    expect(missing.response.status).toBe(400);
    expect(memberships.memberships.size).toBe(0);
    expect(memberships.calls.filter((call) => call === 'join')).toHaveLength(3);
  });

  it('signs up, thanks, then sends the member from the sign-up form to the edit form; the widget offers to edit', async () => {
    const { browser, memberships } = await start();
    expect(JSON.parse((await browser.get('/authenticated')).body).links).toContainEqual({ title: 'Become a PSF Basic member', url: '/users/membership/' });
    const joined = await browser.submit('/users/membership/', membershipForm);
    expect(joined.response.status).toBe(303);
    expect(joined.response.headers.get('location')).toBe('/users/membership/thanks/');
    expect(memberships.memberships.get('guido')).toMatchObject({ legalName: 'Guido van Rossum', votes: true, announcements: true, membershipType: 'basic' });
    const thanks = await browser.get('/users/membership/thanks/');
    expect(thanks.response.headers.get('cache-control')).toBe(personal);
    expect(thanks.body).toContain('Your membership information has been saved successfully.');
    const again = await browser.get('/users/membership/');
    expect(again.response.status).toBe(302);
    expect(again.response.headers.get('location')).toBe('/users/membership/edit/');
    expect(JSON.parse((await browser.get('/authenticated')).body).links).toContainEqual({ title: 'Edit PSF Basic membership', url: '/users/membership/edit/' });
  });
});

describe('/users/membership/edit/', () => {
  it('is a personal 404 for an account that is not a member', async () => {
    const { browser } = await start();
    for (const path of ['/users/membership/edit/', '/users/membership/affirm/']) {
      const { response, body } = await browser.get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe(personal);
      expect(body).toContain('Become a PSF Basic member');
    }
  });

  it('edits the membership without asking for the code of conduct again, and deletes it (owner only)', async () => {
    const { browser, memberships } = await start();
    await browser.submit('/users/membership/', membershipForm);
    const { body } = await browser.get('/users/membership/edit/');
    expect(body).toContain('value="Belmont"');
    expect(body).not.toContain('name="codeOfConduct"');
    expect(body).toContain('I have previously agreed to the PSF Code of Conduct.');
    expect(body).toContain('action="/users/membership/delete/guido/"');
    const saved = await browser.submit('/users/membership/edit/', { ...membershipForm, city: 'Palo Alto', announcements: '' });
    expect(saved.response.status).toBe(303);
    expect(memberships.memberships.get('guido')).toMatchObject({ city: 'Palo Alto', announcements: false });

    expect((await browser.get('/users/membership/delete/guido/')).response.status).toBe(405);
    const other = await browser.submit('/users/membership/edit/', {}, '/users/membership/delete/someone/');
    expect(other.response.status).toBe(403);
    expect(other.body).toContain('You can only delete your own membership.');
    expect(memberships.memberships.has('guido')).toBe(true);
    const left = await browser.submit('/users/membership/edit/', {}, '/users/membership/delete/guido/');
    expect(left.response.status).toBe(303);
    expect(left.response.headers.get('location')).toBe('/users/membership/?done=deleted');
    expect(memberships.memberships.has('guido')).toBe(false);
    expect((await browser.get('/users/membership/?done=deleted')).body).toContain('Your PSF membership has been deleted.');
  });

  it('prompts a voting member whose affirmation is due, and records it', async () => {
    const { browser, memberships } = await start();
    await browser.submit('/users/membership/', membershipForm);
    const stale = memberships.memberships.get('guido');
    if (stale === undefined) throw new Error('no membership');
    memberships.memberships.set('guido', { ...stale, lastVoteAffirmation: '2024-01-02T00:00:00.000Z', needsVoteAffirmation: true });
    const { body } = await browser.get('/users/membership/edit/');
    expect(body).toContain('Affirm your intent to vote');
    expect(body).toContain('Your last affirmation was on');
    const affirmPage = await browser.get('/users/membership/affirm/');
    expect(affirmPage.body).toContain('Reaffirm your desire to be a PSF Voting Member');
    expect((await browser.post('/users/membership/affirm/', {})).response.status).toBe(403);
    const affirmed = await browser.submit('/users/membership/affirm/', {});
    expect(affirmed.response.status).toBe(303);
    expect(affirmed.response.headers.get('location')).toBe('/users/membership/edit/?done=affirmed');
    expect(memberships.memberships.get('guido')?.needsVoteAffirmation).toBe(false);
    const after = await browser.get('/users/membership/edit/?done=affirmed');
    expect(after.body).not.toContain('Affirm your intent to vote');
    expect(after.body).toContain('your intent to vote is recorded');
  });
});

describe('/membership/, the landing page', () => {
  it('is public and the same for everyone, linking to the sign-up and the edit form', async () => {
    const { browser } = await start({ signIn: false });
    const anonymous = await browser.get('/membership/');
    expect(anonymous.response.status).toBe(200);
    expect(anonymous.response.headers.get('content-type')).toBe(html);
    expect(anonymous.response.headers.get('cache-control')).toMatch(/^public/);
    expect(anonymous.body).toContain('href="/users/membership/"');
    expect(anonymous.body).toContain('href="/users/membership/edit/"');
    expect(anonymous.body).not.toContain('href=""');
  });
});
