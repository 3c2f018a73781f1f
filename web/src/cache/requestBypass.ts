/**
 * Requests the page cache must not answer, whatever is stored: anything but GET and HEAD,
 * anything personal (a cookie the site reads, credentials), previews, and byte ranges. Deny by default:
 * a request is cached only when nothing here objects and it has a cache key.
 */
import type { CacheRequestHeaders } from './requestHeaders';

/**
 * Paths that are never cached: previews show drafts to one editor; the account pages and the
 * header's /authenticated answer depend on the visitor's session cookie, which (unlike the other
 * cookies the site reads) does not bypass the cache on public pages (cookiesBypassingCache.ts).
 * Their answers are `private, no-store` and would never be stored anyway; sending them past the
 * cache also keeps their query (`?next=`, the flash) intact, which the cache key would trim.
 * `/users/<name>/` public profiles stay cached; `/users/edit/` is the signed-in visitor's form.
 */
const uncachedPathPrefixes = ['/preview/', '/_purge', '/accounts/', '/authenticated', '/users/edit/', '/users/nominations/', '/nominations/respond/'];
/** The nomination form, `/nominations/<election>/create/` (issue 13): personal, like the account pages. */
const uncachedPathPatterns: readonly RegExp[] = [/^\/nominations\/[^/?]+\/create\//];

export function bypassesCache(method: string | undefined, url: string | undefined, headers: CacheRequestHeaders): boolean {
  if (method !== 'GET' && method !== 'HEAD') return true;
  if (headers.personal) return true;
  // Ranges are rare (static files) and a cached whole body would answer them wrongly.
  if (headers.range) return true;
  if (url === undefined) return true;
  for (const prefix of uncachedPathPrefixes) if (url.startsWith(prefix)) return true;
  return uncachedPathPatterns.some((pattern) => pattern.test(url));
}
