/**
 * Validates the JSON body of `POST /_purge`: `{ "keys": [...], "urls": [...] }` or
 * `{ "all": true }`. Unknown fields and malformed entries are refused with a message
 * naming the problem, so a broken caller finds out instead of purging nothing.
 */
import { purgePathOf } from './cacheKey';
import type { PurgeOrder } from './PageCache';

export type ParsedPurgeOrder = { readonly ok: true; readonly order: PurgeOrder } | { readonly ok: false; readonly message: string };

/** More than this in one request is a bug on the caller's side, or an attack. */
const maximumEntries = 1000;
const surrogateKeyPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const allowedFields = new Set(['keys', 'urls', 'all']);

export function parsePurgeOrder(body: string): ParsedPurgeOrder {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, message: 'The body must be JSON: {"keys": [...], "urls": [...]}.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: 'The body must be a JSON object: {"keys": [...], "urls": [...]}.' };
  }
  return purgeOrderOf(parsed as Record<string, unknown>);
}

/** Validates the fields of an already parsed order (the Redis purge messages carry the same ones). */
export function purgeOrderOf(fields: Readonly<Record<string, unknown>>): ParsedPurgeOrder {
  const unknown = Object.keys(fields).filter((name) => !allowedFields.has(name));
  if (unknown.length > 0) return { ok: false, message: `Unknown field(s): ${unknown.join(', ')}. Use "keys", "urls" or "all".` };

  const all = fields['all'];
  if (all !== undefined && typeof all !== 'boolean') return { ok: false, message: '"all" must be true or false.' };
  const keys = stringList(fields['keys'], 'keys');
  if (typeof keys === 'string') return { ok: false, message: keys };
  const urls = stringList(fields['urls'], 'urls');
  if (typeof urls === 'string') return { ok: false, message: urls };

  const badKey = keys.find((key) => !surrogateKeyPattern.test(key));
  if (badKey !== undefined) return { ok: false, message: `Invalid key ${JSON.stringify(badKey)}: use letters, digits, ".", "_", ":" or "-".` };
  const paths: string[] = [];
  for (const url of urls) {
    const path = purgePathOf(url);
    if (path === undefined) return { ok: false, message: `Invalid URL ${JSON.stringify(url)}: give a path such as "/downloads/" or an http(s) URL.` };
    paths.push(path);
  }
  if (all !== true && keys.length === 0 && paths.length === 0) {
    return { ok: false, message: 'Nothing to purge: name at least one key or URL, or send {"all": true}.' };
  }
  return { ok: true, order: { keys, paths, all: all === true } };
}

function stringList(value: unknown, name: string): string[] | string {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) return `"${name}" must be an array of strings.`;
  if (value.length > maximumEntries) return `"${name}" may list at most ${maximumEntries} entries.`;
  return value as string[];
}
