import { describe, expect, it } from 'vitest';
import { createCachedPage } from '../../../web/src/cache/CachedPage';
import { cacheKeyOf, purgePathOf } from '../../../web/src/cache/cacheKey';
import { PageCache } from '../../../web/src/cache/PageCache';

function page(key: string, surrogateKey: string, size = 100) {
  return createCachedPage({
    key,
    path: key.split('?')[0] ?? key,
    headers: { 'content-type': 'text/html; charset=utf-8', 'surrogate-key': surrogateKey, 'cache-control': 'public, max-age=300' },
    body: Buffer.from('a'.repeat(size)),
    storedAt: 0,
    lifetimeMs: 300_000,
  }, { gzip: null, br: null });
}

describe('PageCache', () => {
  it('marks pages stale by surrogate key and by path, keeping them for outages', () => {
    const cache = new PageCache(1_000_000);
    cache.store(page('/', 'releases boxes'));
    cache.store(page('/events/', 'events'));
    cache.store(page('/events/?page=2', 'events'));

    expect(cache.purge({ keys: ['boxes'], paths: [], all: false })).toBe(1);
    expect(cache.lookup('/')?.stale).toBe(true);
    expect(cache.lookup('/events/')?.stale).toBe(false);
    expect(cache.purge({ keys: [], paths: ['/events/'], all: false })).toBe(2);
    expect(cache.lookup('/events/?page=2')?.stale).toBe(true);
    expect(cache.size).toBe(3);
  });

  it('hands every purge order to its listeners and counts the orders', () => {
    const cache = new PageCache(10_000);
    const heard: unknown[] = [];
    cache.onPurge((order) => heard.push(order));
    const order = { keys: ['boxes'], paths: ['/'], all: false };
    cache.purge(order);
    cache.purge({ keys: [], paths: [], all: true });
    expect(heard).toEqual([order, { keys: [], paths: [], all: true }]);
    expect(cache.purgeCount).toBe(2);
  });

  it('evicts stale pages before fresh ones, then the least recently used', () => {
    const one = page('/a/', 'x');
    const cache = new PageCache(one.bytes * 2, one.bytes);
    cache.store(one);
    cache.store(page('/b/', 'y'));
    cache.purge({ keys: ['x'], paths: [], all: false });
    cache.store(page('/c/', 'z'));
    expect(cache.lookup('/a/')).toBeUndefined();
    cache.lookup('/b/');
    cache.store(page('/d/', 'z'));
    expect(cache.lookup('/c/')).toBeUndefined();
    expect(cache.lookup('/b/')).toBeDefined();
    expect(cache.bytes).toBeLessThanOrEqual(one.bytes * 2);
  });

  it('forgets index entries of replaced pages', () => {
    const cache = new PageCache(1_000_000);
    cache.store(page('/', 'releases'));
    cache.store(page('/', 'boxes'));
    expect(cache.purge({ keys: ['releases'], paths: [], all: false })).toBe(0);
    expect(cache.purge({ keys: ['boxes'], paths: [], all: false })).toBe(1);
  });
});

describe('cache keys', () => {
  it.each([
    ['/downloads/', '/downloads/'],
    ['/downloads/?', '/downloads/'],
    ['/search/?type=b&q=a', '/search/?q=a&type=b'],
    ['/events/?junk=2&page=3', '/events/?page=3'],
    ['/downloads/?page=3', '/downloads/'],
    ['/?utm_source=x&fbclid=y', '/'],
  ])('%s is stored as %s', (url, key) => {
    expect(cacheKeyOf(url)?.key).toBe(key);
  });

  it.each([['/preview/?token=abc'], ['/?preview=1'], ['//evil.example/'], [`/${'x'.repeat(3000)}`]])('%s is never cached', (url) => {
    expect(cacheKeyOf(url)).toBeUndefined();
  });

  it('reads purge targets as paths or full URLs', () => {
    expect(purgePathOf('/downloads/?x=1')).toBe('/downloads/');
    expect(purgePathOf('https://www.python.org/downloads/release/python-3147/')).toBe('/downloads/release/python-3147/');
    expect(purgePathOf('ftp://example.org/')).toBeUndefined();
    expect(purgePathOf('downloads')).toBeUndefined();
  });
});
