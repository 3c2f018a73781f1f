/**
 * The in-memory page store of one renderer process: least recently used pages go first
 * once the byte bound is reached. Purges do not delete: they mark pages stale, so a page
 * can still be served while the CMS is down (see createCachingHandler). Stale pages are
 * evicted first when memory is needed, since they are only a fallback.
 */
import type { CachedPage } from './CachedPage';

export interface PurgeOrder {
  /** Surrogate keys: CMS collection slugs such as "releases". */
  readonly keys: readonly string[];
  /** Paths, each purging every query-string variant stored for it. */
  readonly paths: readonly string[];
  /** Purge everything (after a bulk import, for instance). */
  readonly all: boolean;
}

export class PageCache {
  // A Map iterates in insertion order; re-inserting on use keeps the least recent first.
  private readonly pages = new Map<string, CachedPage>();
  private readonly keysByPath = new Map<string, Set<string>>();
  private readonly keysBySurrogateKey = new Map<string, Set<string>>();
  private storedBytes = 0;
  /** Counts stores; see lookup. */
  private stores = 0;
  private readonly purgeListeners: ((order: PurgeOrder) => void)[] = [];
  private purgesApplied = 0;

  constructor(
    readonly maxBytes: number,
    /** A single page larger than this is not stored, so one page cannot flush all others. */
    readonly maxPageBytes: number = Math.max(1, Math.floor(maxBytes / 16)),
  ) {}

  get bytes(): number {
    return this.storedBytes;
  }

  get size(): number {
    return this.pages.size;
  }

  /** Counts purge orders applied; a render compares it before and after (see createCachingHandler). */
  get purgeCount(): number {
    return this.purgesApplied;
  }

  /** The stored page for a key, fresh or stale, marking it recently used. */
  lookup(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page === undefined) return undefined;
    // Eviction only happens when storing, so a page used since the last store is already
    // "more recent" than every page that was not: moving it once per store is exact enough,
    // and keeps the Map untouched on most hits.
    if (page.touchedAt !== this.stores) {
      page.touchedAt = this.stores;
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  /** Stores a page (replacing the old one for its key); false when it is too large. */
  store(page: CachedPage): boolean {
    this.remove(page.key);
    if (page.bytes > this.maxPageBytes) return false;
    this.stores += 1;
    page.touchedAt = this.stores;
    this.pages.set(page.key, page);
    this.storedBytes += page.bytes;
    addToIndex(this.keysByPath, page.path, page.key);
    for (const surrogateKey of page.surrogateKeys) addToIndex(this.keysBySurrogateKey, surrogateKey, page.key);
    this.evictOverflow();
    return true;
  }

  /**
   * Calls `listener` with every purge order this cache applies, whichever way it arrived
   * (the endpoint, a cluster relay, Redis): what else is built from CMS data (the CMS read
   * cache) is then dropped exactly when the pages are.
   */
  onPurge(listener: (order: PurgeOrder) => void): void {
    this.purgeListeners.push(listener);
  }

  /** Marks the pages an order names stale; returns how many pages it touched. */
  purge(order: PurgeOrder): number {
    this.purgesApplied += 1;
    // Listeners first: a page rendered after this purge must not be built from older data.
    for (const listener of this.purgeListeners) listener(order);
    if (order.all) return this.markStale(this.pages.keys());
    let count = 0;
    for (const path of order.paths) count += this.markStale(this.keysByPath.get(path) ?? []);
    for (const key of order.keys) count += this.markStale(this.keysBySurrogateKey.get(key) ?? []);
    return count;
  }

  private markStale(keys: Iterable<string>): number {
    let count = 0;
    for (const key of keys) {
      const page = this.pages.get(key);
      if (page === undefined) continue;
      // A purge also ends any outage grace period: the next request tries to render.
      page.serveStaleUntil = 0;
      if (!page.stale) {
        page.stale = true;
        count += 1;
      }
    }
    return count;
  }

  private remove(key: string): void {
    const page = this.pages.get(key);
    if (page === undefined) return;
    this.pages.delete(key);
    this.storedBytes -= page.bytes;
    removeFromIndex(this.keysByPath, page.path, key);
    for (const surrogateKey of page.surrogateKeys) removeFromIndex(this.keysBySurrogateKey, surrogateKey, key);
  }

  private evictOverflow(): void {
    if (this.storedBytes <= this.maxBytes) return;
    // Stale pages first (oldest use first), then fresh ones.
    for (const [key, page] of this.pages) {
      if (this.storedBytes <= this.maxBytes) return;
      if (page.stale) this.remove(key);
    }
    for (const key of this.pages.keys()) {
      if (this.storedBytes <= this.maxBytes) return;
      this.remove(key);
    }
  }
}

function addToIndex(index: Map<string, Set<string>>, name: string, key: string): void {
  const keys = index.get(name);
  if (keys === undefined) index.set(name, new Set([key]));
  else keys.add(key);
}

function removeFromIndex(index: Map<string, Set<string>>, name: string, key: string): void {
  const keys = index.get(name);
  if (keys === undefined) return;
  keys.delete(key);
  if (keys.size === 0) index.delete(name);
}
