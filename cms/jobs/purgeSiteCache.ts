import type { TaskConfig } from 'payload'

import { SITE_CACHE_PURGE_TASK, type SiteCachePurgeInput } from '../../collections/hooks/queueSiteCachePurge'
import type { CmsEnv } from '../config/cmsEnv'
import { postSitePurge } from './postSitePurge'
import { purgeFastly } from './purgeFastly'
import { publishSitePurge } from './publishSitePurge'
import type { SitePurgeDelivery } from './sitePurgeDelivery'

/**
 * The `purgeSiteCache` task: sends the keys and URLs a content change affected to every
 * renderer, over Redis pub/sub when REDIS_URL is set (WEB_PURGE_URLS is then not used), else
 * to each of WEB_PURGE_URLS. The same delivery runs right after the change's commit
 * (collections/hooks/queueSiteCachePurge); the job, queued in the change's transaction and left
 * alone by the cron for a few seconds, is the retry path: it runs only when that delivery failed
 * or never happened (the process stopped), and a failure (Redis or a renderer
 * unreachable, a 5xx) throws so that Payload retries with exponential backoff. Purging twice
 * is harmless, so a retry after a partial success simply purges everyone again. With
 * FASTLY_SERVICE_ID and FASTLY_API_TOKEN, it then soft-purges the same keys on Fastly
 * (purgeFastly.ts), within the same retries.
 */
export function createPurgeSiteCacheTask(env: SitePurgeEnv): TaskConfig<{ input: SiteCachePurgeInput; output: { renderers: number; cdnKeys: number } }> {
  const deliver = sitePurgeDeliverFor(env)
  return {
    slug: SITE_CACHE_PURGE_TASK,
    label: 'Purge the site cache',
    inputSchema: [
      { name: 'keys', type: 'json', required: true },
      { name: 'urls', type: 'json', required: true },
    ],
    // Renderers reached: each URL of WEB_PURGE_URLS, or each renderer process subscribed to Redis.
    // cdnKeys: surrogate keys soft-purged on Fastly (0 without FASTLY_SERVICE_ID).
    outputSchema: [
      { name: 'renderers', type: 'number', required: true },
      { name: 'cdnKeys', type: 'number', required: true },
    ],
    // 1 s, 2 s, 4 s ... about four minutes in all, covering a renderer restart or deploy.
    retries: { attempts: 8, backoff: { type: 'exponential', delay: 1000 } },
    handler: async ({ input, req }) => {
      const order = { keys: stringsOf(input.keys), urls: stringsOf(input.urls) }
      return { output: await deliver(order, { warn: (message) => req.payload.logger.warn(message) }) }
    },
  }
}

export type SitePurgeEnv = Pick<CmsEnv, 'redisUrl' | 'webPurgeUrls' | 'purgeSecret'> & Partial<Pick<CmsEnv, 'fastly'>>

type Deliver = (order: SiteCachePurgeInput, log: { warn: (message: string) => void }) => Promise<{ renderers: number; cdnKeys: number }>

// One delivery (one Redis connection) per environment, shared by the task and the after-commit
// path (config.custom.sitePurge.deliver, read by collections/hooks/queueSiteCachePurge).
const deliveries = new WeakMap<SitePurgeEnv, Deliver>()

/**
 * Sends one order to every renderer, then soft-purges its keys on Fastly when configured; throws
 * when it may not have arrived. The purge job's handler, and the direct delivery right after a
 * change's commit, for which the job is the retry path.
 */
export function sitePurgeDeliverFor(env: SitePurgeEnv): Deliver {
  const known = deliveries.get(env)
  if (known !== undefined) return known
  const fastly = env.fastly ?? null
  const delivery: SitePurgeDelivery =
    env.redisUrl !== null ? publishSitePurge(env.redisUrl) : postSitePurge({ urls: env.webPurgeUrls, secret: env.purgeSecret ?? '' })
  const deliver: Deliver = async (order, log) => {
    const renderers = await delivery.deliver(order, log)
    // The CDN after the renderers: purged first, Fastly could refetch a renderer's stale copy.
    // A Fastly failure throws, and the retry purges the renderers again (harmless).
    const cdnKeys = fastly === null ? 0 : await purgeFastly(fastly, order.keys)
    return { renderers, cdnKeys }
  }
  deliveries.set(env, deliver)
  return deliver
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}
