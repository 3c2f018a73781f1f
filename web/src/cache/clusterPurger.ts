/**
 * The purger of a cluster worker: applies the order to its own cache, has the primary
 * relay it to every other worker, and settles once they all confirmed. Also applies the
 * orders other workers relay to this one.
 */
import type { PageCache } from './PageCache';
import type { Purger } from './Purger';
import { isPurgeApply, isPurgeRelayed, type PurgeAppliedMessage, type PurgeRequestMessage } from '../cluster/purgeMessages';

/** How long a worker waits for the others; the primary itself gives up a little earlier. */
const relayTimeoutMs = 5_000;

interface IpcChannel {
  send?: (message: unknown) => boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

export function clusterPurger(cache: PageCache, channel: IpcChannel): Purger {
  const waiting = new Map<number, (relayed: { pages: number; workers: number }) => void>();
  let nextId = 1;

  channel.on('message', (message) => {
    if (isPurgeApply(message)) {
      const reply: PurgeAppliedMessage = { type: 'pydotorg:purge-applied', id: message.id, pages: cache.purge(message.order) };
      channel.send?.(reply);
    } else if (isPurgeRelayed(message)) {
      waiting.get(message.id)?.({ pages: message.pages, workers: message.workers });
    }
  });

  return (order) => {
    const pages = cache.purge(order);
    const id = nextId++;
    const request: PurgeRequestMessage = { type: 'pydotorg:purge-request', id, order };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`purge ${id} was not confirmed by the other workers within ${relayTimeoutMs} ms`));
      }, relayTimeoutMs);
      waiting.set(id, (relayed) => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve({ pages: pages + relayed.pages, workers: 1 + relayed.workers });
      });
      if (channel.send?.(request) === undefined) {
        clearTimeout(timer);
        waiting.delete(id);
        reject(new Error('this worker has no IPC channel to the primary'));
      }
    });
  };
}
