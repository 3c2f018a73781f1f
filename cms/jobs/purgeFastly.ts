import type { FastlyEnv } from '../config/fastlyEnv'

/** A Fastly API call that does not answer within this is treated as failed (and retried). */
const REQUEST_TIMEOUT_MS = 10_000
/** Fastly purges at most 256 surrogate keys per batch request. */
export const FASTLY_KEYS_PER_REQUEST = 256

/**
 * Purges Fastly by surrogate key, the way python.org purges its CDN: a soft purge (the objects
 * are marked stale, so Fastly can still serve them if the site is down while it refetches) of
 * every key of the order, by Fastly's batch API (`POST /service/<id>/purge` with the keys in a
 * `Surrogate-Key` header, the token in `Fastly-Key`, `Fastly-Soft-Purge: 1`). The keys are the
 * ones the renderer sets on its responses (Surrogate-Key: the CMS collections a page shows),
 * which Fastly indexes. Written by hand over fetch: it is one documented request, and Fastly's
 * SDK would add a dependency tree for it. Any error throws, so that the job is retried.
 */
export async function purgeFastly(fastly: FastlyEnv, keys: readonly string[]): Promise<number> {
  const unique = [...new Set(keys.filter((key) => /^[\x21-\x7e]{1,1024}$/.test(key)))]
  for (let start = 0; start < unique.length; start += FASTLY_KEYS_PER_REQUEST) {
    const batch = unique.slice(start, start + FASTLY_KEYS_PER_REQUEST)
    const response = await fetch(`${fastly.apiUrl}/service/${encodeURIComponent(fastly.serviceId)}/purge`, {
      method: 'POST',
      headers: {
        'Fastly-Key': fastly.apiToken,
        'Fastly-Soft-Purge': '1',
        'Surrogate-Key': batch.join(' '),
        accept: 'application/json',
      },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    const text = await response.text()
    // The token is never part of the message: the job's error is logged and stored.
    if (!response.ok) throw new Error(`Fastly purge failed (will retry): ${response.status} ${text.slice(0, 200)}`)
  }
  return unique.length
}
