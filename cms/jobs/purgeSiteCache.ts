import type { TaskConfig } from 'payload'

import { SITE_CACHE_PURGE_TASK, type SiteCachePurgeInput } from '../../collections/hooks/queueSiteCachePurge'

/** Where and how the renderers are purged; from the CMS environment (WEB_PURGE_URLS, PURGE_SECRET). */
export type SiteCachePurgeTarget = {
  urls: string[]
  secret: string
}

/** One renderer that does not answer within this is treated as unreachable (and retried). */
const REQUEST_TIMEOUT_MS = 5000

/**
 * The `purgeSiteCache` task: sends the keys and URLs a content change affected to every
 * renderer's `POST /_purge`. It runs from Payload's jobs queue, so only after the change's
 * transaction committed (the job row commits with it), and a failure (a renderer down, a
 * 5xx) throws so that Payload retries with exponential backoff. Purging twice is harmless,
 * so a retry after a partial success simply purges everyone again.
 */
export function createPurgeSiteCacheTask(target: SiteCachePurgeTarget): TaskConfig<{ input: SiteCachePurgeInput; output: { renderers: number } }> {
  return {
    slug: SITE_CACHE_PURGE_TASK,
    label: 'Purge the site cache',
    inputSchema: [
      { name: 'keys', type: 'json', required: true },
      { name: 'urls', type: 'json', required: true },
    ],
    outputSchema: [{ name: 'renderers', type: 'number', required: true }],
    // 1 s, 2 s, 4 s ... about four minutes in all, covering a renderer restart or deploy.
    retries: { attempts: 8, backoff: { type: 'exponential', delay: 1000 } },
    handler: async ({ input }) => {
      const body = JSON.stringify({ keys: stringsOf(input.keys), urls: stringsOf(input.urls) })
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
      return { output: { renderers: target.urls.length } }
    },
  }
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}
