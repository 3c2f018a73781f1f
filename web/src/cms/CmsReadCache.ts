/**
 * The renderer's memory of anonymous CMS reads, so that rendering a page the page cache does
 * not hold costs only the reads that page alone needs: the navigation tree, banners, boxes,
 * operating systems and the other documents every page shares are read once, not once per
 * page. A cold render on python.org is usually the first request after an edit purged a page,
 * and most of what that page shows did not change.
 *
 * It is invalidated by the same purge orders as the page cache (the CMS names the collection
 * that changed as the surrogate key), so it is never staler than the pages built from it:
 *  - a key purge drops every read of that collection, and every read that embeds documents of
 *    that collection (relations populated at depth > 0); a read whose embedded collections are
 *    not declared is dropped by any key purge;
 *  - a purge of everything drops everything;
 *  - a purge naming only URLs keeps the data: it asks for the page to be rendered again, and
 *    the data behind it is kept current by the key purges of the changes themselves.
 * A short lifetime bounds the damage of a purge that never arrived.
 *
 * Previews never come here: they read drafts with the editor's token.
 */
import type { PurgeOrder } from '../cache/PageCache';

export interface CmsReadCacheOptions {
  /** How long a read is reused without a purge. */
  readonly lifetimeMs: number;
  /** Upper bound on stored reads; the least recently used go first. */
  readonly maxEntries: number;
  readonly now?: () => number;
}

/** What a read depends on: its collection, and the collections whose documents it embeds. */
export interface CmsReadDependencies {
  readonly collection: string;
  /** 'undeclared': it embeds documents, but which collections was not said; any change drops it. */
  readonly embeds: readonly string[] | 'undeclared';
}

interface StoredRead {
  readonly value: unknown;
  readonly dependencies: CmsReadDependencies;
  readonly expiresAt: number;
}

export class CmsReadCache {
  // A Map iterates in insertion order; re-inserting on use keeps the least recent first.
  private readonly reads = new Map<string, StoredRead>();
  private readonly inFlight = new Map<string, { readonly generation: number; readonly promise: Promise<unknown> }>();
  /** Bumped by every purge that drops anything, so a read that started before it is not stored. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: CmsReadCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.reads.size;
  }

  /**
   * The stored value for `key`, or the result of `load` (shared with concurrent callers of
   * the same key). Failures are not stored: the next caller asks the CMS again.
   */
  async read<T>(key: string, dependencies: CmsReadDependencies, load: () => Promise<T>): Promise<T> {
    const stored = this.reads.get(key);
    if (stored !== undefined && stored.expiresAt > this.now()) {
      this.reads.delete(key);
      this.reads.set(key, stored);
      return stored.value as T;
    }
    const pending = this.inFlight.get(key);
    if (pending !== undefined && pending.generation === this.generation) return pending.promise as Promise<T>;

    const generation = this.generation;
    const promise = load();
    this.inFlight.set(key, { generation, promise });
    try {
      const value = await promise;
      // A purge while the CMS was answering may mean the answer is already old.
      if (generation === this.generation) this.store(key, { value, dependencies, expiresAt: this.now() + this.options.lifetimeMs });
      return value;
    } finally {
      if (this.inFlight.get(key)?.promise === promise) this.inFlight.delete(key);
    }
  }

  /** Applies a purge order (see the module comment); returns how many reads were dropped. */
  purge(order: PurgeOrder): number {
    if (!order.all && order.keys.length === 0) return 0;
    this.generation += 1;
    if (order.all) {
      const count = this.reads.size;
      this.reads.clear();
      return count;
    }
    const keys = new Set(order.keys);
    let count = 0;
    for (const [key, stored] of this.reads) {
      const { collection, embeds } = stored.dependencies;
      if (keys.has(collection) || embeds === 'undeclared' || embeds.some((embedded) => keys.has(embedded))) {
        this.reads.delete(key);
        count += 1;
      }
    }
    return count;
  }

  private store(key: string, read: StoredRead): void {
    this.reads.delete(key);
    this.reads.set(key, read);
    for (const oldest of this.reads.keys()) {
      if (this.reads.size <= this.options.maxEntries) break;
      this.reads.delete(oldest);
    }
  }
}
