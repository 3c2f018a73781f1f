import type { Payload } from 'payload'

import type { FixtureInput } from './accessFixtures'
import { looseLocalApi, type Actor } from './accessLocalApi'

/**
 * What an attempt came to. `denied` means exactly what the access table promises: Payload
 * refused a write with Forbidden (403) and nothing was stored, or a read returned nothing.
 * Anything else (another error, a refusal that still wrote, a success that stored nothing)
 * is reported as `unexpected` and never matches an expectation.
 */
export type Outcome = 'allowed' | 'denied' | `unexpected: ${string}`

export function isForbidden(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 403
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status
    return `${error.name}${status ? ` (${String(status)})` : ''}: ${error.message}`
  }
  return String(error)
}

async function exists(payload: Payload, collection: string, id: number): Promise<boolean> {
  return (await looseLocalApi(payload).findByID({ collection, id, overrideAccess: true, disableErrors: true })) !== null
}

async function storedValue(payload: Payload, collection: string, id: number, field: string): Promise<unknown> {
  return (await looseLocalApi(payload).findByID({ collection, id, overrideAccess: true, disableErrors: true }))?.[field]
}

/** Creates as `user`; on refusal, checks that the collection holds no more documents than before. */
export async function probeCreate(payload: Payload, collection: string, input: FixtureInput, user: Actor): Promise<Outcome> {
  const api = looseLocalApi(payload)
  const before = (await api.count({ collection, overrideAccess: true })).totalDocs
  try {
    const doc = await api.create({ collection, ...input, overrideAccess: false, user })
    return (await exists(payload, collection, doc.id)) ? 'allowed' : 'unexpected: create returned a document that is not stored'
  } catch (error) {
    if (!isForbidden(error)) return `unexpected: ${describeError(error)}`
    const after = (await api.count({ collection, overrideAccess: true })).totalDocs
    return after === before ? 'denied' : `unexpected: Forbidden, yet ${after - before} document(s) were written`
  }
}

/** Reads one document by id as `user` (a list query, as the REST API and the site make). */
export async function probeRead(payload: Payload, collection: string, id: number, user: Actor, draft = false): Promise<Outcome> {
  try {
    const result = await looseLocalApi(payload).find({ collection, where: { id: { equals: id } }, draft, overrideAccess: false, user })
    return result.docs.some((doc) => doc.id === id) ? 'allowed' : 'denied'
  } catch (error) {
    return isForbidden(error) ? 'denied' : `unexpected: ${describeError(error)}`
  }
}

/** Lists the versions of one document as `user`. */
export async function probeReadVersions(payload: Payload, collection: string, parentId: number, user: Actor): Promise<Outcome> {
  try {
    const result = await looseLocalApi(payload).findVersions({ collection, where: { parent: { equals: parentId } }, overrideAccess: false, user })
    return result.totalDocs > 0 ? 'allowed' : 'denied'
  } catch (error) {
    return isForbidden(error) ? 'denied' : `unexpected: ${describeError(error)}`
  }
}

/** Updates one field by id as `user`, then checks what was stored. */
export async function probeUpdate(
  payload: Payload,
  collection: string,
  id: number,
  patch: { field: string; value: unknown },
  user: Actor,
): Promise<Outcome> {
  const before = await storedValue(payload, collection, id, patch.field)
  try {
    await looseLocalApi(payload).update({ collection, id, data: { [patch.field]: patch.value }, overrideAccess: false, user })
  } catch (error) {
    if (!isForbidden(error)) return `unexpected: ${describeError(error)}`
    const after = await storedValue(payload, collection, id, patch.field)
    return after === before ? 'denied' : `unexpected: Forbidden, yet ${patch.field} changed to ${JSON.stringify(after)}`
  }
  const after = await storedValue(payload, collection, id, patch.field)
  return after === patch.value ? 'allowed' : `unexpected: update succeeded but ${patch.field} is ${JSON.stringify(after)}`
}

/** Deletes by id as `user`, then checks whether the document is gone. */
export async function probeDelete(payload: Payload, collection: string, id: number, user: Actor): Promise<Outcome> {
  try {
    await looseLocalApi(payload).delete({ collection, id, overrideAccess: false, user })
  } catch (error) {
    if (!isForbidden(error)) return `unexpected: ${describeError(error)}`
    return (await exists(payload, collection, id)) ? 'denied' : 'unexpected: Forbidden, yet the document was deleted'
  }
  return (await exists(payload, collection, id)) ? 'unexpected: delete succeeded but the document is still there' : 'allowed'
}
