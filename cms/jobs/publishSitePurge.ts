import { Redis } from 'ioredis'

import type { SiteCachePurgeInput } from '../../collections/hooks/queueSiteCachePurge'
import type { SitePurgeDelivery } from './sitePurgeDelivery'

/**
 * The channel and message every renderer subscribes to (web/src/cache/redisPurgeMessage.ts
 * parses them; tests/web/cache/redisPurgeMessage.test.ts checks that it accepts these):
 * the fields of `POST /_purge` plus the sender's name.
 */
export const SITE_PURGE_CHANNEL = 'pydotorg:site-cache-purge'

export function formatSitePurgeMessage(order: SiteCachePurgeInput): string {
  return JSON.stringify({ origin: 'cms', keys: order.keys, urls: order.urls })
}

/** A publish that gets no answer within this fails (and the job is retried). */
const PUBLISH_TIMEOUT_MS = 5000

/**
 * Delivery by Redis pub/sub: one PUBLISH reaches every subscribed renderer process on every
 * machine, so the CMS needs no list of renderers. While Redis is unreachable the publish
 * fails fast and the job is retried with backoff; renderers cannot miss it for good, because
 * each one drops its whole cache when its own subscription comes back (see
 * web/src/cache/redisPurgeBus.ts). No subscriber at all (every renderer restarting) is not a
 * failure: a renderer starts with an empty cache.
 *
 * The connection is opened on the first purge, so builds, migrations and the CLI that load
 * this config never connect.
 */
export function publishSitePurge(redisUrl: string): SitePurgeDelivery {
  let client: Redis | undefined
  return {
    deliver: async (order, log) => {
      client ??= connect(redisUrl)
      const receivers = await client.publish(SITE_PURGE_CHANNEL, formatSitePurgeMessage(order))
      if (receivers === 0) log.warn(`No renderer is subscribed to ${SITE_PURGE_CHANNEL}: is REDIS_URL set on the site?`)
      return receivers
    },
  }
}

function connect(redisUrl: string): Redis {
  // maxRetriesPerRequest 0: a publish queued while disconnected fails at the first failed
  // reconnection attempt instead of waiting; the job's own retries do the waiting.
  const client = new Redis(redisUrl, {
    maxRetriesPerRequest: 0,
    commandTimeout: PUBLISH_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  })
  // The failures reach the job (a rejected publish, logged and retried by Payload); listening
  // keeps ioredis from printing every failed reconnection attempt as an unhandled error event.
  client.on('error', () => undefined)
  return client
}
