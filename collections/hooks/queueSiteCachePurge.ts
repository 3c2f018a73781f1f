import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  Payload,
  PayloadRequest,
} from 'payload'

import { databaseOpen, runAfterCommit, transactionOf } from './afterCommit'

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
  /**
   * Sends an order to every renderer (and the CDN) at once, as the purge job does; throws when
   * it may not have arrived. Given by the CMS (cms/jobs/purgeSiteCache.ts) so that a change is
   * purged right after its commit; the job then only retries.
   */
  deliver?: SitePurgeDeliver
}

export type SitePurgeDeliver = (order: SiteCachePurgeInput, log: { warn: (message: string) => void }) => Promise<unknown>

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
 * the change commits. The purge itself is delivered right after the commit (one order for the
 * whole transaction), so a renderer never re-renders from data that is about to be rolled back,
 * and the job stays behind as the retry path.
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
// one job per collection and transaction is enough.
const queuedInRequest = new WeakMap<PayloadRequest, Set<string>>()

/** The purge a transaction's changes need, merged, and the jobs that stand behind it. */
type PendingPurge = { keys: Set<string>; urls: Set<string>; jobIds: (number | string)[] }
/** By Payload instance and transaction id, until the transaction commits or rolls back. */
const pendingByTransaction = new WeakMap<Payload, Map<string, PendingPurge>>()

/**
 * How long the cron leaves a purge job alone: the purge is delivered right after the commit
 * (deliverAfterCommit), and the job is only its retry path, for a delivery that failed or a
 * process that stopped in between. Without the delay the once-a-second cron could deliver the
 * same purge a second time, and every renderer would render its pages twice.
 */
export const PURGE_JOB_RETRY_DELAY_MS = 5000

async function queuePurge(req: PayloadRequest, collection: string, paths: (string | undefined)[]): Promise<void> {
  const urls = [...new Set([...paths, ...(COLLECTION_PATHS[collection] ?? [])].filter((path): path is string => path !== undefined))]
  const transaction = await transactionOf(req)
  // Per transaction: a request that commits twice (an endpoint making two saves) purges twice.
  const fingerprint = `${transaction ?? ''} ${collection} ${urls.join(' ')}`
  const queued = queuedInRequest.get(req) ?? new Set<string>()
  if (queued.has(fingerprint)) return
  queued.add(fingerprint)
  queuedInRequest.set(req, queued)
  const input: SiteCachePurgeInput = { keys: [collection], urls }
  const deliver = deliveryOf(req)
  const job = await req.payload.jobs.queue({
    task: SITE_CACHE_PURGE_TASK,
    queue: SITE_CACHE_PURGE_QUEUE,
    input,
    req,
    ...(deliver === undefined ? {} : { waitUntil: new Date(Date.now() + PURGE_JOB_RETRY_DELAY_MS) }),
  })
  const jobId = (job as { id?: number | string } | undefined)?.id
  const pendingHere = pendingByTransaction.get(req.payload) ?? new Map<string, PendingPurge>()
  pendingByTransaction.set(req.payload, pendingHere)
  const pending = transaction === null ? undefined : pendingHere.get(transaction)
  if (pending !== undefined) {
    // Already waiting for this request's commit: the one delivery carries this change too.
    for (const key of input.keys) pending.keys.add(key)
    for (const url of urls) pending.urls.add(url)
    if (jobId !== undefined) pending.jobIds.push(jobId)
    return
  }
  const purge: PendingPurge = { keys: new Set(input.keys), urls: new Set(urls), jobIds: jobId === undefined ? [] : [jobId] }
  if (transaction !== null) pendingHere.set(transaction, purge)
  const forget = () => {
    if (transaction !== null) pendingHere.delete(transaction)
  }
  await runAfterCommit(
    req,
    async () => {
      forget()
      await deliverAfterCommit(req.payload, purge, deliver)
    },
    forget,
  )
}

/**
 * Right after the commit, one purge order for everything the request changed (a release save
 * purges releases and the boxes it regenerated at once, so renderers render once), delivered
 * directly; the queued jobs are then marked done. A failed delivery leaves them to the cron,
 * which retries with backoff. Without a direct delivery (a config that gives none) the queue is
 * run at once instead.
 */
async function deliverAfterCommit(payload: Payload, purge: PendingPurge, deliver: SitePurgeDeliver | undefined): Promise<void> {
  // A script that queued a purge and finished (payload.destroy() drops the database adapter's
  // connection) leaves the job to the serving CMS's cron.
  if (!databaseOpen(payload)) return
  if (deliver === undefined) {
    await payload.jobs.run({ queue: SITE_CACHE_PURGE_QUEUE, limit: 50, silent: { info: true } }).catch((error: unknown) => {
      payload.logger.error({ err: error }, 'Running the site cache purge queue failed')
    })
    return
  }
  const order: SiteCachePurgeInput = { keys: [...purge.keys], urls: [...purge.urls] }
  try {
    await deliver(order, { warn: (message) => payload.logger.warn(message) })
  } catch (error) {
    payload.logger.warn({ err: error }, `Site cache purge after the commit failed; its job retries it in ${PURGE_JOB_RETRY_DELAY_MS / 1000} s`)
    return
  }
  if (purge.jobIds.length === 0) return
  // Done unless the cron already took it (a slow delivery): then that run finishes it.
  await payload.db
    .updateJobs({
      where: { and: [{ id: { in: purge.jobIds } }, { processing: { equals: false } }, { completedAt: { exists: false } }] },
      data: { completedAt: new Date().toISOString(), processing: false, totalTried: 1 },
      returning: false,
    })
    .catch((error: unknown) => payload.logger.warn({ err: error }, 'Marking delivered site cache purge jobs done failed; they will purge again'))
}

function deliveryOf(req: PayloadRequest): SitePurgeDeliver | undefined {
  return (req.payload.config.custom as { sitePurge?: SitePurgeSettings } | undefined)?.sitePurge?.deliver
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
