import type { CollectionSlug, Payload, PayloadRequest, RequestContext } from 'payload'

import { changedFields } from '../changedFields'
import type { UpsertTally } from '../upsertTally'

type Doc = Record<string, unknown> & { id: number | string }

/** Loads every document of a collection keyed by one field (the importer's natural key), in `req`'s transaction if given. */
export async function loadByKey(payload: Payload, collection: CollectionSlug, key: string, req?: PayloadRequest): Promise<Map<string, Doc>> {
  const result = await payload.find({ collection, limit: 0, pagination: false, depth: 0, overrideAccess: true, draft: true, req })
  const byKey = new Map<string, Doc>()
  for (const doc of result.docs as unknown as Doc[]) {
    const value = doc[key]
    if (value != null) byKey.set(String(value), doc)
  }
  return byKey
}

/**
 * Creates the document when no existing one has its key, else writes only the fields that
 * differ: running an importer twice changes nothing the second time.
 */
export async function upsertByKey(
  payload: Payload,
  options: {
    collection: CollectionSlug
    existing: Map<string, Doc>
    key: string
    data: Record<string, unknown>
    tally: UpsertTally
    context?: RequestContext
    /** The transaction to write in (a scheduled import); the seed writes without one. */
    req?: PayloadRequest
    /**
     * Queue site cache purges for the writes (a scheduled import updating a live site: one purge
     * job per request and collection). The seed never does.
     */
    purgeSite?: boolean
  },
): Promise<Doc> {
  const { collection, existing, key, data, tally, req } = options
  // One purge job per imported document would flood the queue; the seed runs before the site
  // serves (or, run again, changes little), and cached pages expire within their max-age.
  const context: RequestContext = options.purgeSite === true ? { ...options.context } : { ...options.context, skipSitePurge: true }
  const keyValue = String(data[key])
  const current = existing.get(keyValue)
  if (!current) {
    const created = (await payload.create({ collection, data: data as never, overrideAccess: true, depth: 0, context, req })) as unknown as Doc
    existing.set(keyValue, created)
    tally.created += 1
    return created
  }
  const changes = changedFields(current, data)
  if (Object.keys(changes).length === 0) {
    tally.unchanged += 1
    return current
  }
  const updated = (await payload.update({
    collection,
    id: current.id,
    data: changes as never,
    overrideAccess: true,
    depth: 0,
    context,
    req,
  })) as unknown as Doc
  existing.set(keyValue, updated)
  tally.updated += 1
  return updated
}
