import type { CollectionSlug, Payload, TaskConfig, Where } from 'payload'

import { MARKUP_RULES_VERSION_FIELD, renderHtmlFields, withPopulatedUploads, type RenderedHtmlSpec } from '../../collections/fields/renderedMarkup'
import { SITE_CACHE_PURGE_QUEUE, SITE_CACHE_PURGE_TASK, type SiteCachePurgeInput, type SitePurgeSettings } from '../../collections/hooks/queueSiteCachePurge'
import { MARKUP_RULES_VERSION } from '../../lib/markup/markupRules'

export const RERENDER_MARKUP_TASK = 'rerenderMarkup'

/** Documents read and written per query: a page's markup is up to 1 MB, so a batch stays small. */
const BATCH = 25

/** How many documents and versions were rendered again, and the collections they are in. */
export type RerenderTally = { documents: number; versions: number; collections: string[] }

type Doc = Record<string, unknown> & { id: number | string }

function staleWhere(path: string): Where {
  return { or: [{ [path]: { exists: false } }, { [path]: { not_equals: MARKUP_RULES_VERSION } }] }
}

/**
 * Renders again every document (and every saved version or draft) whose HTML was rendered by
 * other rules than today's (`markupRulesVersion` missing or not MARKUP_RULES_VERSION): after the
 * migration that added the HTML fields, and after a change of the rules (docs/markup.md).
 *
 * It writes through the database adapter, not `payload.update`: only the HTML and the stamp
 * change, so no hook runs, no version is added, a newer draft is not overwritten by its published
 * document, and nobody is mailed. Each collection is walked in batches; the walk is bounded by the
 * count of stale documents it found at the start, so a write that does not stick cannot loop.
 * The site's cache is not purged here (the seed runs this before the site serves); the task
 * queues one purge per collection it changed.
 */
export async function rerenderStaleMarkup(payload: Payload): Promise<RerenderTally> {
  const tally: RerenderTally = { documents: 0, versions: 0, collections: [] }
  for (const collection of payload.config.collections) {
    const specs = (collection.custom as { renderedMarkup?: readonly RenderedHtmlSpec[] } | undefined)?.renderedMarkup
    if (specs === undefined || specs.length === 0) continue
    const slug = collection.slug as CollectionSlug
    const documents = await rerenderBatches(
      () => payload.db.count({ collection: slug, where: staleWhere(MARKUP_RULES_VERSION_FIELD) }),
      async () => (await payload.db.find<Doc>({ collection: slug, where: staleWhere(MARKUP_RULES_VERSION_FIELD), limit: BATCH, pagination: false, sort: 'id' })).docs,
      async (doc) => {
        await payload.db.updateOne({ collection: slug, id: doc.id, data: renderHtmlFields(specs, await withPopulatedUploads(() => payload, specs, doc)) })
      },
    )
    tally.documents += documents
    if (documents > 0) tally.collections.push(slug)
    if (!collection.versions) continue
    const versionWhere = staleWhere(`version.${MARKUP_RULES_VERSION_FIELD}`)
    tally.versions += await rerenderBatches(
      () => payload.db.countVersions({ collection: slug, where: versionWhere }),
      async () => (await payload.db.findVersions<Doc>({ collection: slug, where: versionWhere, limit: BATCH, pagination: false, sort: 'id' })).docs as unknown as Doc[],
      async (row) => {
        const version = (row.version ?? {}) as Record<string, unknown>
        await payload.db.updateVersion({ collection: slug, id: String(row.id), versionData: { ...row, version: { ...version, ...renderHtmlFields(specs, await withPopulatedUploads(() => payload, specs, version)) } } as never })
      },
    )
  }
  return tally
}

async function rerenderBatches(count: () => Promise<{ totalDocs: number }>, next: () => Promise<Doc[]>, rerender: (doc: Doc) => Promise<void>): Promise<number> {
  const { totalDocs } = await count()
  let done = 0
  while (done < totalDocs) {
    const docs = await next()
    if (docs.length === 0) break
    for (const doc of docs) await rerender(doc)
    done += docs.length
  }
  return done
}

/**
 * The `rerenderMarkup` task: `npm run jobs:run -- rerenderMarkup` after a deploy that raised
 * MARKUP_RULES_VERSION (the seed runs the same function after seeding). One at a time.
 */
export function createRerenderMarkupTask(): TaskConfig<{ input: object; output: { documents: number; versions: number } }> {
  return {
    slug: RERENDER_MARKUP_TASK,
    label: 'Render stored markup again with the current rules',
    concurrency: () => RERENDER_MARKUP_TASK,
    retries: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
    outputSchema: [
      { name: 'documents', type: 'number', required: true },
      { name: 'versions', type: 'number', required: true },
    ],
    handler: async ({ req }) => {
      const { documents, versions, collections } = await rerenderStaleMarkup(req.payload)
      const purge = (req.payload.config.custom as { sitePurge?: SitePurgeSettings } | undefined)?.sitePurge?.enabled === true
      // The pages showing those documents were cached with the old HTML: by collection key, as the hooks purge.
      if (purge) {
        for (const slug of collections) {
          const input: SiteCachePurgeInput = { keys: [slug], urls: [] }
          await req.payload.jobs.queue({ task: SITE_CACHE_PURGE_TASK, queue: SITE_CACHE_PURGE_QUEUE, input })
        }
      }
      return { output: { documents, versions } }
    },
  }
}
