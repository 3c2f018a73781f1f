/**
 * Answers from a stored page: picks the encoding, answers If-None-Match with a 304, and
 * sends headers and body with one writeHead and one end. Hits, misses (the page is stored
 * first, then sent from here) and stale copies all go through this function, which is what
 * makes their headers the same.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptedCodings } from './acceptEncoding';
import { matchesEntityTag, type CachedPage, type CachedVariant } from './CachedPage';

/** What the X-Cache header reports: served from memory, just rendered, or a stale fallback. */
export type CacheStatus = 'HIT' | 'MISS' | 'STALE';

export interface SendOptions {
  readonly status: CacheStatus;
  /** The request's If-None-Match, read before the request was handed to Express. */
  readonly ifNoneMatch: string | undefined;
  readonly head: boolean;
  /** Names the process that answered (X-Served-By), to tell workers apart. */
  readonly servedBy: string;
  readonly now: number;
}

const staleWarning = '110 - "Response is Stale"';

export function sendCachedPage(req: IncomingMessage, res: ServerResponse, page: CachedPage, options: SendOptions): void {
  const variant = variantFor(page, req.headers['accept-encoding']);
  const age = String(Math.max(0, Math.floor((options.now - page.storedAt) / 1000)));
  const perRequest = ['age', age, 'x-cache', options.status, 'x-served-by', options.servedBy];
  if (options.status === 'STALE') perRequest.push('warning', staleWarning);
  if (options.ifNoneMatch !== undefined && matchesEntityTag(options.ifNoneMatch, page)) {
    res.writeHead(304, [...variant.notModifiedHeaders, ...perRequest]);
    res.end();
    return;
  }
  res.writeHead(200, [...variant.headers, ...perRequest]);
  if (options.head) res.end();
  else res.end(variant.body);
}

function variantFor(page: CachedPage, acceptEncoding: string | undefined): CachedVariant {
  const accepted = acceptedCodings(acceptEncoding);
  if (accepted.br && page.variants.br !== undefined) return page.variants.br;
  if (accepted.gzip && page.variants.gzip !== undefined) return page.variants.gzip;
  return page.variants.identity;
}
