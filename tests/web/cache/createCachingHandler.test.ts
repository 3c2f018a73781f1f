import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { outageGraceMs, purgedCopyWhileRenderingMs } from '../../../web/src/cache/createCachingHandler';
import { CmsUnavailableError } from '../../../web/src/cms/errors';
import express from 'express';
import { createApp } from '../../../web/src/app';
import { setUpCacheDefaults } from '../../../web/src/middleware/setUpCacheDefaults';
import { setUpErrorHandling } from '../../../web/src/middleware/setUpErrorHandling';
import { setUpSecurityHeaders } from '../../../web/src/middleware/setUpSecurityHeaders';
import { setUpViews } from '../../../web/src/middleware/setUpViews';
import { expectSecurityHeaders } from '../support/expectSecurityHeaders';
import { createFakeServices, testConfig } from '../support/fakeServices';
import { startCachingServer, createCountingApp, type CachingTestServer } from './cachingTestServer';
import { comparableHeaders, rawRequest } from './rawRequest';

describe('the page cache in front of Express', () => {
  let server: CachingTestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
    vi.restoreAllMocks();
  });

  async function start(options: { maxBytes?: number; maxPageBytes?: number } = {}) {
    const counting = createCountingApp();
    server = await startCachingServer(counting.app, options);
    return { ...counting, server };
  }

  it('renders once, then answers from memory with the same headers', async () => {
    const { renders, server } = await start();
    const miss = await rawRequest(server.baseUrl, '/downloads/');
    const hit = await rawRequest(server.baseUrl, '/downloads/');

    expect(miss.status).toBe(200);
    expect(hit.status).toBe(200);
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(renders.get('/downloads/')).toBe(1);
    expect(hit.body.equals(miss.body)).toBe(true);
    expect(comparableHeaders(hit.headers)).toEqual(comparableHeaders(miss.headers));
    expect(hit.headers['cache-control']).toBe('public, max-age=300');
    expect(hit.headers['surrogate-key']).toBe('releases release-files');
    expect(hit.headers['content-security-policy']).toBe("default-src 'self'");
    expect(hit.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(hit.headers['vary']).toBe('Accept-Encoding');
    expect(hit.headers['etag']).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(hit.headers['content-length']).toBe(String(hit.body.length));
    expect(hit.headers['age']).toMatch(/^\d+$/);
  });

  it('sends the real app\'s security headers on hits and misses alike', async () => {
    // A static file: public, served by the real middleware chain, independent of CMS data.
    server = await startCachingServer(createApp(createFakeServices(), testConfig));
    const miss = await fetch(`${server.baseUrl}/static/css/site.css`);
    const hit = await fetch(`${server.baseUrl}/static/css/site.css`);
    await Promise.all([miss.text(), hit.text()]);

    expect(miss.headers.get('x-cache')).toBe('MISS');
    expect(hit.headers.get('x-cache')).toBe('HIT');
    for (const response of [miss, hit]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      expectSecurityHeaders(response);
    }
  });

  it('serves gzip and brotli variants, each with its own ETag', async () => {
    const { server } = await start();
    const identity = await rawRequest(server.baseUrl, '/');
    const gzip = await rawRequest(server.baseUrl, '/', { headers: { 'accept-encoding': 'gzip' } });
    const br = await rawRequest(server.baseUrl, '/', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const refused = await rawRequest(server.baseUrl, '/', { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });

    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(gzip.body).equals(identity.body)).toBe(true);
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    expect(gzip.body.length).toBeLessThan(identity.body.length);
    expect(new Set([identity.headers.etag, gzip.headers.etag, br.headers.etag]).size).toBe(3);
    expect(gzip.headers['vary']).toBe('Accept-Encoding');
  });

  it('answers HEAD with the headers of GET and no body, on a miss and on a hit', async () => {
    const { server, renders } = await start();
    const headMiss = await rawRequest(server.baseUrl, '/events/', { method: 'HEAD' });
    const get = await rawRequest(server.baseUrl, '/events/');
    const headHit = await rawRequest(server.baseUrl, '/events/', { method: 'HEAD' });

    expect(headMiss.status).toBe(200);
    expect(headMiss.body.length).toBe(0);
    expect(headMiss.headers['x-cache']).toBe('MISS');
    expect(headHit.headers['x-cache']).toBe('HIT');
    expect(get.headers['x-cache']).toBe('HIT');
    expect(headMiss.headers['content-length']).toBe(String(get.body.length));
    expect(comparableHeaders(headHit.headers)).toEqual(comparableHeaders(get.headers));
    expect(renders.get('/events/')).toBe(1);
  });

  it('answers If-None-Match with a 304 carrying the validators, on a hit and on a miss', async () => {
    const { server } = await start();
    const first = await rawRequest(server.baseUrl, '/');
    const etag = String(first.headers.etag);
    const hit = await rawRequest(server.baseUrl, '/', { headers: { 'if-none-match': etag } });
    expect(hit.status).toBe(304);
    expect(hit.body.length).toBe(0);
    expect(hit.headers.etag).toBe(etag);
    expect(hit.headers['cache-control']).toBe('public, max-age=300');
    expect(hit.headers['vary']).toBe('Accept-Encoding');

    await rawRequest(server.baseUrl, '/_purge', {
      method: 'POST',
      headers: { authorization: 'Bearer test-purge-secret-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({ urls: ['/'] }),
    });
    const miss = await rawRequest(server.baseUrl, '/', { headers: { 'if-none-match': `W/${etag}, "other"` } });
    expect(miss.headers['x-cache']).toBe('MISS');
    // The page was rendered again ("render 2"), so its ETag changed: a full 200.
    expect(miss.status).toBe(200);
    const again = await rawRequest(server.baseUrl, '/', { headers: { 'if-none-match': String(miss.headers.etag) } });
    expect(again.status).toBe(304);
  });

  it('keys pages by path and the sorted parameters the route reads, ignoring the others', async () => {
    const { server, renders } = await start();
    await rawRequest(server.baseUrl, '/events/?page=2&b=1');
    const reordered = await rawRequest(server.baseUrl, '/events/?utm_source=newsletter&page=2');
    const bare = await rawRequest(server.baseUrl, '/events/?utm_campaign=x');
    expect(reordered.headers['x-cache']).toBe('HIT');
    expect(bare.headers['x-cache']).toBe('MISS');
    // The app renders the key's URL, so what is stored is what the key names.
    expect(renders.get('/events/?page=2')).toBe(1);
  });

  it('never answers from or stores into the cache for cookies, credentials, previews and private pages', async () => {
    const { server, renders } = await start();
    await rawRequest(server.baseUrl, '/');
    const withCookie = await rawRequest(server.baseUrl, '/', { headers: { cookie: 'pydotorg_preview=abc' } });
    const withAuthorization = await rawRequest(server.baseUrl, '/', { headers: { authorization: 'Bearer x' } });
    const withToken = await rawRequest(server.baseUrl, '/?token=abc');
    expect(withCookie.headers['x-cache']).toBeUndefined();
    expect(withAuthorization.headers['x-cache']).toBeUndefined();
    expect(withToken.headers['x-cache']).toBeUndefined();
    expect(renders.get('/')).toBe(3);

    for (const path of ['/preview/pages/1/', '/private/', '/with-cookie/']) {
      await rawRequest(server.baseUrl, path);
      const second = await rawRequest(server.baseUrl, path);
      expect(second.headers['x-cache'], path).toBeUndefined();
    }
    expect(server.cache.size).toBe(1);
  });

  it('passes errors and non-GET requests through untouched', async () => {
    const { server } = await start();
    const missing = await rawRequest(server.baseUrl, '/nowhere/');
    const post = await rawRequest(server.baseUrl, '/', { method: 'POST' });
    expect(missing.status).toBe(404);
    expect(missing.headers['x-cache']).toBeUndefined();
    expect(post.status).toBe(404);
    expect(server.cache.size).toBe(0);
  });

  it('treats a page as expired after its max-age and renders it again', async () => {
    const { server, renders } = await start();
    await rawRequest(server.baseUrl, '/');
    server.advance(301_000);
    const after = await rawRequest(server.baseUrl, '/');
    expect(after.headers['x-cache']).toBe('MISS');
    expect(renders.get('/')).toBe(2);
  });

  it('does not keep as fresh a page whose render a purge overtook', async () => {
    const app = express();
    let renders = 0;
    let release: () => void = () => undefined;
    app.get('/slow/', (_req, res) => {
      renders += 1;
      const count = renders;
      // The first render read its data before the purge below, and finishes after it.
      const finish = () => res.set('Cache-Control', 'public, max-age=300').type('html').send(`render ${count}`);
      if (count === 1) release = finish;
      else finish();
    });
    server = await startCachingServer(app);
    const first = rawRequest(server.baseUrl, '/slow/');
    await vi.waitFor(() => expect(renders).toBe(1));
    await rawRequest(server.baseUrl, '/slow/', { method: 'PURGE' });
    release();
    expect((await first).body.toString()).toBe('render 1');

    const next = await rawRequest(server.baseUrl, '/slow/');
    expect(next.headers['x-cache']).toBe('MISS');
    expect(next.body.toString()).toBe('render 2');
    expect((await rawRequest(server.baseUrl, '/slow/')).headers['x-cache']).toBe('HIT');
  });

  /** An app whose /slow/ renders wait until the test releases them, each saying its number. */
  function startHeldApp() {
    const app = express();
    const held: (() => void)[] = [];
    let renders = 0;
    app.get('/slow/', (_req, res) => {
      renders += 1;
      const count = renders;
      held.push(() => res.set('Cache-Control', 'public, max-age=300').type('html').send(`render ${count}`));
    });
    return { app, held, renders: () => renders, releaseAll: () => held.splice(0).forEach((finish) => finish()) };
  }

  it('renders a page once for concurrent requests, and never hands a request a render begun before a purge', async () => {
    const held = startHeldApp();
    server = await startCachingServer(held.app);
    const crowd = Array.from({ length: 5 }, () => rawRequest(server!.baseUrl, '/slow/'));
    await vi.waitFor(() => expect(held.held).toHaveLength(1));
    held.releaseAll();
    const answers = await Promise.all(crowd);
    expect(held.renders()).toBe(1);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers['x-cache']).toBe('MISS');
      expect(answer.headers['cache-control']).toBe('public, max-age=300');
      expect(answer.body.toString()).toBe('render 1');
    }

    // A purge while a render runs: who comes after it waits on a render of its own.
    await rawRequest(server.baseUrl, '/slow/', { method: 'PURGE' });
    const before = rawRequest(server.baseUrl, '/slow/');
    await vi.waitFor(() => expect(held.held).toHaveLength(1));
    await rawRequest(server.baseUrl, '/slow/', { method: 'PURGE' });
    const after = [rawRequest(server.baseUrl, '/slow/')];
    await vi.waitFor(() => expect(held.held).toHaveLength(2));
    // Past the soft purge's moment (see the next test), a later arrival joins the new render.
    server.advance(purgedCopyWhileRenderingMs);
    after.push(rawRequest(server.baseUrl, '/slow/'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    held.releaseAll();
    expect((await before).body.toString()).toBe('render 2');
    expect((await Promise.all(after)).map((answer) => answer.body.toString())).toEqual(['render 3', 'render 3']);
    expect(held.renders()).toBe(3);
    expect((await rawRequest(server.baseUrl, '/slow/')).headers['x-cache']).toBe('HIT');
  });

  it('answers with the expired copy while one request renders it again, and with a purged one only for a moment', async () => {
    const held = startHeldApp();
    server = await startCachingServer(held.app);
    const first = rawRequest(server.baseUrl, '/slow/');
    await vi.waitFor(() => expect(held.held).toHaveLength(1));
    held.releaseAll();
    await first;

    server.advance(301_000);
    const renderer = rawRequest(server.baseUrl, '/slow/');
    await vi.waitFor(() => expect(held.held).toHaveLength(1));
    const meanwhile = await rawRequest(server.baseUrl, '/slow/');
    expect(meanwhile.status).toBe(200);
    expect(meanwhile.headers['x-cache']).toBe('STALE');
    expect(meanwhile.body.toString()).toBe('render 1');
    held.releaseAll();
    expect((await renderer).body.toString()).toBe('render 2');

    // Past the window (a minute by default), nobody gets the old copy: they wait.
    server.advance(301_000 + 61_000);
    const late = [rawRequest(server.baseUrl, '/slow/'), rawRequest(server.baseUrl, '/slow/')];
    await vi.waitFor(() => expect(held.held).toHaveLength(1));
    held.releaseAll();
    expect((await Promise.all(late)).map((answer) => answer.body.toString())).toEqual(['render 3', 'render 3']);

    // Purged (a soft purge): the first request renders the new page and waits for it; who
    // comes while that render runs is sent the purged copy at once, for a moment only.
    await rawRequest(server.baseUrl, '/slow/', { method: 'PURGE' });
    const firstAfterPurge = rawRequest(server.baseUrl, '/slow/');
    await vi.waitFor(() => expect(held.held).toHaveLength(1));
    const during = await rawRequest(server.baseUrl, '/slow/');
    expect(during.status).toBe(200);
    expect(during.headers['x-cache']).toBe('STALE');
    expect(during.headers['warning']).toBe('110 - "Response is Stale"');
    expect(during.body.toString()).toBe('render 3');
    server.advance(purgedCopyWhileRenderingMs);
    const afterTheMoment = rawRequest(server.baseUrl, '/slow/');
    await new Promise((resolve) => setTimeout(resolve, 100));
    held.releaseAll();
    for (const answer of await Promise.all([firstAfterPurge, afterTheMoment])) {
      expect(answer.headers['x-cache']).toBe('MISS');
      expect(answer.body.toString()).toBe('render 4');
    }
    expect(held.renders()).toBe(4);
  });

  it('lets those waiting render for themselves when the shared render stores nothing', async () => {
    const app = express();
    let renders = 0;
    const held: (() => void)[] = [];
    app.get('/mine/', (_req, res) => {
      renders += 1;
      const count = renders;
      const finish = () => res.set('Cache-Control', 'private, no-cache').type('html').send(`yours ${count}`);
      if (count === 1) held.push(finish);
      else finish();
    });
    server = await startCachingServer(app);
    const leader = rawRequest(server.baseUrl, '/mine/');
    await vi.waitFor(() => expect(held).toHaveLength(1));
    const follower = rawRequest(server.baseUrl, '/mine/');
    held.splice(0).forEach((finish) => finish());
    expect((await leader).body.toString()).toBe('yours 1');
    const second = await follower;
    expect(second.status).toBe(200);
    expect(second.headers['cache-control']).toBe('private, no-cache');
    expect(second.body.toString()).toBe('yours 2');
  });

  it('serves the stale copy, marked so, when the render fails after a purge', async () => {
    const { server, cmsDown } = await start();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const original = await rawRequest(server.baseUrl, '/downloads/');
    await rawRequest(server.baseUrl, '/downloads/', { method: 'PURGE' });
    cmsDown.value = true;

    const stale = await rawRequest(server.baseUrl, '/downloads/');
    expect(stale.status).toBe(200);
    expect(stale.headers['x-cache']).toBe('STALE');
    expect(stale.headers['warning']).toBe('110 - "Response is Stale"');
    expect(stale.body.equals(original.body)).toBe(true);
    expect(comparableHeaders({ ...stale.headers, warning: undefined })).toEqual(comparableHeaders({ ...original.headers, warning: undefined }));

    // Without a stored copy, the error is the answer.
    const never = await rawRequest(server.baseUrl, '/events/');
    expect(never.status).toBe(503);

    // Once the CMS is back and the grace period is over, the page is rendered again.
    cmsDown.value = false;
    server.advance(outageGraceMs + 1);
    const fresh = await rawRequest(server.baseUrl, '/downloads/');
    expect(fresh.headers['x-cache']).toBe('MISS');
    expect(fresh.body.toString()).toContain('render 2');
  });

  it('serves the expired copy when a render meets an unreachable CMS (the real error chain)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let down = false;
    const app = express();
    setUpSecurityHeaders(app, testConfig.mediaOrigin);
    setUpCacheDefaults(app);
    setUpViews(app, testConfig);
    app.get('/downloads/', (_req, res) => {
      if (down) throw new CmsUnavailableError('CMS unreachable', '/api/releases');
      res.set('Cache-Control', 'public, max-age=300').type('html').send('<p>Python 3.14.7</p>');
    });
    setUpErrorHandling(app);
    server = await startCachingServer(app);

    const original = await rawRequest(server.baseUrl, '/downloads/');
    down = true;
    server.advance(301_000);
    const stale = await rawRequest(server.baseUrl, '/downloads/');
    expect(stale.status).toBe(200);
    expect(stale.headers['x-cache']).toBe('STALE');
    expect(stale.headers['retry-after']).toBeUndefined();
    expect(stale.body.equals(original.body)).toBe(true);
    expect(Number(stale.headers.age)).toBeGreaterThanOrEqual(300);
    expectSecurityHeaders(new Response(null, { headers: Object.entries(stale.headers).map(([name, value]): [string, string] => [name, String(value)]) }));
  });

  it('keeps memory within its bound, dropping the least recently used pages', async () => {
    // Room for two of the test pages (each about 2.6 kB with its compressed variants).
    const { server } = await start({ maxBytes: 6_000, maxPageBytes: 5_000 });
    await rawRequest(server.baseUrl, '/');
    await rawRequest(server.baseUrl, '/downloads/');
    expect(server.cache.size).toBe(2);
    await rawRequest(server.baseUrl, '/'); // now the most recently used
    await rawRequest(server.baseUrl, '/events/');
    expect(server.cache.bytes).toBeLessThanOrEqual(6_000);
    expect(server.cache.size).toBe(2);
    expect((await rawRequest(server.baseUrl, '/')).headers['x-cache']).toBe('HIT');
    expect((await rawRequest(server.baseUrl, '/downloads/')).headers['x-cache']).toBe('MISS');
    // A page larger than the per-page bound is served but not stored.
    expect((await rawRequest(server.baseUrl, '/big/')).status).toBe(200);
    expect((await rawRequest(server.baseUrl, '/big/')).headers['x-cache']).toBe('MISS');
  });
});
