/**
 * Reads the renderer's own Cache-Control decision: only responses a route marked public
 * are stored, for as long as the profile allows shared caches to keep them. A route that
 * chose no profile keeps the noCache default and is never stored.
 */
import type { OutgoingHttpHeaders } from 'node:http';

/** Used when a public response names no lifetime. */
const defaultLifetimeSeconds = 300;

/** Milliseconds a response may be served fresh, or undefined when it must not be stored. */
export function storableLifetimeMs(status: number, headers: OutgoingHttpHeaders): number | undefined {
  if (status !== 200) return undefined;
  const cacheControl = headerText(headers['cache-control']);
  if (cacheControl === undefined) return undefined;
  const directives = cacheControl.toLowerCase().split(',').map((directive) => directive.trim());
  if (!directives.includes('public')) return undefined;
  if (directives.some((d) => d === 'private' || d === 'no-store' || d === 'no-cache')) return undefined;
  // Personal or already encoded responses, or responses that vary on more than encoding.
  if (headers['set-cookie'] !== undefined || headers['content-encoding'] !== undefined) return undefined;
  const vary = headerText(headers['vary']);
  if (vary !== undefined && vary.split(',').some((name) => name.trim().toLowerCase() !== 'accept-encoding')) {
    return undefined;
  }
  return secondsOf(directives, 's-maxage') ?? secondsOf(directives, 'max-age') ?? defaultLifetimeSeconds * 1000;
}

/**
 * How long after its lifetime a stored page may still be sent while one request renders it
 * again (stale-while-revalidate): the response's own `stale-while-revalidate=<s>` when it names
 * one, else a minute. Only for pages that aged: a purged page is never sent while re-rendering.
 */
export function staleWhileRevalidateMs(headers: OutgoingHttpHeaders): number {
  const cacheControl = headerText(headers['cache-control']) ?? '';
  const directives = cacheControl.toLowerCase().split(',').map((directive) => directive.trim());
  return secondsOf(directives, 'stale-while-revalidate') ?? defaultStaleWhileRevalidateSeconds * 1000;
}

/** Used when a public response names no stale-while-revalidate window. */
const defaultStaleWhileRevalidateSeconds = 60;

function secondsOf(directives: readonly string[], name: string): number | undefined {
  const prefix = `${name}=`;
  const directive = directives.find((d) => d.startsWith(prefix));
  if (directive === undefined) return undefined;
  const seconds = Number(directive.slice(prefix.length));
  return Number.isInteger(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

export function headerText(value: OutgoingHttpHeaders[string]): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}
