/**
 * The few request headers the page cache looks at, read in one pass over `rawHeaders`.
 * Node builds `req.headers` lazily, on first access, for every header of the request; a
 * cache hit never needs that object, and skipping it is a measurable share of a hit's cost.
 */
import { cookieHeaderBypassesCache } from './cookiesBypassingCache';

export interface CacheRequestHeaders {
  /** A cookie the site reads (cookiesBypassingCache.ts) or credentials make the request personal: it bypasses the cache. */
  readonly personal: boolean;
  readonly range: boolean;
  readonly acceptEncoding: string | undefined;
  readonly ifNoneMatch: string | undefined;
}

export function readCacheRequestHeaders(rawHeaders: readonly string[]): CacheRequestHeaders {
  let personal = false;
  let range = false;
  let acceptEncoding: string | undefined;
  let ifNoneMatch: string | undefined;
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] ?? '';
    // Compare lengths first: most headers are ruled out without lower-casing them.
    switch (name.length) {
      case 5:
        if (name.toLowerCase() === 'range') range = true;
        break;
      case 6:
        if (name.toLowerCase() === 'cookie' && cookieHeaderBypassesCache(rawHeaders[index + 1])) personal = true;
        break;
      case 13: {
        const lower = name.toLowerCase();
        if (lower === 'authorization') personal = true;
        else if (lower === 'if-none-match') ifNoneMatch = join(ifNoneMatch, rawHeaders[index + 1]);
        break;
      }
      case 15:
        if (name.toLowerCase() === 'accept-encoding') acceptEncoding = join(acceptEncoding, rawHeaders[index + 1]);
        break;
      default:
        break;
    }
  }
  return { personal, range, acceptEncoding, ifNoneMatch };
}

// Repeated list headers mean the same as one header with the values joined by commas.
function join(previous: string | undefined, value: string | undefined): string | undefined {
  if (value === undefined) return previous;
  return previous === undefined ? value : `${previous}, ${value}`;
}
