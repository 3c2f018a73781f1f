import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createCachedPage } from '../../../web/src/cache/CachedPage';
import { clusterPurger } from '../../../web/src/cache/clusterPurger';
import { PageCache } from '../../../web/src/cache/PageCache';

function cacheWithHome(): PageCache {
  const cache = new PageCache(1_000_000);
  cache.store(
    createCachedPage({
      key: '/',
      path: '/',
      headers: { 'surrogate-key': 'releases', 'cache-control': 'public' },
      body: Buffer.from('home'),
      storedAt: 0,
      lifetimeMs: 1000,
    }, { gzip: null, br: null }),
  );
  return cache;
}

describe('clusterPurger', () => {
  it('purges locally, has the primary relay the order, and settles on its confirmation', async () => {
    const cache = cacheWithHome();
    const channel = Object.assign(new EventEmitter(), { sent: [] as unknown[], send: (message: unknown) => channel.sent.push(message) > 0 });
    const purge = clusterPurger(cache, channel);
    const outcome = purge({ keys: ['releases'], paths: [], all: false });

    expect(cache.lookup('/')?.stale).toBe(true);
    expect(channel.sent).toEqual([{ type: 'pydotorg:purge-request', id: 1, order: { keys: ['releases'], paths: [], all: false } }]);
    channel.emit('message', { type: 'pydotorg:purge-relayed', id: 1, pages: 3, workers: 2 });
    await expect(outcome).resolves.toEqual({ pages: 4, workers: 3 });
  });

  it('applies orders relayed from other workers and confirms them', () => {
    const cache = cacheWithHome();
    const channel = Object.assign(new EventEmitter(), { sent: [] as unknown[], send: (message: unknown) => channel.sent.push(message) > 0 });
    clusterPurger(cache, channel);
    channel.emit('message', { type: 'pydotorg:purge-apply', id: 7, order: { keys: [], paths: ['/'], all: false } });
    channel.emit('message', { type: 'pydotorg:purge-apply', id: 8, order: { keys: 'not a list' } });

    expect(cache.lookup('/')?.stale).toBe(true);
    expect(channel.sent).toEqual([{ type: 'pydotorg:purge-applied', id: 7, pages: 1 }]);
  });
});
