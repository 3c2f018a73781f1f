/**
 * The purger of a renderer process when REDIS_URL is set: applies the order to its own cache,
 * then publishes it so every other process, on this machine and the others, applies it too
 * (see redisPurgeBus). The promise settles once Redis accepted the order, not once every
 * process applied it: subscribers apply a message as soon as it arrives, within milliseconds.
 * When Redis is unreachable it rejects, so the purge endpoint answers 503 and the caller
 * retries; the other processes will drop their whole cache when Redis is back anyway.
 */
import type { PageCache } from './PageCache';
import type { Purger } from './Purger';
import type { RedisPurgeBus } from './redisPurgeBus';

export function redisPurger(cache: PageCache, bus: Pick<RedisPurgeBus, 'publish'>): Purger {
  return async (order) => {
    const pages = cache.purge(order);
    const subscribers = await bus.publish(order);
    return { pages, workers: 1, subscribers };
  };
}
