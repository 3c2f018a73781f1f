import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCmsClient } from '../../../web/src/cms/client';
import { CmsUnavailableError } from '../../../web/src/cms/errors';
import { createAccountService } from '../../../web/src/services/createAccountService';
import { bioHtml } from '../../../lib/markup/storedMarkup';

type Seen = { method: string; url: string; headers: IncomingHttpHeaders; body: unknown };
type Reply = { status: number; body: unknown; headers?: Record<string, string> };

const SESSION = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.c2lnbmF0dXJl';

describe('the account service over a real HTTP CMS', () => {
  let server: Server;
  let baseUrl: string;
  const seen: Seen[] = [];
  let reply: (request: Seen) => Reply = () => ({ status: 200, body: { message: 'ok' } });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const request: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text === '' ? undefined : JSON.parse(text) };
        seen.push(request);
        const answer = reply(request);
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
  });

  const service = () => createAccountService(createCmsClient({ baseUrl, timeoutMs: 2000, rendererKey: 'renderer-secret' }));

  it('signs up as the visitor: the body, the visitor address and the renderer key go to POST /api/accounts/signup', async () => {
    reply = () => ({ status: 200, body: { message: 'Check your mail.' } });
    const result = await service().signUp({ username: 'ada', email: 'ada@example.org', password: 'pw123456', passwordAgain: 'pw123456' }, '203.0.113.9');
    expect(result).toEqual({ ok: true, value: undefined, message: 'Check your mail.' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/accounts/signup', body: { username: 'ada', email: 'ada@example.org', password: 'pw123456', passwordAgain: 'pw123456' } });
    expect(seen[0].headers['x-forwarded-for']).toBe('203.0.113.9');
    expect(seen[0].headers['x-pydotorg-renderer-key']).toBe('renderer-secret');
    expect(seen[0].headers.authorization).toBeUndefined();
  });

  it('passes the CMS\'s field errors and its 429 wait through', async () => {
    reply = () => ({ status: 400, body: { message: 'Please correct the errors below.', errors: { username: 'Taken.' } } });
    expect(await service().signUp({ username: 'ada', email: 'a@example.org', password: 'x', passwordAgain: 'x' }, '203.0.113.9')).toEqual({
      ok: false,
      status: 400,
      message: 'Please correct the errors below.',
      errors: { username: 'Taken.' },
    });
    reply = () => ({ status: 429, body: { message: 'Too many requests.', errors: {} }, headers: { 'retry-after': '120' } });
    expect(await service().requestPasswordReset('a@example.org', '203.0.113.9')).toMatchObject({ ok: false, status: 429, retryAfterSeconds: 120 });
  });

  it('signs in to a session, then sends it as Authorization for the signed-in calls', async () => {
    reply = (request) =>
      request.url === '/api/accounts/signin'
        ? { status: 200, body: { message: 'Signed in.', token: SESSION, expiresAt: '2030-01-01T00:00:00.000Z' } }
        : { status: 200, body: { message: '', account: { id: 7, username: 'ada', email: 'ada@example.org', pendingEmail: null, firstName: 'Ada', lastName: '', bio: '', location: '', publicProfile: true, searchVisibility: true, emailPrivacy: 'accounts', createdAt: '2026-01-01T00:00:00.000Z', lastSignInAt: null } } };
    const signedIn = await service().signIn({ login: 'ada', password: 'pw123456' }, '198.51.100.1');
    expect(signedIn).toEqual({ ok: true, value: { token: SESSION, expiresAt: '2030-01-01T00:00:00.000Z' }, message: 'Signed in.' });
    const account = await service().current(SESSION);
    expect(account).toMatchObject({ id: 7, username: 'ada', emailPrivacy: 'accounts', pendingEmail: null });
    expect(seen[1]).toMatchObject({ method: 'GET', url: '/api/accounts/me' });
    expect(seen[1].headers.authorization).toBe(`JWT ${SESSION}`);
    await service().signOut(SESSION);
    expect(seen[2]).toMatchObject({ method: 'POST', url: '/api/accounts/signout' });
  });

  it('treats an unknown session as signed out, and never sends one that is not a token', async () => {
    reply = () => ({ status: 401, body: { message: 'Please sign in.', errors: {} } });
    expect(await service().current(SESSION)).toBeNull();
    expect(await service().current('abc\r\nX-Injected: 1')).toBeNull();
    expect(await service().changePassword('not a token', { currentPassword: 'a', password: 'b', passwordAgain: 'b' })).toMatchObject({ ok: false, status: 401 });
    expect(seen).toHaveLength(1);
  });

  it('maps each call to its endpoint and method', async () => {
    reply = (request) => ({ status: 200, body: { message: 'ok', account: request.method === 'PATCH' ? { id: 1, username: 'ada', email: 'a@example.org' } : undefined } });
    const accounts = service();
    await accounts.verifyEmail('v-token', '192.0.2.1');
    await accounts.resetPassword({ token: 'r-token', password: 'pw123456', passwordAgain: 'pw123456' }, '192.0.2.1');
    const profileInput = { username: 'ada', firstName: '', lastName: '', bio: '', location: '', publicProfile: true, searchVisibility: true, emailPrivacy: 'nobody' as const };
    expect(await accounts.updateProfile(SESSION, profileInput)).toMatchObject({ ok: true, value: { id: 1, username: 'ada' } });
    await accounts.changeEmail(SESSION, { email: 'b@example.org', password: 'pw' });
    await accounts.deleteAccount(SESSION, { password: 'pw' });
    expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /api/accounts/verify',
      'POST /api/accounts/reset',
      'PATCH /api/accounts/me',
      'POST /api/accounts/me/email',
      'DELETE /api/accounts/me',
    ]);
    expect(seen[0].body).toEqual({ token: 'v-token' });
    expect(seen[3].headers.authorization).toBe(`JWT ${SESSION}`);
  });

  it('shows a public profile\'s bio as the CMS rendered and sanitised it when saved, and has no profile for odd names', async () => {
    reply = () => ({
      status: 200,
      body: { message: '', profile: { username: 'ada', firstName: 'Ada', lastName: 'Lovelace', bio: '**Hi** <script>alert(1)</script> [x](javascript:alert(1))', bioHtml: bioHtml('**Hi** <script>alert(1)</script> [x](javascript:alert(1))'), location: 'London', email: null, searchVisibility: false, memberSince: '2026-01-01T00:00:00.000Z' } },
    });
    const profile = await service().publicProfile('Ada');
    expect(profile).toMatchObject({ username: 'ada', displayName: 'Ada Lovelace', location: 'London', email: null, searchVisibility: false });
    expect(profile?.bioHtml).toContain('<strong>Hi</strong>');
    expect(profile?.bioHtml).not.toContain('<script');
    expect(profile?.bioHtml).not.toContain('javascript:');
    expect(seen[0].url).toBe('/api/accounts/profile/Ada');
    expect(await service().publicProfile('../admin')).toBeNull();
    expect(seen).toHaveLength(1);
    reply = () => ({ status: 404, body: { message: 'No such profile.', errors: {} } });
    expect(await service().publicProfile('nobody')).toBeNull();
  });

  it('throws CmsUnavailableError when the CMS fails', async () => {
    reply = () => ({ status: 500, body: { message: 'boom' } });
    await expect(service().signIn({ login: 'ada', password: 'pw' }, '192.0.2.1')).rejects.toBeInstanceOf(CmsUnavailableError);
  });
});
