import type { Payload } from 'payload'

import type { FixtureInput } from './accessFixtures'
import { looseLocalApi, type Actor, type AnyDoc } from './accessLocalApi'
import { isForbidden, type Outcome } from './accessProbes'

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status
    return `${error.name}${status ? ` (${String(status)})` : ''}: ${error.message}`
  }
  return String(error)
}

/** The newest version of a document (its latest draft, for collections with drafts). */
async function latest(payload: Payload, collection: string, id: number): Promise<AnyDoc | null> {
  return looseLocalApi(payload).findByID({ collection, id, overrideAccess: true, disableErrors: true, draft: true })
}

async function count(payload: Payload, collection: string): Promise<number> {
  return (await looseLocalApi(payload).count({ collection, overrideAccess: true })).totalDocs
}

/** Saves a new document as a draft (`draft: true`, `_status: 'draft'`). */
export async function probeCreateDraft(payload: Payload, collection: string, input: FixtureInput, user: Actor): Promise<Outcome> {
  const before = await count(payload, collection)
  try {
    const doc = await looseLocalApi(payload).create({ collection, ...input, data: { ...input.data, _status: 'draft' }, draft: true, overrideAccess: false, user })
    const stored = await latest(payload, collection, doc.id)
    return stored?._status === 'draft' ? 'allowed' : `unexpected: the draft is stored as ${JSON.stringify(stored?._status)}`
  } catch (error) {
    if (!isForbidden(error)) return `unexpected: ${describeError(error)}`
    const after = await count(payload, collection)
    return after === before ? 'denied' : `unexpected: Forbidden, yet ${after - before} document(s) were written`
  }
}

/** Saves a change as a new draft of a published document; the published version must stay as it was. */
export async function probeUpdateDraft(
  payload: Payload,
  collection: string,
  id: number,
  patch: { field: string; value: unknown },
  user: Actor,
): Promise<Outcome> {
  const before = (await latest(payload, collection, id))?.[patch.field]
  try {
    await looseLocalApi(payload).update({ collection, id, data: { [patch.field]: patch.value, _status: 'draft' }, draft: true, overrideAccess: false, user })
  } catch (error) {
    if (!isForbidden(error)) return `unexpected: ${describeError(error)}`
    const after = (await latest(payload, collection, id))?.[patch.field]
    return after === before ? 'denied' : `unexpected: Forbidden, yet the draft's ${patch.field} changed to ${JSON.stringify(after)}`
  }
  const draft = await latest(payload, collection, id)
  const published = await looseLocalApi(payload).findByID({ collection, id, overrideAccess: true, disableErrors: true })
  if (draft?.[patch.field] !== patch.value) return `unexpected: the draft save went through but ${patch.field} is ${JSON.stringify(draft?.[patch.field])}`
  if (published?.[patch.field] === patch.value) return 'unexpected: a draft save changed the published document'
  return 'allowed'
}

/**
 * Restores the first version of a document that was changed since: allowed when the document
 * holds the old value again, denied when Payload refused and it still holds the new one.
 */
export async function probeRestoreVersion(
  payload: Payload,
  collection: string,
  id: number,
  field: string,
  user: Actor,
): Promise<Outcome> {
  const api = looseLocalApi(payload)
  const versions = await api.findVersions({ collection, where: { parent: { equals: id } }, sort: 'createdAt', overrideAccess: true })
  const first = versions.docs[0]
  if (!first || versions.totalDocs < 2) return 'unexpected: the fixture has fewer than two versions to restore between'
  const oldValue = first.version[field]
  const current = (await latest(payload, collection, id))?.[field]
  if (current === oldValue) return 'unexpected: the fixture was not changed after its first version'
  try {
    await api.restoreVersion({ collection, id: first.id, overrideAccess: false, user })
  } catch (error) {
    if (!isForbidden(error)) return `unexpected: ${describeError(error)}`
    const after = (await latest(payload, collection, id))?.[field]
    return after === current ? 'denied' : `unexpected: Forbidden, yet ${field} became ${JSON.stringify(after)}`
  }
  const after = (await latest(payload, collection, id))?.[field]
  return after === oldValue ? 'allowed' : `unexpected: the restore went through but ${field} is ${JSON.stringify(after)}`
}

/**
 * Duplicates a document (Payload's "Duplicate" button, `POST /api/<collection>/<id>/duplicate`),
 * with `data` giving the copy fresh values for the fields that must be unique.
 */
export async function probeDuplicate(payload: Payload, collection: string, id: number, data: Record<string, unknown>, user: Actor): Promise<Outcome> {
  const before = await count(payload, collection)
  try {
    const copy = await looseLocalApi(payload).duplicate({ collection, id, data, overrideAccess: false, user })
    if (copy.id === id) return 'unexpected: the duplicate has the id of the original'
    return (await latest(payload, collection, copy.id)) ? 'allowed' : 'unexpected: duplicate returned a document that is not stored'
  } catch (error) {
    if (!isForbidden(error)) return `unexpected: ${describeError(error)}`
    const after = await count(payload, collection)
    return after === before ? 'denied' : `unexpected: Forbidden, yet ${after - before} document(s) were written`
  }
}
