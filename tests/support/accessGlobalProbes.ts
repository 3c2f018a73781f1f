import type { Payload } from 'payload'

import { looseLocalApi, type Actor } from './accessLocalApi'
import { isForbidden, type Outcome } from './accessProbes'

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

/** Reads a global as `user`. */
export async function probeReadGlobal(payload: Payload, slug: string, user: Actor): Promise<Outcome> {
  try {
    await looseLocalApi(payload).findGlobal({ slug, overrideAccess: false, user })
    return 'allowed'
  } catch (error) {
    return isForbidden(error) ? 'denied' : `unexpected: ${describeError(error)}`
  }
}

/** Writes one JSON-able field of a global as `user`, then checks what was stored. */
export async function probeUpdateGlobal(payload: Payload, slug: string, patch: { field: string; value: unknown }, user: Actor): Promise<Outcome> {
  const api = looseLocalApi(payload)
  const stored = async () => JSON.stringify((await api.findGlobal({ slug, overrideAccess: true }))[patch.field] ?? null)
  const before = await stored()
  try {
    await api.updateGlobal({ slug, data: { [patch.field]: patch.value }, overrideAccess: false, user })
  } catch (error) {
    if (!isForbidden(error)) return `unexpected: ${describeError(error)}`
    const after = await stored()
    return after === before ? 'denied' : `unexpected: Forbidden, yet ${patch.field} became ${after}`
  }
  const after = await stored()
  if (after !== JSON.stringify(patch.value)) return `unexpected: the update went through but ${patch.field} is ${after}`
  await api.updateGlobal({ slug, data: { [patch.field]: JSON.parse(before) as unknown }, overrideAccess: true })
  return 'allowed'
}
