/**
 * How a purge reaches every renderer process. A single process purges its own cache; a
 * cluster worker also asks the primary to relay the order to the other workers (see
 * clusterPurger). Either way the promise settles once every process has applied it, so a
 * caller that purged can rely on the next request seeing fresh content. With REDIS_URL set,
 * orders travel over Redis instead and reach every machine (see redisPurger).
 */
import type { PageCache, PurgeOrder } from './PageCache';

export interface PurgeOutcome {
  /** Pages marked stale, summed over processes. */
  readonly pages: number;
  /** Processes that applied the order. */
  readonly workers: number;
  /**
   * With Redis (see redisPurger): the renderer processes Redis delivered the order to, on
   * every machine, this one included; they apply it on arrival.
   */
  readonly subscribers?: number;
}

export type Purger = (order: PurgeOrder) => Promise<PurgeOutcome>;

export function localPurger(cache: PageCache): Purger {
  return (order) => Promise.resolve({ pages: cache.purge(order), workers: 1 });
}
