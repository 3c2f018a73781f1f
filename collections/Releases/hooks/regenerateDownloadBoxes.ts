import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  PayloadRequest,
  RequestContext,
} from 'payload'

import { renderDownloadBoxes } from '../downloadBoxes/renderDownloadBoxes'
import { loadLatestReleases } from './loadLatestReleases'

/**
 * python.org regenerates its download boxes (home page widget, downloads menu, sources box)
 * whenever a release or one of its files changes. We do it in the same transaction as the
 * change, so the boxes never describe releases that were rolled back.
 */
export async function regenerateDownloadBoxes(req: PayloadRequest): Promise<void> {
  const latest = await loadLatestReleases(req)
  for (const box of renderDownloadBoxes(latest)) {
    const existing = await req.payload.find({
      collection: 'boxes',
      where: { label: { equals: box.label } },
      limit: 1,
      depth: 0,
      req,
      overrideAccess: true,
    })
    const data = { label: box.label, content: box.content, markupType: 'html' as const, generated: true }
    if (existing.docs[0]) {
      if (existing.docs[0].content === box.content && existing.docs[0].generated) continue
      await req.payload.update({ collection: 'boxes', id: existing.docs[0].id, data, req, overrideAccess: true, depth: 0 })
    } else {
      await req.payload.create({ collection: 'boxes', data, req, overrideAccess: true, depth: 0 })
    }
  }
}

/** Seeding turns this off (`context.skipDownloadBoxes`) and regenerates once at the end. */
function shouldRegenerate(context: RequestContext): boolean {
  return !context.skipDownloadBoxes
}

export const regenerateDownloadBoxesAfterChange: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  if (shouldRegenerate(context)) await regenerateDownloadBoxes(req)
  return doc
}

export const regenerateDownloadBoxesAfterDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  if (shouldRegenerate(context)) await regenerateDownloadBoxes(req)
  return doc
}
