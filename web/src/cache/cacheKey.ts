/**
 * Which cache entry a request URL maps to. Only the query parameters the route reads are kept
 * (queryParametersByRoute), sorted, so `/?utm_source=x`, `/?junk=1` and `/` share an entry and
 * junk variants cannot evict real pages (issue 18); the caching handler renders the key's URL. URLs that carry credentials (a preview token) or
 * that are odd enough to be an attack on memory (very long) get no key: they bypass the cache.
 */

/** A cache key and the path it belongs to (URL purges drop every query variant of a path). */
export interface CacheKey {
  readonly key: string;
  readonly path: string;
}

/** Longer URLs are not worth caching and would let a client fill memory with variants. */
const maximumUrlLength = 2048;

/**
 * The query parameters each route reads, by path prefix (first match wins); every other
 * parameter is dropped from the key and from the URL rendered. A route that starts reading a
 * parameter must be listed here, or it will never see it on a cacheable request.
 */
export const queryParametersByRoute: readonly { readonly prefix: string; readonly parameters: readonly string[] }[] = [
  { prefix: '/events/', parameters: ['page'] },
  { prefix: '/jobs/', parameters: ['page'] },
  { prefix: '/search/', parameters: ['q', 'type', 'page'] },
  { prefix: '/success-stories/', parameters: ['submitted'] },
  { prefix: '/health', parameters: ['deep'] },
];

function parametersReadAt(path: string): readonly string[] {
  for (const route of queryParametersByRoute) if (path.startsWith(route.prefix)) return route.parameters;
  return [];
}

/** Parameters that carry a credential or ask for a draft: never shared, never stored. */
const privateParameter = /^(token|preview|draft|secret|api_key|apikey)$/i;

export function cacheKeyOf(url: string): CacheKey | undefined {
  if (url.length > maximumUrlLength || !url.startsWith('/') || url.startsWith('//')) return undefined;
  const queryStart = url.indexOf('?');
  // The common case, kept free of allocations beyond the key itself.
  if (queryStart === -1) return { key: url, path: url };
  const path = url.slice(0, queryStart);
  const query = url.slice(queryStart + 1);
  if (query === '') return { key: path, path };
  const read = parametersReadAt(path);
  const kept: [string, string][] = [];
  for (const [name, value] of new URLSearchParams(query)) {
    if (privateParameter.test(name)) return undefined;
    if (read.includes(name)) kept.push([name, value]);
  }
  if (kept.length === 0) return { key: path, path };
  // Sorting by name then value makes the key independent of parameter order.
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return { key: `${path}?${new URLSearchParams(kept).toString()}`, path };
}

/**
 * The path a purge names: `/downloads/`, or a full URL such as python.org's release tooling
 * sends (`https://www.python.org/downloads/`), whose host is ignored.
 */
export function purgePathOf(target: string): string | undefined {
  if (target.startsWith('/') && !target.startsWith('//')) {
    const queryStart = target.indexOf('?');
    return queryStart === -1 ? target : target.slice(0, queryStart);
  }
  try {
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}
