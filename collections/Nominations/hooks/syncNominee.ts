import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest, Where } from 'payload'

function idOf(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number') return (value as { id: number }).id
  return null
}

/** Sets a nominee's flags from its nominations: accepted if one is, approved if an accepted one is approved. */
async function syncOne(req: PayloadRequest, nomineeId: number): Promise<void> {
  const count = async (where: Where) =>
    (await req.payload.count({ collection: 'nominations', where: { and: [{ nominee: { equals: nomineeId } }, where] }, overrideAccess: true, req })).totalDocs
  const accepted = (await count({ accepted: { equals: true } })) > 0
  const approved = (await count({ and: [{ accepted: { equals: true } }, { approved: { equals: true } }] })) > 0
  const nominee = await req.payload.findByID({ collection: 'nominees', id: nomineeId, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (nominee === null || (nominee.accepted === accepted && nominee.approved === approved)) return
  await req.payload.update({ collection: 'nominees', id: nomineeId, data: { accepted, approved }, overrideAccess: true, depth: 0, req })
}

/**
 * A nominee is public exactly when one of their nominations is (accepted and approved): their
 * flags follow their nominations after every change, in the change's transaction.
 */
export const syncNomineeAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  if (context.invitationTokenOnly === true) return doc
  const ids = new Set([idOf(doc.nominee), idOf(previousDoc?.nominee)].filter((id): id is number => id !== null))
  for (const id of ids) await syncOne(req, id)
  return doc
}

export const syncNomineeAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const id = idOf(doc.nominee)
  if (id !== null) await syncOne(req, id)
  return doc
}
