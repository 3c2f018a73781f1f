import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { queryParametersByRoute } from '../../../web/src/cache/cacheKey';
import { cookiesBypassingCache } from '../../../web/src/cache/cookiesBypassingCache';
import { parsePurgeAllowedAddresses } from '../../../web/src/cache/purgeAllowance';
import { loadWebConfig } from '../../../web/src/config';
import { csrfCookieName } from '../../../web/src/forms/csrfToken';
import { previewCookieName } from '../../../web/src/routes/preview';
import { parseTrustedProxies } from '../../../lib/throttle/clientAddress';
import { createCheckCounter } from '../../support/checkCounter';
import { startCachingServer, createCountingApp, testPurgeSecret, type CachingTestServer } from './cachingTestServer';
import { rawRequest } from './rawRequest';

/**
 * Issue 18, cache abuse: anyone could force renders (open PURGE), skip the cache (any Cookie
 * header) or fill it with junk variants (every query string its own entry).
 */
const { checks, check } = createCheckCounter();
let server: CachingTestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

afterAll(() => {
  console.log(`cache abuse: ${checks.run} checks, ${checks.failed} failed`);
});

async function start(purgeAllowedAddresses?: string, trustProxy = '') {
  const counting = createCountingApp();
  const purgeAllowance = purgeAllowedAddresses === undefined ? undefined : { allowedAddresses: parsePurgeAllowedAddresses(purgeAllowedAddresses), trustedProxies: parseTrustedProxies(trustProxy) };
  server = await startCachingServer(counting.app, { purgeAllowance });
  return { ...counting, server };
}

describe('PURGE <url> is limited to allowed addresses or the purge key', () => {
  it('refuses an unauthenticated PURGE from an address not listed, and purges nothing', () =>
    check('PURGE from elsewhere refused', async () => {
      const { server, renders } = await start('192.0.2.10');
      await rawRequest(server.baseUrl, '/');
      const refused = await rawRequest(server.baseUrl, '/', { method: 'PURGE' });
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(refused.headers['cache-control']).toBe('no-cache, no-store, must-revalidate');
      expect(JSON.parse(refused.body.toString())).toEqual({ error: expect.stringContaining('PURGE_ALLOWED_ADDRESSES') });
      expect((await rawRequest(server.baseUrl, '/')).headers['x-cache']).toBe('HIT');
      expect(renders.get('/')).toBe(1);
    }));

  it('does not take the client address from X-Forwarded-For unless TRUST_PROXY says so', () =>
    check('PURGE spoofed X-Forwarded-For', async () => {
      const { server } = await start('192.0.2.10');
      expect((await rawRequest(server.baseUrl, '/', { method: 'PURGE', headers: { 'x-forwarded-for': '192.0.2.10' } })).status).toBe(403);
      await server.close();
      const behindProxy = await start('192.0.2.10', 'loopback');
      expect((await rawRequest(behindProxy.server.baseUrl, '/', { method: 'PURGE', headers: { 'x-forwarded-for': '192.0.2.10' } })).status).toBe(200);
      expect((await rawRequest(behindProxy.server.baseUrl, '/', { method: 'PURGE', headers: { 'x-forwarded-for': '198.51.100.1' } })).status).toBe(403);
    }));

  it('accepts PURGE with the purge key from anywhere, and from the listed addresses without it', () =>
    check('PURGE allowed', async () => {
      const { server } = await start('192.0.2.10');
      await rawRequest(server.baseUrl, '/');
      const keyed = await rawRequest(server.baseUrl, '/', { method: 'PURGE', headers: { authorization: `Bearer ${testPurgeSecret}` } });
      expect(keyed.status).toBe(200);
      expect((await rawRequest(server.baseUrl, '/', { method: 'PURGE', headers: { authorization: 'Bearer wrong-secret-0123456789' } })).status).toBe(403);
      await server.close();
      const local = await start('loopback');
      expect((await rawRequest(local.server.baseUrl, '/', { method: 'PURGE' })).status).toBe(200);
    }));

  it('allows loopback by default and refuses a hop count', () =>
    check('PURGE_ALLOWED_ADDRESSES config', () => {
      const config = loadWebConfig({});
      expect(config.purgeAllowedAddresses.kind).toBe('addresses');
      expect(loadWebConfig({ PURGE_ALLOWED_ADDRESSES: 'none' }).purgeAllowedAddresses.kind).toBe('none');
      expect(() => loadWebConfig({ PURGE_ALLOWED_ADDRESSES: '2' })).toThrow(/not a hop count/);
    }));
});

describe('cookies the site does not read do not skip the cache', () => {
  it('serves the cached page to a request with unrelated cookies', () =>
    check('unrelated cookies get the cached page', async () => {
      const { server, renders } = await start();
      await rawRequest(server.baseUrl, '/');
      for (const cookie of ['_ga=GA1.2.3', 'payload-token=abc; theme=dark', 'junk']) {
        expect((await rawRequest(server.baseUrl, '/', { headers: { cookie } })).headers['x-cache']).toBe('HIT');
      }
      expect(renders.get('/')).toBe(1);
    }));

  it('renders for the cookies the site reads, which are one named list', () =>
    check('site cookies bypass', async () => {
      expect([...cookiesBypassingCache].sort()).toEqual([csrfCookieName, previewCookieName].sort());
      const { server, renders } = await start();
      await rawRequest(server.baseUrl, '/');
      for (const name of cookiesBypassingCache) {
        expect((await rawRequest(server.baseUrl, '/', { headers: { cookie: `_ga=1; ${name}=x` } })).headers['x-cache']).toBeUndefined();
      }
      expect(renders.get('/')).toBe(1 + cookiesBypassingCache.length);
    }));
});

describe('only the query parameters a route reads are in the cache key', () => {
  it('lets junk variants share the real entry instead of evicting it', () =>
    check('junk query variants share the entry', async () => {
      const { server, renders } = await start();
      await rawRequest(server.baseUrl, '/downloads/');
      for (let index = 0; index < 20; index += 1) {
        expect((await rawRequest(server.baseUrl, `/downloads/?junk=${index}&page=${index}`)).headers['x-cache']).toBe('HIT');
      }
      expect(renders.get('/downloads/')).toBe(1);
      expect(server.cache.size).toBe(1);
    }));

  it('keeps the parameters a route reads, each value its own page', () =>
    check('read parameters kept', async () => {
      expect(queryParametersByRoute.find((route) => route.prefix === '/events/')?.parameters).toEqual(['page']);
      const { server, renders } = await start();
      await rawRequest(server.baseUrl, '/events/?page=2&utm_source=x');
      expect((await rawRequest(server.baseUrl, '/events/?page=2&junk=1')).headers['x-cache']).toBe('HIT');
      expect((await rawRequest(server.baseUrl, '/events/?page=3')).headers['x-cache']).toBe('MISS');
      expect(renders.get('/events/?page=2')).toBe(1);
      expect(renders.get('/events/?page=3')).toBe(1);
    }));
});
