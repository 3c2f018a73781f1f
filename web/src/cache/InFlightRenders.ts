/**
 * The renders this process has under way, by cache key, so that a crowd asking for a page the
 * cache does not hold (every visitor right after a release purged /downloads/) waits on one
 * render instead of rendering it once per request: one render per page and worker.
 *
 * A request joins only a render that began after the last purge this cache applied. A render
 * begun before a purge may have read the data the purge replaced; the requests that arrive
 * after the purge start a new render (and later ones join that), so a purge is never answered
 * with a page built from before it.
 */
import type { CachedPage } from './CachedPage';

interface Render {
  /** PageCache.purgeCount when the render began. */
  readonly purgesAtStart: number;
  readonly result: Promise<CachedPage | undefined>;
}

export class InFlightRenders {
  private readonly renders = new Map<string, Render>();

  get size(): number {
    return this.renders.size;
  }

  /** The stored page of the render of `key` under way since the last purge, if there is one. */
  joinable(key: string, purgeCount: number): Promise<CachedPage | undefined> | undefined {
    const render = this.renders.get(key);
    return render !== undefined && render.purgesAtStart === purgeCount ? render.result : undefined;
  }

  /**
   * Records a render of `key` beginning now; the returned function settles it, once, with the
   * page it stored, or undefined when it stored none (not cacheable, failed, abandoned): those
   * waiting then go their own way.
   */
  begin(key: string, purgeCount: number): (page: CachedPage | undefined) => void {
    let settle: (page: CachedPage | undefined) => void = () => undefined;
    const result = new Promise<CachedPage | undefined>((resolve) => (settle = resolve));
    const render: Render = { purgesAtStart: purgeCount, result };
    this.renders.set(key, render);
    let settled = false;
    return (page) => {
      if (settled) return;
      settled = true;
      if (this.renders.get(key) === render) this.renders.delete(key);
      settle(page);
    };
  }
}
