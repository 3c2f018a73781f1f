/**
 * The job board's personal pages (issue 12) on the real app with in-memory accounts and job
 * postings: sign-in required, every page personal, CSRF and python.org's honeypot on the posting
 * form, per-visitor limit on new postings, create -> preview -> submit, edit (the CMS's refusal
 * shown with its status, never a 500), remove, "My Submissions", and the review queue for
 * moderators only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../web/src/app';
import { loadWebConfig } from '../../../web/src/config';
import { createAccountBrowser, type AccountBrowser } from '../support/accountBrowser';
import { createFakeAccountService, knownPassword, type FakeAccounts } from '../support/fakeAccountService';
import { createFakeJobPostingService, type FakeJobPostings } from '../support/fakeJobPostingService';
import { createFakeServices, testConfig } from '../support/fakeServices';
import { startTestServer, type TestServer } from '../support/startTestServer';

const html = 'text/html; charset=utf-8';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const posting = {
  title: 'Backend developer',
  companyName: 'Example Ltd',
  category: '2',
  types: '1',
  city: 'Lisbon',
  country: 'Portugal',
  description: 'Write <script>alert(1)</script> Python.',
  requirements: 'Python.',
  email: 'jobs@example.org',
  url: 'https://example.org/jobs/',
  agencies: 'on',
};

async function start(config = testConfig): Promise<{ browser: AccountBrowser; accounts: FakeAccounts; jobs: FakeJobPostings }> {
  const accounts = createFakeAccountService();
  const jobs = createFakeJobPostingService((session) => {
    const username = accounts.sessions.get(session);
    return username === undefined ? null : (accounts.accounts.get(username)?.id ?? null);
  });
  server = await startTestServer(createApp(createFakeServices({ accounts, jobPostings: jobs }), config));
  return { browser: createAccountBrowser(server.baseUrl), accounts, jobs };
}

async function signIn(browser: AccountBrowser): Promise<void> {
  const { response } = await browser.submit('/accounts/login/', { login: 'guido', password: knownPassword });
  expect(response.status).toBe(303);
}

function expectPersonal(response: Response, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe(html);
  expect(response.headers.get('cache-control')).toBe('private, no-store');
}

describe('the job posting pages', () => {
  it.each(['/jobs/create/', '/jobs/mine/', '/jobs/review/', '/jobs/5/edit/', '/jobs/5/preview/'])('%s sends an anonymous visitor to sign in', async (path) => {
    const { browser } = await start();
    const { response } = await browser.get(path);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/accounts/login/?next=${encodeURIComponent(path)}`);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('posts a job as a draft, previews it with the text escaped, and submits it for approval', async () => {
    const { browser, jobs } = await start();
    await signIn(browser);
    const form = await browser.get('/jobs/create/');
    expectPersonal(form.response, 200);
    expect(form.body).toContain('name="email_body_text" type="text" value="write your message"');
    expect(form.body).toContain('<option value="2">Software Engineering</option>');
    expect(browser.lastSetCookies.join('\n')).toMatch(/pydotorg_csrf=[^;]+; Max-Age=7200; Path=\/jobs\/create\/;/);

    const { response } = await browser.submit('/jobs/create/', posting);
    expect(response.status).toBe(303);
    const id = [...jobs.jobs.keys()][0];
    expect(response.headers.get('location')).toBe(`/jobs/${id}/preview/?done=created`);
    expect(jobs.jobs.get(id ?? 0)).toMatchObject({ status: 'draft', typeIds: [1], categoryId: 2, agencies: true, remote: false });
    expect(jobs.calls.find((call) => call.method === 'create')?.visitorAddress).toBe('127.0.0.1');

    const preview = await browser.get(`/jobs/${id}/preview/?done=created`);
    expectPersonal(preview.response, 200);
    expect(preview.body).toContain('saved as a draft');
    expect(preview.body).toContain('Submit for Approval');
    expect(preview.body).not.toContain('<script>alert(1)</script>');
    const submitted = await browser.submit(`/jobs/${id}/preview/`, { action: 'review' });
    expect(submitted.response.status).toBe(303);
    expect(submitted.response.headers.get('location')).toBe('/jobs/mine/?done=submitted');
    expect(jobs.jobs.get(id ?? 0)?.status).toBe('review');

    const mine = await browser.get('/jobs/mine/?done=submitted');
    expectPersonal(mine.response, 200);
    expect(mine.body).toContain('Thank you for filing a new job posting!');
    expect(mine.body).toContain('Waiting for review');
  });

  it('refuses a post without the CSRF token (403) or with the honeypot changed (400), keeping what was typed and storing nothing', async () => {
    const { browser, jobs } = await start();
    await signIn(browser);
    const { token } = await browser.get('/jobs/create/');
    const noToken = await browser.post('/jobs/create/', { ...posting, email_body_text: 'write your message' });
    expectPersonal(noToken.response, 403);
    expect(noToken.body).toContain('value="Backend developer"');
    const bot = await browser.post('/jobs/create/', { ...posting, csrfToken: token, email_body_text: 'buy now' });
    expectPersonal(bot.response, 400);
    expect(jobs.jobs.size).toBe(0);
  });

  it('bounds every field and requires the python.org ones before asking the CMS', async () => {
    const { browser, jobs } = await start();
    await signIn(browser);
    const { response, body } = await browser.submit('/jobs/create/', { ...posting, title: 'x'.repeat(101), country: '', url: 'javascript:alert(1)' });
    expectPersonal(response, 400);
    expect(body).toContain('Use at most 100 characters (it has 101).');
    expect(body).toContain('This field is required.');
    expect(body).toContain('Enter the http(s) address of the job or the company.');
    expect(jobs.calls.filter((call) => call.method === 'create')).toEqual([]);
  });

  it('limits new postings per visitor (429 with Retry-After)', async () => {
    const { browser, jobs } = await start(loadWebConfig({ JOB_SUBMISSIONS_PER_HOUR: '2' }));
    await signIn(browser);
    for (let n = 0; n < 2; n += 1) expect((await browser.submit('/jobs/create/', posting)).response.status).toBe(303);
    const { response, body } = await browser.submit('/jobs/create/', posting);
    expectPersonal(response, 429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(body).toContain('Too many attempts');
    expect(jobs.jobs.size).toBe(2);
  });

  it("shows the CMS's refusal of an edit with its status and message, never a 500", async () => {
    const { browser, jobs } = await start();
    await signIn(browser);
    await browser.submit('/jobs/create/', posting);
    const id = [...jobs.jobs.keys()][0] ?? 0;
    jobs.refuseNext = { ok: false, status: 400, message: 'This job is expired and can no longer be edited; post a new one instead.', errors: {} };
    const { response, body } = await browser.submit(`/jobs/${id}/edit/`, { ...posting, title: 'Changed' });
    expectPersonal(response, 400);
    expect(body).toContain('This job is expired and can no longer be edited');
    expect(body).toContain('value="Changed"');
  });

  it('saves an edit of an approved job (the CMS sends it back to review) and removes a job', async () => {
    const { browser, jobs } = await start();
    await signIn(browser);
    await browser.submit('/jobs/create/', posting);
    const id = [...jobs.jobs.keys()][0] ?? 0;
    const job = jobs.jobs.get(id);
    if (job) job.status = 'approved';
    const edited = await browser.submit(`/jobs/${id}/edit/`, { ...posting, title: 'Senior backend developer' });
    expect(edited.response.headers.get('location')).toBe(`/jobs/${id}/preview/?done=saved`);
    expect(jobs.jobs.get(id)).toMatchObject({ title: 'Senior backend developer', status: 'review' });
    const removed = await browser.submit(`/jobs/${id}/preview/`, {}, `/jobs/${id}/remove/`);
    expect(removed.response.headers.get('location')).toBe('/jobs/mine/?done=removed');
    expect(jobs.jobs.get(id)?.status).toBe('removed');
  });

  it("answers 404 for another account's job", async () => {
    const { browser, jobs } = await start();
    await signIn(browser);
    await browser.submit('/jobs/create/', posting);
    const id = [...jobs.jobs.keys()][0] ?? 0;
    const job = jobs.jobs.get(id);
    if (job) job.submittedBy = 99;
    expectPersonal((await browser.get(`/jobs/${id}/edit/`)).response, 404);
    expectPersonal((await browser.get(`/jobs/${id}/preview/`)).response, 404);
  });
});

describe('the review queue', () => {
  it('is a 403 for an account that is not a jobs moderator', async () => {
    const { browser } = await start();
    await signIn(browser);
    const { response, body } = await browser.get('/jobs/review/');
    expectPersonal(response, 403);
    expect(body).toContain("Only the job board&#39;s moderators may review jobs.");
  });

  it('lets a moderator comment and approve, with CSRF', async () => {
    const { browser, jobs } = await start();
    await signIn(browser);
    await browser.submit('/jobs/create/', posting);
    const id = [...jobs.jobs.keys()][0] ?? 0;
    await browser.submit(`/jobs/${id}/preview/`, { action: 'review' });
    jobs.moderators.add(1);
    const queue = await browser.get('/jobs/review/');
    expectPersonal(queue.response, 200);
    expect(queue.body).toContain('Backend developer');
    expectPersonal((await browser.post('/jobs/review/', { job_id: String(id), action: 'approve' })).response, 403);
    const commented = await browser.submit('/jobs/review/', { job_id: String(id), action: 'comment', comment: 'Name the salary.' });
    expect(commented.response.headers.get('location')).toBe('/jobs/review/?done=comment');
    expect((await browser.get('/jobs/review/')).body).toContain('Name the salary.');
    const bad = await browser.submit('/jobs/review/', { job_id: 'x', action: 'approve' });
    expectPersonal(bad.response, 400);
    const approved = await browser.submit('/jobs/review/', { job_id: String(id), action: 'approve', comment: '' });
    expect(approved.response.headers.get('location')).toBe('/jobs/review/?done=approve');
    expect(jobs.jobs.get(id)?.status).toBe('approved');
  });
});
