/**
 * The renders this process has under way, by cache key, so that a crowd asking for a page the
 * cache does not hold (every visitor right after a release purged /downloads/) waits on one
 * render instead of rendering it once per request: one render per page and worker.
 *
 * A request joins only a render that began after the last purge this cache applied. A render
 * begun before a purge may have read the data the purge replaced; the requests that arrive
 * after the purge start a new render (and later ones join that), so a purge is never answered
 * with a page built from before it. (Those arriving while that render runs may be sent the
 * purged copy for a moment: see purgedCopyWhileRenderingMs in createCachingHandler.)
 */
import type { CachedPage } from './CachedPage';

/** A render under way, as those who would wait on it see it. */
export interface JoinableRender {
  /** The page it stored, or undefined when it stored none. */
  readonly result: Promise<CachedPage | undefined>;
  /** The cache clock when it began. */
  readonly startedAt: number;
}

interface Render extends JoinableRender {
  /** PageCache.purgeCount when the render began. */
  readonly purgesAtStart: number;
}

export class InFlightRenders {
  private readonly renders = new Map<string, Render>();

  get size(): number {
    return this.renders.size;
  }

  /** The render of `key` under way since the last purge, if there is one. */
  joinable(key: string, purgeCount: number): JoinableRender | undefined {
    const render = this.renders.get(key);
    return render !== undefined && render.purgesAtStart === purgeCount ? render : undefined;
  }

  /**
   * Records a render of `key` beginning now; the returned function settles it, once, with the
   * page it stored, or undefined when it stored none (not cacheable, failed, abandoned): those
   * waiting then go their own way.
   */
  begin(key: string, purgeCount: number, startedAt: number): (page: CachedPage | undefined) => void {
    let settle: (page: CachedPage | undefined) => void = () => undefined;
    const result = new Promise<CachedPage | undefined>((resolve) => (settle = resolve));
    const render: Render = { purgesAtStart: purgeCount, result, startedAt };
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
