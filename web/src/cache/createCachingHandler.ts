/**
 * The renderer's front door: a plain node:http request handler that answers from the page
 * cache when it can and hands the request to Express only on a miss. A hit therefore costs
 * a Map look-up and one writeHead, close to a raw node:http response.
 *
 * In order, for each request:
 *  1. purges (POST /_purge, PURGE <url>) are answered here;
 *  2. requests that may not be cached (see bypassesCache) go to Express untouched;
 *  3. a fresh stored page is sent (X-Cache: HIT);
 *  4. when this process is already rendering the page (since the last purge), the request
 *     waits for that render and is sent its page (MISS), one render per page and worker
 *     (InFlightRenders.ts); meanwhile the old copy is sent at once (STALE) when it merely aged
 *     past its lifetime (stale-while-revalidate, within the page's window), or when it was
 *     purged and that render began less than purgedCopyWhileRenderingMs ago (a soft purge);
 *  5. otherwise Express renders; a public 200 is stored and sent from the store (MISS), so
 *     hits and misses carry the same headers; a 5xx while a stale copy exists sends the
 *     stale copy instead (STALE, with a Warning), because an old page beats an error page
 *     while the CMS is down.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createCachedPage, type CachedPage } from './CachedPage';
import { compressBody } from './compressBody';
import { cacheKeyOf } from './cacheKey';
import { captureResponse } from './captureResponse';
import { staleWhileRevalidateMs, storableLifetimeMs } from './freshness';
import { InFlightRenders } from './InFlightRenders';
import type { PageCache } from './PageCache';
import { handlePurgeRequest } from './purgeEndpoint';
import type { Purger } from './Purger';
import type { PurgeAllowance } from './purgeAllowance';
import { bypassesCache } from './requestBypass';
import { readCacheRequestHeaders } from './requestHeaders';
import { sendCachedPage, type CacheStatus } from './sendCachedPage';
import { webLog } from '../log';

export interface CachingHandlerOptions {
  readonly cache: PageCache;
  readonly purge: Purger;
  readonly purgeSecret: string | null;
  /** Who may PURGE one URL without the secret (PURGE_ALLOWED_ADDRESSES, TRUST_PROXY); loopback when not given. */
  readonly purgeAllowance?: PurgeAllowance;
  /** Names this process in X-Served-By (e.g. "worker-2"). */
  readonly servedBy: string;
  readonly now?: () => number;
}

/**
 * After a render failed and a stale copy was served, keep serving it this long without
 * rendering again: during an outage every render waits for the CMS to time out.
 */
export const outageGraceMs = 5_000;

/**
 * A soft purge, as Fastly's (`Fastly-Soft-Purge: 1`, which the CMS sends it): after a purge, the
 * first request renders the page and waits for it, so whoever asks first (an editor checking
 * their change, the release tooling's check) sees the new page; those arriving while that one
 * render runs are sent the purged copy at once instead of queueing behind it. On a release day
 * every page showing releases is purged at once under a crowd, and queueing it behind renders that
 * compete with that crowd for the CPU adds a render's time to every waiting answer.
 * Bounded: once the render has run this long, later arrivals wait for it, so a purged copy is
 * never served for long after a purge, whatever the CMS does.
 */
export const purgedCopyWhileRenderingMs = 2_000;

