/**
 * Requests the page cache must not answer, whatever is stored: anything but GET and HEAD,
 * anything personal (cookies, credentials), previews, and byte ranges. Deny by default:
 * a request is cached only when nothing here objects and it has a cache key.
 */
import type { IncomingMessage } from 'node:http';

/** Paths that are never cached: previews show drafts to one editor. */
const uncachedPathPrefixes = ['/preview/', '/_purge'];

export function bypassesCache(req: IncomingMessage): boolean {
  const { method, headers, url } = req;
  if (method !== 'GET' && method !== 'HEAD') return true;
  if (headers.cookie !== undefined || headers.authorization !== undefined) return true;
  // Ranges are rare (static files) and a cached whole body would answer them wrongly.
  if (headers.range !== undefined) return true;
  if (url === undefined) return true;
  for (const prefix of uncachedPathPrefixes) if (url.startsWith(prefix)) return true;
  return false;
}
