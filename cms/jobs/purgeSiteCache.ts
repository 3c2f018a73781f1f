import type { TaskConfig } from 'payload'

import { SITE_CACHE_PURGE_TASK, type SiteCachePurgeInput } from '../../collections/hooks/queueSiteCachePurge'
import type { CmsEnv } from '../config/cmsEnv'
import { postSitePurge } from './postSitePurge'
import { publishSitePurge } from './publishSitePurge'
import type { SitePurgeDelivery } from './sitePurgeDelivery'

/**
 * The `purgeSiteCache` task: sends the keys and URLs a content change affected to every
 * renderer, over Redis pub/sub when REDIS_URL is set (WEB_PURGE_URLS is then not used), else
 * to each of WEB_PURGE_URLS. It runs from Payload's jobs queue, so only after the change's
 * transaction committed (the job row commits with it), and a failure (Redis or a renderer
 * unreachable, a 5xx) throws so that Payload retries with exponential backoff. Purging twice
 * is harmless, so a retry after a partial success simply purges everyone again.
 */
export function createPurgeSiteCacheTask(
  env: Pick<CmsEnv, 'redisUrl' | 'webPurgeUrls' | 'purgeSecret'>,
): TaskConfig<{ input: SiteCachePurgeInput; output: { renderers: number } }> {
  const delivery: SitePurgeDelivery =
    env.redisUrl !== null ? publishSitePurge(env.redisUrl) : postSitePurge({ urls: env.webPurgeUrls, secret: env.purgeSecret ?? '' })
  return {
    slug: SITE_CACHE_PURGE_TASK,
    label: 'Purge the site cache',
    inputSchema: [
      { name: 'keys', type: 'json', required: true },
      { name: 'urls', type: 'json', required: true },
    ],
    // Renderers reached: each URL of WEB_PURGE_URLS, or each renderer process subscribed to Redis.
    outputSchema: [{ name: 'renderers', type: 'number', required: true }],
    // 1 s, 2 s, 4 s ... about four minutes in all, covering a renderer restart or deploy.
    retries: { attempts: 8, backoff: { type: 'exponential', delay: 1000 } },
    handler: async ({ input, req }) => {
      const order = { keys: stringsOf(input.keys), urls: stringsOf(input.urls) }
      const renderers = await delivery.deliver(order, { warn: (message) => req.payload.logger.warn(message) })
      return { output: { renderers } }
    },
  }
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}
