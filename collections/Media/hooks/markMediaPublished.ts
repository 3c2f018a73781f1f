import type { CollectionAfterChangeHook, CollectionConfig } from 'payload'
import { relationNumberId } from '../../fields/relationNumberId'

/**
 * Media are public once published content uses them (issue 18: the images of a draft page were
 * listable by anyone at `GET /api/media`). Anonymous callers read only media with
 * `usedInPublishedContent` set (collections/Media); this hook sets it, in the same transaction,
 * when a published document of a collection that shows media refers to them: a success story's
 * `image`, or an upload in any rich text. The flag is never cleared: an image that was served
 * with a published page has been public (in caches, on the CDN) and stays readable.
 */

/** Which saved documents are public, per collection that refers to media. */
const PUBLISHED: Record<string, (doc: Record<string, unknown>) => boolean> = {
  pages: (doc) => doc._status === 'published',
  'success-stories': (doc) => doc._status === 'published',
  releases: (doc) => doc.isPublished === true,
  // Events have no unpublished state: every saved event is on the site.
  events: () => true,
}

/** Content is input: the walk stops at this many values or this depth. */
const MAX_VALUES = 200_000
const MAX_DEPTH = 64

/** The media ids a document refers to: Lexical upload nodes anywhere in it, and its `image`. */
export function mediaIdsOf(doc: Record<string, unknown>): number[] {
  const ids = new Set<number>()
  const image = relationNumberId(doc.image)
  if (image !== null) ids.add(image)
  let visited = 0
  const walk = (value: unknown, depth: number): void => {
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || ++visited > MAX_VALUES) return
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1)
      return
    }
    const node = value as Record<string, unknown>
    if (node.type === 'upload' && node.relationTo === 'media') {
      const id = relationNumberId(node.value)
      if (id !== null) ids.add(id)
    }
    for (const child of Object.values(node)) walk(child, depth + 1)
  }
  for (const [key, value] of Object.entries(doc)) if (key !== 'image') walk(value, 0)
  return [...ids]
}

const markMediaPublished: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  const isPublished = PUBLISHED[collection.slug]
  if (!isPublished || !isPublished(doc as Record<string, unknown>)) return doc
  const ids = mediaIdsOf(doc as Record<string, unknown>)
  if (ids.length === 0) return doc
  const unmarked = await req.payload.find({
    collection: 'media',
    where: { and: [{ id: { in: ids } }, { usedInPublishedContent: { not_equals: true } }] },
    pagination: false,
    depth: 0,
    select: {},
    overrideAccess: true,
    req,
  })
  for (const media of unmarked.docs) {
    await req.payload.update({ collection: 'media', id: media.id, data: { usedInPublishedContent: true }, overrideAccess: true, depth: 0, req })
  }
  return doc
}

/** The collection with the hook, when its documents show media (see PUBLISHED). */
export function withPublishedMedia(collection: CollectionConfig): CollectionConfig {
  if (!(collection.slug in PUBLISHED)) return collection
  return { ...collection, hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), markMediaPublished] } }
}
