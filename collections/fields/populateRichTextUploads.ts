import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

/**
 * Rich text stores an upload as its id; Payload's HTML converter renders only a populated upload
 * (its URL, size, alt) and writes nothing for a bare id. When the site rendered rich text it read
 * it at depth 1; now that the HTML is rendered when saved (issue 16), the save populates the
 * uploads itself. Read with access overridden: only staff write rich text, and an image becomes
 * public when the content using it is published (collections/Media, markMediaPublished), which
 * is after this hook runs, so a visitor's view at this moment would leave every new image out.
 *
 * Bounded: content is input. At most MAX_NODES nodes are walked and MAX_UPLOADS uploads looked
 * up, in one read per upload collection; past that the rest render as nothing, as before.
 */
const MAX_NODES = 100_000
const MAX_UPLOADS = 500

type UploadNode = { type: 'upload'; relationTo: string; value: unknown }

function uploadNodesOf(value: unknown): UploadNode[] {
  const found: UploadNode[] = []
  const stack: unknown[] = [value]
  for (let walked = 0; stack.length > 0 && walked < MAX_NODES && found.length < MAX_UPLOADS; walked++) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null) continue
    const record = node as Record<string, unknown>
    if (record.type === 'upload' && typeof record.relationTo === 'string' && (typeof record.value === 'number' || typeof record.value === 'string')) {
      found.push(record as UploadNode)
    }
    const children = 'root' in record ? [record.root] : record.children
    if (Array.isArray(children)) stack.push(...children)
    else if (typeof children === 'object' && children !== null) stack.push(children)
  }
  return found
}

/** A copy of `value` whose upload nodes hold their documents; `value` itself when it has none. */
export async function populateRichTextUploads(payload: Payload, value: unknown, req?: PayloadRequest): Promise<unknown> {
  if (uploadNodesOf(value).length === 0) return value
  const copy = structuredClone(value)
  const nodes = uploadNodesOf(copy)
  const byCollection = new Map<string, UploadNode[]>()
  for (const node of nodes) byCollection.set(node.relationTo, [...(byCollection.get(node.relationTo) ?? []), node])
  const known = new Set<string>(payload.config.collections.filter((collection) => collection.upload).map((collection) => collection.slug))
  for (const [relationTo, group] of byCollection) {
    if (!known.has(relationTo)) continue
    const ids = [...new Set(group.map((node) => String(node.value)))]
    // In the saving transaction when there is one: an upload made in it is found too.
    const { docs } = await payload.find({ collection: relationTo as CollectionSlug, where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, overrideAccess: true, ...(req === undefined ? {} : { req }) })
    const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
    for (const node of group) node.value = byId.get(String(node.value)) ?? node.value
  }
  return copy
}
