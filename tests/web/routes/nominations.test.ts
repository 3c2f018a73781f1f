/**
 * PSF elections and nominations on the site (issue 13), on the real app with fake services: the
 * public pages (status, content type, Cache-Control, surrogate keys, escaping), the personal form
 * and invitation pages (sign-in first, `private, no-store`, CSRF, the window's 409, the preview),
 * and /users/nominations/.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../web/src/app';
import type { ElectionView, NominationInput, NominationService } from '../../../web/src/services/nominationService';
import { createAccountBrowser, type AccountBrowser } from '../support/accountBrowser';
import { createFakeAccountService, knownPassword } from '../support/fakeAccountService';
import { createFakeServices, testConfig } from '../support/fakeServices';
import { startTestServer, type TestServer } from '../support/startTestServer';

const html = 'text/html; charset=utf-8';
const personal = 'private, no-store';

function election(window: ElectionView['window']): ElectionView {
  return {
    id: 7,
    name: '2027 <Board> Election',
    slug: 'board-2027',
    path: '/nominations/election/board-2027/',
    nomineesPath: '/nominations/elections/board-2027/nominees/',
    formPath: '/nominations/board-2027/create/',
    date: 'June 1, 2027',
    isoDate: '2027-06-01',
    opensAt: '2027-04-01 00:00 UTC',
    closesAt: '2027-05-01 00:00 UTC',
    window,
    status: window === 'open' ? 'Nominations Open' : 'Nominations Closed',
    descriptionHtml: '<p>Elect <em>four</em>.</p>',
    hidePreviousService: false,
  };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(overrides: Partial<NominationService>, signIn = false): Promise<AccountBrowser> {
  const base = createFakeServices().nominations;
  server = await startTestServer(createApp(createFakeServices({ accounts: createFakeAccountService(), nominations: { ...base, ...overrides } }), testConfig));
  const browser = createAccountBrowser(server.baseUrl);
  if (signIn) expect((await browser.submit('/accounts/login/', { login: 'guido', password: knownPassword })).response.status).toBe(303);
  return browser;
}

const withElection = (window: ElectionView['window']): Partial<NominationService> => ({
  elections: async () => [{ label: 'Nominations Open', elections: [election(window)] }],
  election: async (slug) => (slug === 'board-2027' ? { election: election(window), nominees: [{ name: 'Nia <Nominee>', slug: 'nia', path: '/nominations/elections/board-2027/nominees/nia/' }] } : null),
  nominee: async (electionSlug, slug) =>
    electionSlug === 'board-2027' && slug === 'nia'
      ? {
          election: election(window),
          nominee: { name: 'Nia <Nominee>', slug: 'nia', path: '/nominations/elections/board-2027/nominees/nia/' },
          nominations: [{ id: 1, name: 'Nia <Nominee>', employer: 'Example & Co', previousService: 'New board member', otherAffiliations: null, statementHtml: '<p>She <strong>should</strong>.</p>', accepted: true, approved: true }],
        }
      : null,
  previewStatement: async (_session, markdown) => ({ ok: true, value: `<p>${markdown.replace(/\*\*(\w+)\*\*/, '<strong>$1</strong>')}</p>`, message: '' }),
});

describe('the public election pages', () => {
  it('lists the elections, an election with its nominees, the nominees and a nominee: public, cached under the nominations keys, escaped', async () => {
    const browser = await start(withElection('open'));
    for (const path of ['/nominations/elections/', '/nominations/election/board-2027/', '/nominations/elections/board-2027/nominees/', '/nominations/elections/board-2027/nominees/nia/']) {
      const { response, body } = await browser.get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe(html);
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      expect(response.headers.get('surrogate-key')).toMatch(/^elections nominees nominations /);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(body).not.toContain('<Board>');
      expect(body).not.toContain('<Nominee>');
    }
    expect((await browser.get('/nominations/election/board-2027/')).body).toContain('<a href="/nominations/elections/board-2027/nominees/nia/">Nia &lt;Nominee&gt;</a>');
    expect((await browser.get('/nominations/elections/')).body).toContain('<a class="button" href="/nominations/board-2027/create/">Submit a nomination</a>');
    const nominee = (await browser.get('/nominations/elections/board-2027/nominees/nia/')).body;
    expect(nominee).toContain('<p>She <strong>should</strong>.</p>');
    expect(nominee).toContain('Example &amp; Co');
  });

  it('answers 404 for unknown or malformed elections and nominees', async () => {
    const browser = await start(withElection('open'));
    for (const path of ['/nominations/election/unknown/', '/nominations/election/%3Cx%3E/', '/nominations/elections/board-2027/nominees/nobody/', '/nominations/elections/unknown/nominees/', '/nominations/unknown/create/']) {
      const { response } = await browser.get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe(html);
    }
  });
});

describe('the nomination form', () => {
  it('sends an anonymous visitor to sign in and back', async () => {
    const browser = await start(withElection('open'));
    const { response } = await browser.get('/nominations/board-2027/create/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/accounts/login/?next=%2Fnominations%2Fboard-2027%2Fcreate%2F');
  });

  it('shows the form, personal, previews the statement, and submits what was typed', async () => {
    const sent: NominationInput[] = [];
    const browser = await start({ ...withElection('open'), nominate: async (_session, _election, input) => (sent.push(input), { ok: true, value: { id: 3 }, message: '' }) }, true);
    const form = await browser.get('/nominations/board-2027/create/');
    expect(form.response.status).toBe(200);
    expect(form.response.headers.get('cache-control')).toBe(personal);
    const fields = { name: 'Nia', email: 'nia@example.org', employer: 'Example', previousService: '', otherAffiliations: '', statement: 'She **should** serve.' };
    const preview = await browser.post('/nominations/board-2027/create/', { csrfToken: form.token, email_body_text: 'write your message', ...fields, preview: '1' });
    expect(preview.response.status).toBe(200);
    expect(preview.body).toContain('<strong>should</strong>');
    expect(sent).toEqual([]);
    const submitted = await browser.post('/nominations/board-2027/create/', { csrfToken: form.token, email_body_text: 'write your message', ...fields });
    expect(submitted.response.status).toBe(303);
    expect(submitted.response.headers.get('location')).toBe('/users/nominations/?done=nominated');
    expect(sent).toMatchObject([{ name: 'Nia', email: 'nia@example.org', codeOfConductAcknowledged: false }]);
  });

  it('refuses without the CSRF token (403) and shows the CMS refusal (a non-member: 403) with what was typed', async () => {
    const browser = await start(withElection('open'), true);
    const form = await browser.get('/nominations/board-2027/create/');
    const fields = { name: 'Nia <x>', email: 'nia@example.org', employer: 'Example', statement: 'Yes.' };
    const forged = await browser.post('/nominations/board-2027/create/', { csrfToken: 'forged', email_body_text: 'write your message', ...fields });
    expect(forged.response.status).toBe(403);
    const refused = await browser.post('/nominations/board-2027/create/', { csrfToken: form.token, email_body_text: 'write your message', ...fields });
    expect(refused.response.status).toBe(403);
    expect(refused.body).toContain('Only PSF members may nominate.');
    expect(refused.body).toContain('value="Nia &lt;x&gt;"');
  });

  it('is closed outside the window: a 409 with a clear message and no form, on GET and POST', async () => {
    let called = false;
    const browser = await start({ ...withElection('closed'), nominate: async () => ((called = true), { ok: true, value: { id: 1 }, message: '' }) }, true);
    const { response, body, token } = await browser.get('/nominations/board-2027/create/');
    expect(response.status).toBe(409);
    expect(response.headers.get('cache-control')).toBe(personal);
    expect(body).toContain('Nominations for 2027 &lt;Board&gt; Election are closed.');
    expect(body).not.toContain('name="statement"');
    const posted = await browser.post('/nominations/board-2027/create/', { csrfToken: token, email_body_text: 'write your message', name: 'x', email: 'x@example.org', employer: 'x', statement: 'x' });
    expect(posted.response.status).toBe(409);
    expect(called).toBe(false);
  });
});

describe('the invitation page and the history', () => {
  const token = `n-${'a'.repeat(43)}`;

  it('asks to sign in, then shows the nomination and takes the answer', async () => {
    const answers: (string | undefined)[] = [];
    const overrides: Partial<NominationService> = {
      invitation: async (_session, _token, answer) => {
        answers.push(answer);
        return { ok: true, message: '', value: { electionName: '2027 Board Election', electionSlug: 'board-2027', nomination: { id: 1, name: 'Nia', employer: 'Example', statementHtml: '<p>Yes.</p>', accepted: false } } };
      },
    };
    const anonymous = await start(overrides);
    expect((await anonymous.get(`/nominations/respond/${token}/`)).response.status).toBe(302);
    await server?.close();
    const browser = await start(overrides, true);
    const page = await browser.get(`/nominations/respond/${token}/`);
    expect(page.response.status).toBe(200);
    expect(page.response.headers.get('cache-control')).toBe(personal);
    expect(page.body).toContain('You have been nominated for <strong>2027 Board Election</strong>');
    const answered = await browser.post(`/nominations/respond/${token}/`, { csrfToken: page.token, answer: 'accept' });
    expect(answered.response.status).toBe(303);
    expect(answered.response.headers.get('location')).toBe('/users/nominations/?done=accepted');
    expect(answers).toEqual([undefined, 'accept']);
    expect((await browser.post(`/nominations/respond/${token}/`, { csrfToken: page.token, answer: 'maybe' })).response.status).toBe(400);
  });

  it('answers 404 for a malformed link and passes on the CMS refusal of a spent one', async () => {
    const browser = await start({}, true);
    expect((await browser.get('/nominations/respond/not-a-token/')).response.status).toBe(404);
    const spent = await browser.get(`/nominations/respond/${token}/`);
    expect(spent.response.status).toBe(404);
    expect(spent.body).toContain('This link is not valid.');
  });

  it('shows the history, personal', async () => {
    const browser = await start({ history: async () => ({ received: [], made: [{ election: election('open'), nomination: { id: 1, name: 'Nia', employer: 'E', previousService: null, otherAffiliations: null, statementHtml: '', accepted: false, approved: false }, self: false, nomineePath: null }] }) }, true);
    const { response, body } = await browser.get('/users/nominations/?done=nominated');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(personal);
    expect(body).toContain('Your nomination has been submitted.');
    expect(body).toContain('Nia, not accepted yet');
  });

  it("lets the nominee change their answer from the history while open, and shows the CMS's refusal", async () => {
    const answers: [number, boolean][] = [];
    const received = { election: election('open'), nomination: { id: 4, name: 'Guido', employer: 'E', previousService: null, otherAffiliations: null, statementHtml: '', accepted: true, approved: false }, self: false, nomineePath: null };
    const browser = await start(
      {
        history: async () => ({ received: [received], made: [] }),
        answer: async (_session, id, accepted) => (answers.push([id, accepted]), id === 4 ? { ok: true, value: undefined, message: '' } : { ok: false, status: 403, message: 'Only the nominee accepts a nomination, while nominations are open.', errors: {} }),
      },
      true,
    );
    const page = await browser.get('/users/nominations/');
    expect(page.body).toContain('action="/users/nominations/4/answer/"');
    const declined = await browser.post('/users/nominations/4/answer/', { csrfToken: page.token, answer: 'decline' });
    expect(declined.response.status).toBe(303);
    expect(declined.response.headers.get('location')).toBe('/users/nominations/?done=declined');
    const refused = await browser.post('/users/nominations/5/answer/', { csrfToken: page.token, answer: 'accept' });
    expect(refused.response.status).toBe(403);
    expect(refused.body).toContain('Only the nominee accepts a nomination');
    expect((await browser.post('/users/nominations/4/answer/', { csrfToken: 'forged', answer: 'accept' })).response.status).toBe(403);
    expect((await browser.post('/users/nominations/x/answer/', { csrfToken: page.token, answer: 'accept' })).response.status).toBe(400);
    expect(answers).toEqual([[4, false], [5, true]]);
  });
});
