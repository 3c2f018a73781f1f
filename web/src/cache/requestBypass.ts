/**
 * Requests the page cache must not answer, whatever is stored: anything but GET and HEAD,
 * anything personal (a cookie the site reads, credentials), previews, and byte ranges. Deny by default:
 * a request is cached only when nothing here objects and it has a cache key.
 */
import type { CacheRequestHeaders } from './requestHeaders';

/** Paths that are never cached: previews show drafts to one editor. */
const uncachedPathPrefixes = ['/preview/', '/_purge'];

export function bypassesCache(method: string | undefined, url: string | undefined, headers: CacheRequestHeaders): boolean {
  if (method !== 'GET' && method !== 'HEAD') return true;
  if (headers.personal) return true;
  // Ranges are rare (static files) and a cached whole body would answer them wrongly.
  if (headers.range) return true;
  if (url === undefined) return true;
  for (const prefix of uncachedPathPrefixes) if (url.startsWith(prefix)) return true;
  return false;
}
