/**
 * One stored page: the body in every encoding we serve, each with its strong ETag and its
 * complete header list, built once when the page is stored. Serving a hit is then a table
 * look-up and one writeHead: no compression, hashing or header assembly per request.
 */
import { createHash } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import type { CompressedBodies } from './compressBody';
import { headerText } from './freshness';

export interface CachedVariant {
  readonly body: Buffer;
  readonly etag: string;
  /**
   * Flat [name, value, name, value, ...] list for writeHead. It ends with the per-request
   * headers (see perRequestHeaderNames), whose values the sender overwrites in place before
   * each writeHead: writeHead copies the list synchronously, and reusing one array keeps a
   * hit free of allocations.
   */
  readonly headers: string[];
  /** The same for a 304, which carries no body and so no Content-Length. */
  readonly notModifiedHeaders: string[];
}

/** Headers whose values change per request; always the last entries of a header list. */
export const perRequestHeaderNames = ['age', 'x-cache', 'x-served-by'] as const;

export interface CachedPage {
  readonly key: string;
  readonly path: string;
  readonly surrogateKeys: readonly string[];
  readonly storedAt: number;
  readonly freshUntil: number;
  /**
   * Until then, once expired (not purged), the page may still be sent while one request
   * renders it again (stale-while-revalidate, see createCachingHandler).
   */
  readonly revalidateUntil: number;
  readonly variants: { readonly identity: CachedVariant; readonly gzip?: CachedVariant; readonly br?: CachedVariant };
  /** Every stored byte, for the cache's memory bound. */
  readonly bytes: number;
  /** Set by a purge: kept only to be served while the CMS is down. */
  stale: boolean;
  /** PageCache's store counter when the page was last moved to the recent end. */
  touchedAt: number;
  /** While the CMS is down, serve this stale copy without trying to render until then. */
  serveStaleUntil: number;
}

export interface StorablePage {
  readonly key: string;
  readonly path: string;
  readonly headers: OutgoingHttpHeaders;
  readonly body: Buffer;
  readonly storedAt: number;
  readonly lifetimeMs: number;
  /** The stale-while-revalidate window after the lifetime; none when not given. */
  readonly staleWhileRevalidateMs?: number;
}

/**
 * Headers the cache writes itself (length, validators, encoding) or that belong to one
 * connection; everything else the renderer set is replayed as it was.
 */
const replacedHeaders = new Set([
  'content-length',
  'content-encoding',
  'etag',
  'vary',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'age',
  'x-cache',
  'x-served-by',
  'warning',
]);

/** The stored page, from the rendered page and its compressed copies (compressBody.ts). */
export function createCachedPage(page: StorablePage, compressed: CompressedBodies): CachedPage {
  const replayed: string[] = [];
  for (const [name, value] of Object.entries(page.headers)) {
    const text = headerText(value);
    if (text !== undefined && !replacedHeaders.has(name)) replayed.push(name, text);
  }
  replayed.push('vary', 'Accept-Encoding');
  const surrogateKeys = (headerText(page.headers['surrogate-key']) ?? '').split(/\s+/).filter((key) => key !== '');

  const tag = createHash('sha256').update(page.body).digest('base64url').slice(0, 27);
  const identity = variantOf(page.body, `"${tag}"`, replayed, undefined);
  const variants: { identity: CachedVariant; gzip?: CachedVariant; br?: CachedVariant } = { identity };
  if (compressed.gzip !== null) variants.gzip = variantOf(compressed.gzip, `"${tag}-gz"`, replayed, 'gzip');
  if (compressed.br !== null) variants.br = variantOf(compressed.br, `"${tag}-br"`, replayed, 'br');
  const bytes =
    page.key.length + identity.body.length + (variants.gzip?.body.length ?? 0) + (variants.br?.body.length ?? 0) + 1024;
  return {
    key: page.key,
    path: page.path,
    surrogateKeys,
    storedAt: page.storedAt,
    freshUntil: page.storedAt + page.lifetimeMs,
    revalidateUntil: page.storedAt + page.lifetimeMs + (page.staleWhileRevalidateMs ?? 0),
    variants,
    bytes,
    stale: false,
    serveStaleUntil: 0,
    touchedAt: -1,
  };
}

function variantOf(body: Buffer, etag: string, replayed: readonly string[], coding: string | undefined): CachedVariant {
  const common = [...replayed, 'etag', etag];
  if (coding !== undefined) common.push('content-encoding', coding);
  const perRequest = perRequestHeaderNames.flatMap((name) => [name, '']);
  return {
    body,
    etag,
    headers: [...common, 'content-length', String(body.length), ...perRequest],
    notModifiedHeaders: [...common, ...perRequest],
  };
}

/** True when an If-None-Match list names any representation of this page. */
export function matchesEntityTag(ifNoneMatch: string, page: CachedPage): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  for (const candidate of ifNoneMatch.split(',')) {
    // Weak comparison, as RFC 9110 prescribes for If-None-Match.
    const tag = candidate.trim().replace(/^W\//, '');
    for (const variant of Object.values(page.variants)) if (variant?.etag === tag) return true;
  }
  return false;
}
