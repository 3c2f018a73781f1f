import { describe, expect, it } from 'vitest';
import { CmsReadCache } from '../../../web/src/cms/CmsReadCache';

const releases = { collection: 'releases', embeds: [] };
const boxes = { collection: 'boxes', embeds: [] };
const eventsWithVenues = { collection: 'events', embeds: ['event-locations'] };
const storiesUndeclared = { collection: 'success-stories', embeds: 'undeclared' as const };

function cacheAt(clock: { ms: number }, maxEntries = 100) {
  return new CmsReadCache({ lifetimeMs: 60_000, maxEntries, now: () => clock.ms });
}

/** A load that counts its calls and answers `value-<n>`. */
function counter() {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    load: () => {
      calls += 1;
      return Promise.resolve(`value-${calls}`);
    },
  };
}

describe('the CMS read cache', () => {
  it('asks the CMS once, then answers from memory until the lifetime ends', async () => {
    const clock = { ms: 0 };
    const cache = cacheAt(clock);
    const cms = counter();
    expect(await cache.read('/api/releases?a', releases, cms.load)).toBe('value-1');
    clock.ms = 59_999;
    expect(await cache.read('/api/releases?a', releases, cms.load)).toBe('value-1');
    clock.ms = 60_000;
    expect(await cache.read('/api/releases?a', releases, cms.load)).toBe('value-2');
    expect(cms.calls).toBe(2);
  });

  it('shares one CMS request among concurrent readers of the same key', async () => {
    const cache = cacheAt({ ms: 0 });
    const cms = counter();
    const answers = await Promise.all([1, 2, 3].map(() => cache.read('/api/boxes?x', boxes, cms.load)));
    expect(answers).toEqual(['value-1', 'value-1', 'value-1']);
    expect(cms.calls).toBe(1);
  });

  it('drops the reads of a purged collection, the reads embedding it, and the reads not saying what they embed', async () => {
    const cache = cacheAt({ ms: 0 });
    const [release, box, event, story] = [counter(), counter(), counter(), counter()];
    const readAll = async () => {
      await cache.read('r', releases, release.load);
      await cache.read('b', boxes, box.load);
      await cache.read('e', eventsWithVenues, event.load);
      await cache.read('s', storiesUndeclared, story.load);
    };
    await readAll();

    expect(cache.purge({ keys: ['releases'], paths: [], all: false })).toBe(2);
    await readAll();
    expect([release.calls, box.calls, event.calls, story.calls]).toEqual([2, 1, 1, 2]);

    expect(cache.purge({ keys: ['event-locations'], paths: [], all: false })).toBe(2);
    await readAll();
    expect([release.calls, box.calls, event.calls, story.calls]).toEqual([2, 1, 2, 3]);
  });

  it('keeps its data on a purge naming only URLs, and drops everything on a purge of all', async () => {
    const cache = cacheAt({ ms: 0 });
    const cms = counter();
    await cache.read('b', boxes, cms.load);
    expect(cache.purge({ keys: [], paths: ['/'], all: false })).toBe(0);
    expect(await cache.read('b', boxes, cms.load)).toBe('value-1');
    expect(cache.purge({ keys: [], paths: [], all: true })).toBe(1);
    expect(await cache.read('b', boxes, cms.load)).toBe('value-2');
    expect(cache.size).toBe(1);
  });

  it('does not keep an answer that was on its way while a purge of its collection arrived', async () => {
    const cache = cacheAt({ ms: 0 });
    let answer: (value: string) => void = () => undefined;
    const slow = cache.read('r', releases, () => new Promise<string>((resolve) => (answer = resolve)));
    cache.purge({ keys: ['releases'], paths: [], all: false });
    // A reader after the purge must not join the request that started before it.
    const fresh = counter();
    expect(await cache.read('r', releases, fresh.load)).toBe('value-1');
    answer('old');
    expect(await slow).toBe('old');
    expect(await cache.read('r', releases, fresh.load)).toBe('value-1');
    expect(fresh.calls).toBe(1);
  });

  it('does not keep failures: the next reader asks the CMS again', async () => {
    const cache = cacheAt({ ms: 0 });
    await expect(cache.read('r', releases, () => Promise.reject(new Error('CMS down')))).rejects.toThrow('CMS down');
    expect(await cache.read('r', releases, () => Promise.resolve('back'))).toBe('back');
  });

  it('keeps at most maxEntries reads, dropping the least recently used', async () => {
    const cache = cacheAt({ ms: 0 }, 2);
    const cms = counter();
    await cache.read('a', boxes, cms.load); // value-1
    await cache.read('b', boxes, cms.load); // value-2
    await cache.read('a', boxes, cms.load); // hit: "a" is now the most recent
    await cache.read('c', boxes, cms.load); // value-3 evicts "b"
    expect(cache.size).toBe(2);
    expect(await cache.read('a', boxes, cms.load)).toBe('value-1');
    expect(await cache.read('b', boxes, cms.load)).toBe('value-4');
  });
});
