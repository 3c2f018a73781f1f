import { afterEach, describe, expect, it } from 'vitest';
import { startCachingServer, createCountingApp, testPurgeSecret, type CachingTestServer } from './cachingTestServer';
import { rawRequest, type RawResponse } from './rawRequest';

describe('purging the page cache', () => {
  let server: CachingTestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(purgeSecret: string | null = testPurgeSecret) {
    const counting = createCountingApp();
    server = await startCachingServer(counting.app, { purgeSecret });
    for (const path of ['/', '/downloads/', '/events/', '/events/?page=2']) await rawRequest(server.baseUrl, path);
    return { ...counting, server };
  }

  function purge(body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
    if (server === undefined) throw new Error('start the server first');
    return rawRequest(server.baseUrl, '/_purge', {
      method: 'POST',
      headers: { authorization: `Bearer ${testPurgeSecret}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function cacheStatus(path: string): Promise<string | undefined> {
    if (server === undefined) throw new Error('start the server first');
    const header = (await rawRequest(server.baseUrl, path)).headers['x-cache'];
    return typeof header === 'string' ? header : undefined;
  }

  function json(response: RawResponse): unknown {
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache, no-store, must-revalidate');
    return JSON.parse(response.body.toString());
  }

  it('purges every page built from a surrogate key, and only those', async () => {
    await start();
    const response = await purge({ keys: ['release-files'] });
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({ status: 'ok', purged: { keys: ['release-files'], urls: [], all: false }, pages: 1, workers: 1 });
    expect(await cacheStatus('/downloads/')).toBe('MISS');
    expect(await cacheStatus('/')).toBe('HIT');
    expect(await cacheStatus('/events/')).toBe('HIT');
  });

  it('purges a URL with all its query variants, given as a path or a full URL', async () => {
    await start();
    const response = await purge({ urls: ['https://www.python.org/events/'] });
    expect(response.status).toBe(200);
    expect(json(response)).toMatchObject({ pages: 2, purged: { urls: ['/events/'] } });
    expect(await cacheStatus('/events/')).toBe('MISS');
    expect(await cacheStatus('/events/?page=2')).toBe('MISS');
    expect(await cacheStatus('/')).toBe('HIT');
  });

  it('purges everything on {"all": true}', async () => {
    await start();
    expect(json(await purge({ all: true }))).toMatchObject({ pages: 4 });
    expect(await cacheStatus('/')).toBe('MISS');
  });

  it('accepts the release tooling\'s unauthenticated PURGE of one URL', async () => {
    await start();
    const response = await rawRequest(server?.baseUrl ?? '', '/downloads/', { method: 'PURGE' });
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({ status: 'ok', purged: { urls: ['/downloads/'] }, pages: 1, workers: 1 });
    expect(await cacheStatus('/downloads/')).toBe('MISS');
    expect(await cacheStatus('/')).toBe('HIT');
  });

  it('refuses a request without credentials with 401 and a challenge', async () => {
    await start();
    const response = await rawRequest(server?.baseUrl ?? '', '/_purge', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"keys":["releases"]}',
    });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="purge"');
    expect(json(response)).toEqual({ error: 'Missing credentials: send "Authorization: Bearer <PURGE_SECRET>".' });
    expect(await cacheStatus('/')).toBe('HIT');
  });

  it('refuses a malformed Authorization header with 401', async () => {
    await start();
    const response = await purge({ keys: ['releases'] }, { authorization: `Basic ${testPurgeSecret}` });
    expect(response.status).toBe(401);
    expect(json(response)).toEqual({ error: 'Malformed Authorization header: expected "Bearer <PURGE_SECRET>".' });
  });

  it('refuses a wrong secret with 403 and purges nothing', async () => {
    await start();
    const response = await purge({ all: true }, { authorization: `Bearer ${testPurgeSecret}x` });
    expect(response.status).toBe(403);
    expect(json(response)).toEqual({ error: 'The bearer token does not match PURGE_SECRET.' });
    expect(await cacheStatus('/')).toBe('HIT');
  });

  it('refuses every authenticated purge with 403 when no PURGE_SECRET is configured', async () => {
    await start(null);
    const response = await purge({ all: true });
    expect(response.status).toBe(403);
    expect(json(response)).toEqual({ error: 'Purging is disabled on this renderer: PURGE_SECRET is not set.' });
  });

  it.each([
    ['not JSON', '{keys', 'The body must be JSON: {"keys": [...], "urls": [...]}.'],
    ['an array', '[]', 'The body must be a JSON object: {"keys": [...], "urls": [...]}.'],
    ['an unknown field', '{"key":["releases"]}', 'Unknown field(s): key. Use "keys", "urls" or "all".'],
    ['keys that are not strings', '{"keys":[1]}', '"keys" must be an array of strings.'],
    ['a key with spaces', '{"keys":["a b"]}', 'Invalid key "a b": use letters, digits, ".", "_", ":" or "-".'],
    ['a relative URL', '{"urls":["downloads/"]}', 'Invalid URL "downloads/": give a path such as "/downloads/" or an http(s) URL.'],
    ['nothing to purge', '{"keys":[],"urls":[]}', 'Nothing to purge: name at least one key or URL, or send {"all": true}.'],
    ['a non-boolean all', '{"all":"yes"}', '"all" must be true or false.'],
  ])('refuses %s with 400 and says why', async (_name, body, message) => {
    await start();
    const response = await purge(body);
    expect(response.status).toBe(400);
    expect(json(response)).toEqual({ error: message });
  });

  it('refuses a body that is not declared as JSON with 415', async () => {
    await start();
    const response = await purge('{"all":true}', { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(json(response)).toEqual({ error: 'Send the purge order as Content-Type: application/json.' });
  });

  it('refuses an oversized body with 413', async () => {
    await start();
    const response = await purge({ urls: Array.from({ length: 900 }, (_, index) => `/${'x'.repeat(80)}/${index}/`) });
    expect(response.status).toBe(413);
    expect(json(response)).toEqual({ error: 'The purge order must be at most 65536 bytes.' });
  });

  it('answers other methods on /_purge with 405 and Allow', async () => {
    await start();
    const response = await rawRequest(server?.baseUrl ?? '', '/_purge');
    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('POST');
    expect(json(response)).toEqual({ error: 'Use POST to purge.' });
  });
});
