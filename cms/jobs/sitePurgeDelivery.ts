import type { SiteCachePurgeInput } from '../../collections/hooks/queueSiteCachePurge'

/**
 * How the purge task gets an order to the renderers: over Redis pub/sub when REDIS_URL is set
 * (publishSitePurge.ts), else by `POST /_purge` to each of WEB_PURGE_URLS (postSitePurge.ts).
 * `deliver` resolves with how many renderers (or renderer processes) it reached and throws
 * when the order may not have arrived, so that the job is retried.
 */
export type SitePurgeDelivery = {
  deliver: (order: SiteCachePurgeInput, log: { warn: (message: string) => void }) => Promise<number>
}
