import type { SitePurgeDelivery } from './sitePurgeDelivery'

/** One renderer that does not answer within this is treated as unreachable (and retried). */
const REQUEST_TIMEOUT_MS = 5000

/**
 * Delivery by HTTP: `POST <url>/_purge` (Bearer PURGE_SECRET) to every renderer listed in
 * WEB_PURGE_URLS; each one relays the order to its own worker processes. Any renderer down or
 * answering an error fails the delivery, and the retry purges everyone again (harmless).
 */
export function postSitePurge(target: { urls: string[]; secret: string }): SitePurgeDelivery {
  return {
    deliver: async (order) => {
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
            failures.push(`${url}: ${error instanceof Error ? error.message : String(error)}`)
          }
        }),
      )
      if (failures.length > 0) throw new Error(`Site cache purge failed (will retry): ${failures.join('; ')}`)
      return target.urls.length
    },
  }
}
