/**
 * Answers from a stored page: picks the encoding, answers If-None-Match with a 304, and
 * sends headers and body with one writeHead and one end. Hits, misses (the page is stored
 * first, then sent from here) and stale copies all go through this function, which is what
 * makes their headers the same.
 */
import type { ServerResponse } from 'node:http';
import { acceptedCodings } from './acceptEncoding';
import { matchesEntityTag, type CachedPage, type CachedVariant } from './CachedPage';

/** What the X-Cache header reports: served from memory, just rendered, or a stale fallback. */
export type CacheStatus = 'HIT' | 'MISS' | 'STALE';

export interface SendOptions {
  readonly status: CacheStatus;
  readonly acceptEncoding: string | undefined;
  /** The request's If-None-Match, read before the request was handed to Express. */
  readonly ifNoneMatch: string | undefined;
  readonly head: boolean;
  /** Names the process that answered (X-Served-By), to tell workers apart. */
  readonly servedBy: string;
  readonly now: number;
}

const staleWarning = '110 - "Response is Stale"';

export function sendCachedPage(res: ServerResponse, page: CachedPage, options: SendOptions): void {
  const variant = variantFor(page, options.acceptEncoding);
  const notModified = options.ifNoneMatch !== undefined && matchesEntityTag(options.ifNoneMatch, page);
  const headers = notModified ? variant.notModifiedHeaders : variant.headers;
  // The list ends with age, x-cache and x-served-by (see CachedVariant): fill in their values.
  const end = headers.length;
  headers[end - 5] = String(Math.max(0, Math.floor((options.now - page.storedAt) / 1000)));
  headers[end - 3] = options.status;
  headers[end - 1] = options.servedBy;
  const sent = options.status === 'STALE' ? [...headers, 'warning', staleWarning] : headers;
  if (notModified) {
    res.writeHead(304, sent);
    res.end();
    return;
  }
  res.writeHead(200, sent);
  if (options.head) res.end();
  else res.end(variant.body);
}

function variantFor(page: CachedPage, acceptEncoding: string | undefined): CachedVariant {
  const accepted = acceptedCodings(acceptEncoding);
  if (accepted.br && page.variants.br !== undefined) return page.variants.br;
  if (accepted.gzip && page.variants.gzip !== undefined) return page.variants.gzip;
  return page.variants.identity;
}
