import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  Payload,
  PayloadRequest,
} from 'payload'

/** The jobs task and queue that carry purges; the task itself lives in cms/jobs/purgeSiteCache.ts. */
export const SITE_CACHE_PURGE_TASK = 'purgeSiteCache'
export const SITE_CACHE_PURGE_QUEUE = 'site-cache'

/** What one purge job asks the renderers to drop: surrogate keys (collection slugs) and paths. */
export type SiteCachePurgeInput = {
  keys: string[]
  urls: string[]
}

/**
 * Whether content changes queue purges, from `config.custom.sitePurge` (the CMS sets it from
 * PURGE_SECRET; without one the renderer would refuse every purge, so none is queued).
 */
export type SitePurgeSettings = {
  enabled: boolean
}

/** Collections whose documents never appear on the public site. */
const UNPUBLISHED_COLLECTIONS = new Set(['users', 'job-review-comments', 'sponsor-contracts'])

/** The pages that show sponsor logos at fixed paths (web/src/routes/psf.ts, downloads.ts, jobs.ts). */
export const SPONSOR_LOGO_PATHS: readonly string[] = ['/psf/sponsors/', '/downloads/', '/jobs/', '/jobs/types/', '/jobs/categories/', '/jobs/locations/']

/**
 * Site paths a collection always shows on, purged by URL as well as by key, for a cache that
 * cannot purge by surrogate key. News is listed on the home page and at /blogs/.
 */
const COLLECTION_PATHS: Readonly<Record<string, readonly string[]>> = {
  news: ['/', '/blogs/'],
  // Sponsor logos (issue 17): /psf/sponsors/, /downloads/ and the job board's sidebar (python.org
  // shows none on its home page). Each job's own page and the filtered lists go by key only.
  sponsors: SPONSOR_LOGO_PATHS,
  sponsorships: SPONSOR_LOGO_PATHS,
  'sponsorship-packages': SPONSOR_LOGO_PATHS,
}

/**
 * Adds the purge hooks to a collection. Applied to every collection by `buildCollections`,
 * so a new collection is purged without anyone remembering to add it (deny by default: only
 * the collections listed above are left out).
 */
export function withSiteCachePurge(collection: CollectionConfig): CollectionConfig {
  if (UNPUBLISHED_COLLECTIONS.has(collection.slug)) return collection
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      afterChange: [...(hooks.afterChange ?? []), queuePurgeAfterChange(collection.slug)],
      afterDelete: [...(hooks.afterDelete ?? []), queuePurgeAfterDelete(collection.slug)],
    },
  }
}

/**
 * Queues a purge job in the change's own transaction (`req`): the job exists if and only if
 * the change commits, and the runner only sees it after the commit, so a renderer never
 * re-renders from data that is about to be rolled back.
 */
export function queuePurgeAfterChange(collection: string): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, req, context }) => {
    if (context.skipSitePurge === true || !purgeEnabled(req)) return doc
    // A draft that was never published changes nothing the public sees.
    if (statusOf(doc) === 'draft' && statusOf(previousDoc) !== 'published') return doc
    await queuePurge(req, collection, [pathOf(collection, doc), pathOf(collection, previousDoc)])
    return doc
  }
}

export function queuePurgeAfterDelete(collection: string): CollectionAfterDeleteHook {
  return async ({ doc, req, context }) => {
    if (context.skipSitePurge === true || !purgeEnabled(req)) return doc
    await queuePurge(req, collection, [pathOf(collection, doc)])
    return doc
  }
}

// One operation can touch a collection many times (a release save regenerates three boxes):
// one job per collection and request is enough.
const queuedInRequest = new WeakMap<PayloadRequest, Set<string>>()

async function queuePurge(req: PayloadRequest, collection: string, paths: (string | undefined)[]): Promise<void> {
  const urls = [...new Set([...paths, ...(COLLECTION_PATHS[collection] ?? [])].filter((path): path is string => path !== undefined))]
  const fingerprint = `${collection} ${urls.join(' ')}`
  const queued = queuedInRequest.get(req) ?? new Set<string>()
  if (queued.has(fingerprint)) return
  queued.add(fingerprint)
  queuedInRequest.set(req, queued)
  const input: SiteCachePurgeInput = { keys: [collection], urls }
  await req.payload.jobs.queue({ task: SITE_CACHE_PURGE_TASK, queue: SITE_CACHE_PURGE_QUEUE, input, req })
  nudgeRunner(req.payload)
}

/**
 * By the first the change's transaction has usually committed (a save commits in milliseconds);
 * the second catches a slower commit (a release save regenerating boxes on a busy machine)
 * before the once-a-second cron would.
 */
const NUDGE_DELAYS_MS = [150, 500]
const pendingNudges = new WeakSet<Payload>()

/**
 * Runs the purge queue shortly after a change instead of waiting for the next tick of the
 * once-a-second cron, so an edit reaches the site in well under a second. Only committed
 * jobs are visible to the run; one not yet committed is left to the cron.
 */
function nudgeRunner(payload: Payload): void {
  if (pendingNudges.has(payload)) return
  pendingNudges.add(payload)
  NUDGE_DELAYS_MS.forEach((delay, index) => {
    setTimeout(() => {
      if (index === NUDGE_DELAYS_MS.length - 1) pendingNudges.delete(payload)
      // A script that queued a purge and finished (payload.destroy() drops the database
      // adapter's connection) leaves the job to the serving CMS's cron.
      if (!databaseOpen(payload)) return
      payload.jobs.run({ queue: SITE_CACHE_PURGE_QUEUE, limit: 50, silent: { info: true } }).catch((error: unknown) => {
        payload.logger.error({ err: error }, 'Running the site cache purge queue failed')
      })
    }, delay).unref()
  })
}

/** False once `payload.destroy()` ran: the Postgres adapter then has no drizzle instance. */
function databaseOpen(payload: Payload): boolean {
  return (payload.db as { drizzle?: unknown }).drizzle !== undefined
}

function purgeEnabled(req: PayloadRequest): boolean {
  const settings = (req.payload.config.custom as { sitePurge?: SitePurgeSettings } | undefined)?.sitePurge
  return settings?.enabled === true
}

function statusOf(doc: unknown): unknown {
  return typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>)._status : undefined
}

/**
 * Documents served at their own path (CMS pages) and visitors' public profiles
 * (`/users/<username>/`, issue 11): that URL is purged too.
 */
function pathOf(collection: string, doc: unknown): string | undefined {
  if (collection === 'accounts') {
    const username = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).username : undefined
    return typeof username === 'string' && username !== '' ? `/users/${encodeURIComponent(username)}/` : undefined
  }
  const path = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).path : undefined
  return typeof path === 'string' && path.startsWith('/') ? path : undefined
}
