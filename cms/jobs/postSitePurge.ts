import type { SitePurgeDelivery } from './sitePurgeDelivery'

/** One renderer that does not answer within this is treated as unreachable (and retried). */
const REQUEST_TIMEOUT_MS = 5000

/**
 * Delivery by HTTP: `POST <url>/_purge` (Bearer PURGE_SECRET) to every renderer listed in
 * WEB_PURGE_URLS; each one relays the order to its own worker processes. A renderer that cannot
 * be reached or answers an error fails the delivery, and the retry purges everyone again
 * (harmless). One that refuses the connection (ECONNREFUSED: its host is up, nothing listens on
 * the port) is not running, and a renderer that is not running caches nothing: its cache starts
 * empty when it starts. That is counted as done, with a warning, rather than retried for minutes
 * as an error (the CMS starts before the site under `npm start`).
 */
export function postSitePurge(target: { urls: string[]; secret: string }): SitePurgeDelivery {
  return {
    deliver: async (order, log) => {
      const body = JSON.stringify({ keys: order.keys, urls: order.urls })
      const failures: string[] = []
      await Promise.all(
        target.urls.map(async (url) => {
          try {
            const response = await fetch(`${url}/_purge`, {
              method: 'POST',
              headers: { authorization: `Bearer ${target.secret}`, 'content-type': 'application/json' },
              body,
              signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            })
            const text = await response.text()
            if (!response.ok) failures.push(`${url}: ${response.status} ${text.slice(0, 200)}`)
          } catch (error) {
            if (connectionRefused(error)) {
              log.warn(`Site cache purge: nothing listens at ${url} (connection refused), so no renderer there holds a cache to purge.`)
              return
            }
            failures.push(`${url}: ${error instanceof Error ? error.message : String(error)}`)
          }
        }),
      )
      if (failures.length > 0) throw new Error(`Site cache purge failed (will retry): ${failures.join('; ')}`)
      return target.urls.length
    },
  }
}

/** undici reports a refused connection as TypeError("fetch failed") with the code in `cause`. */
function connectionRefused(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined
  return cause?.code === 'ECONNREFUSED'
}
