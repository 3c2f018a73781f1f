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
  const boxes = renderDownloadBoxes(latest)
  // One read of the generated boxes rather than one per box: every query of this transaction
  // shares one connection, so each round trip lengthens the release save the editor waits on.
  const existing = await req.payload.find({
    collection: 'boxes',
    where: { label: { in: boxes.map((box) => box.label) } },
    limit: boxes.length,
    pagination: false,
    depth: 0,
    req,
    overrideAccess: true,
  })
  const byLabel = new Map(existing.docs.map((doc) => [doc.label, doc]))
  for (const box of boxes) {
    const found = byLabel.get(box.label)
    const data = { label: box.label, content: box.content, markupType: 'html' as const, generated: true }
    if (found) {
      if (found.content === box.content && found.generated) continue
      await req.payload.update({ collection: 'boxes', id: found.id, data, req, overrideAccess: true, depth: 0 })
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
