/**
 * How a purge reaches every renderer process. A single process purges its own cache; a
 * cluster worker also asks the primary to relay the order to the other workers (see
 * clusterPurger). Either way the promise settles once every process has applied it, so a
 * caller that purged can rely on the next request seeing fresh content.
 */
import type { PageCache, PurgeOrder } from './PageCache';

export interface PurgeOutcome {
  /** Pages marked stale, summed over processes. */
  readonly pages: number;
  /** Processes that applied the order. */
  readonly workers: number;
}

export type Purger = (order: PurgeOrder) => Promise<PurgeOutcome>;

export function localPurger(cache: PageCache): Purger {
  return (order) => Promise.resolve({ pages: cache.purge(order), workers: 1 });
}
