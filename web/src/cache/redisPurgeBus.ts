/**
 * Carries purges between renderer processes on every machine over Redis pub/sub (REDIS_URL).
 *
 * Every serving process (each cluster worker, or the single process) subscribes itself,
 * rather than the cluster primary subscribing and relaying to its workers: each process owns
 * its cache and its connection, so it knows exactly when *it* may have missed a purge (its
 * own connection dropped) and drops only its own pages; a replaced worker resubscribes on its
 * own; and the primary stays a supervisor with no I/O of its own. Redis also delivers a
 * purge to the sender's sibling workers, so with Redis the cluster relay is not used (it
 * would apply every order twice). The cost is two connections per process (subscribing and
 * publishing), the second opened only when the process first publishes.
 *
 * Redis keeps no pub/sub history: a message published while a subscriber is disconnected is
 * lost to it. So every time the subscription is (re)established, the process marks its whole
 * cache stale. A missed purge would otherwise leave a page out of date until it expires;
 * dropping everything costs one render per page. While Redis is down the renderer keeps
 * serving (cache and renders do not need Redis); only purges wait for the reconnection.
 */
import { Redis } from 'ioredis';
import type { PurgeOrder } from './PageCache';
import { formatRedisPurgeMessage, parseRedisPurgeMessage, sitePurgeChannel } from './redisPurgeMessage';
import { webLog } from '../log';

export interface RedisPurgeBusOptions {
  readonly url: string;
  /** Names this process in its messages, so it can ignore its own. */
  readonly origin: string;
  /** Applies an order to this process's cache; returns the pages it marked stale. */
  readonly apply: (order: PurgeOrder) => number;
}

export interface RedisPurgeBus {
  /** Publishes an order to every subscribed process; resolves with how many received it. */
  publish(order: PurgeOrder): Promise<number>;
  close(): void;
}

const everything: PurgeOrder = { keys: [], paths: [], all: true };

/** Reconnect quickly and keep trying: 200 ms, 400 ms, ... at most every 2 s. */
function reconnectDelayMs(attempt: number): number {
  return Math.min(attempt * 200, 2_000);
}

/** A publish waits this long at most (for a reconnection in progress, or a hung server). */
const publishTimeoutMs = 3_000;

export function connectRedisPurgeBus(options: RedisPurgeBusOptions): RedisPurgeBus {
  const { url, origin, apply } = options;
  let subscribed = false;
  let outageReported = false;
  let closing = false;

  // Subscribing is done by hand on every 'ready' (not ioredis's autoResubscribe) so that the
  // cache is dropped only once the new subscription is confirmed: from then on nothing is missed.
  const subscriber = new Redis(url, { autoResubscribe: false, maxRetriesPerRequest: null, retryStrategy: reconnectDelayMs });
  // Created on first use: most processes never receive a purge to pass on.
  let publisher: Redis | undefined;

  const reportOutage = (error?: Error) => {
    if (outageReported || closing) return;
    outageReported = true;
    const reason = error === undefined ? 'connection closed' : error.message;
    webLog.error(`Redis purge channel unavailable (${reason}); serving cached pages, purges resume on reconnection`);
  };

  subscriber.on('ready', () => {
    subscriber.subscribe(sitePurgeChannel).then(
      () => {
        subscribed = true;
        outageReported = false;
        const pages = apply(everything);
        const missed = pages > 0 ? `; marked ${pages} cached pages stale, since purges sent while it was unreachable are lost` : '';
        webLog.info(`subscribed to Redis channel ${sitePurgeChannel}${missed}`);
      },
      (error: unknown) => reportOutage(error instanceof Error ? error : new Error(String(error))),
    );
  });
  subscriber.on('close', () => {
    if (subscribed) reportOutage();
    subscribed = false;
  });
  subscriber.on('error', (error: Error) => reportOutage(error));
  subscriber.on('message', (channel: string, text: string) => {
    if (channel !== sitePurgeChannel) return;
    const parsed = parseRedisPurgeMessage(text);
    if (!parsed.ok) {
      webLog.warn(`ignored a purge message on ${sitePurgeChannel}: ${parsed.problem}`);
      return;
    }
    if (parsed.message.origin === origin) return;
    apply(parsed.message.order);
  });

  return {
    async publish(order) {
      publisher ??= createPublisher(url);
      return publisher.publish(sitePurgeChannel, formatRedisPurgeMessage(origin, order));
    },
    close() {
      closing = true;
      subscriber.disconnect();
      publisher?.disconnect();
    },
  };
}

/**
 * A publish must fail fast while Redis is down, so the purge endpoint can answer 503 (and
 * the caller retry) instead of holding the request: queued commands are failed at the first
 * unsuccessful reconnection attempt, and any command after publishTimeoutMs.
 */
function createPublisher(url: string): Redis {
  const publisher = new Redis(url, { maxRetriesPerRequest: 0, commandTimeout: publishTimeoutMs, retryStrategy: reconnectDelayMs });
  // Failures surface as rejected publishes (logged by the purge endpoint); without a listener
  // ioredis would stay silent too, but say so on the first one.
  let reported = false;
  publisher.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    webLog.error(`cannot publish purges to Redis (${error.message})`);
  });
  publisher.on('ready', () => (reported = false));
  return publisher;
}