export function createCachingHandler(app: RequestListener, options: CachingHandlerOptions): RequestListener {
  const { cache, servedBy } = options;
  const now = options.now ?? Date.now;
  const purgeOptions = { purge: options.purge, secret: options.purgeSecret, allowance: options.purgeAllowance };

  const renders = new InFlightRenders();

  const handle = (req: IncomingMessage, res: ServerResponse, mayJoin: boolean): void => {
    const headers = readCacheRequestHeaders(req.rawHeaders);
    const cacheKey = bypassesCache(req.method, req.url, headers) ? undefined : cacheKeyOf(req.url ?? '');
    if (cacheKey === undefined) {
      app(req, res);
      return;
    }
    const head = req.method === 'HEAD';
    const { acceptEncoding, ifNoneMatch } = headers;
    const send = (page: CachedPage, status: CacheStatus) =>
      sendCachedPage(res, page, { status, acceptEncoding, ifNoneMatch, head, servedBy, now: now() });

    const stored = cache.lookup(cacheKey.key);
    const time = now();
    if (stored !== undefined && !stored.stale && time < stored.freshUntil) {
      send(stored, 'HIT');
      return;
    }
    if (stored !== undefined && time < stored.serveStaleUntil) {
      send(stored, 'STALE');
      return;
    }
    const pending = mayJoin ? renders.joinable(cacheKey.key, cache.purgeCount) : undefined;
    if (pending !== undefined) {
      // While the one render runs: a copy that only aged past its lifetime (no purge named it)
      // is answered at once within its stale-while-revalidate window; a purged one for a moment
      // (purgedCopyWhileRenderingMs).
      const oldCopyUntil = stored === undefined ? 0 : stored.stale ? pending.startedAt + purgedCopyWhileRenderingMs : stored.revalidateUntil;
      if (stored !== undefined && time < oldCopyUntil) {
        send(stored, 'STALE');
        return;
      }
      pending.result.then(
        (page) => (page === undefined ? handle(req, res, false) : send(page, 'MISS')),
        () => handle(req, res, false),
      );
      return;
    }

    // Conditionals are answered here, against our own ETags; Express must render in full.
    delete req.headers['if-none-match'];
    delete req.headers['if-modified-since'];
    // Express sends no body for HEAD, and the body is what we store. Node still omits the
    // body on the wire, since the response was created for a HEAD request.
    if (head) req.method = 'GET';
    // Render what the key names: parameters no route reads are gone (cacheKey.ts), so the page
    // stored under the key is the page of the key, whatever junk the first visitor added.
    req.url = cacheKey.key;

    let lifetimeMs: number | undefined;
    const purgesBeforeRender = cache.purgeCount;
    const settle = renders.begin(cacheKey.key, purgesBeforeRender, time);
    // A render that never completes (its client gone, the app failed) releases those waiting.
    res.once('close', () => settle(undefined));
    captureResponse(res, {
      decide(status, headers) {
        lifetimeMs = storableLifetimeMs(status, headers);
        if (lifetimeMs !== undefined) return 'capture';
        if (stored !== undefined && status >= 500) return 'capture';
        settle(undefined);
        return 'pass';
      },
      onCaptured(status, headers, body) {
        // writeHead would merge what Express set with what we send; send only ours.
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        if (lifetimeMs === undefined || status !== 200) {
          // Only reached for a 5xx with a stale copy at hand; those waiting find it as this
          // request leaves it (served stale during the outage grace period).
          settle(undefined);
          if (stored === undefined) return;
          webLog.warn(`serving a stale copy of ${cacheKey.key} (render answered ${status})`);
          stored.serveStaleUntil = now() + outageGraceMs;
          send(stored, 'STALE');
          return;
        }
        const rendered = {
          key: cacheKey.key,
          path: cacheKey.path,
          headers,
          body,
          storedAt: now(),
          lifetimeMs,
          staleWhileRevalidateMs: staleWhileRevalidateMs(headers),
        };
        compressBody(body).then(
          (compressed) => storeAndSend(createCachedPage(rendered, compressed)),
          (error: unknown) => {
            // Never seen; zlib refuses nothing we give it. The page without its compressed copies.
            webLog.error({ err: error }, `could not compress ${cacheKey.key}`);
            storeAndSend(createCachedPage(rendered, { gzip: null, br: null }));
          },
        );
      },
    });
    const storeAndSend = (page: CachedPage): void => {
      // A purge that arrived while this page rendered (or was compressed) may concern data it
      // already read: keep it as an outage fallback only, and let the next request render it
      // again. Those who waited on this render asked before that purge, and get this page.
      if (cache.purgeCount !== purgesBeforeRender) page.stale = true;
      cache.store(page);
      settle(page);
      send(page, 'MISS');
    };
    app(req, res);
  };

  return (req: IncomingMessage, res: ServerResponse) => {
    if (handlePurgeRequest(req, res, purgeOptions)) return;
    handle(req, res, true);
  };
}
