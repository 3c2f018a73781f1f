import { APIError, type CollectionBeforeDeleteHook, type CollectionSlug } from 'payload'

/**
 * Refuses (400, nothing deleted) to delete a document that required relations still point to,
 * naming how many: deleting an OS with files or a calendar with events would otherwise fail
 * deep in the database with an error the user cannot act on.
 */
export function refuseDeleteWhileReferenced(referencing: CollectionSlug, field: string, noun: string): CollectionBeforeDeleteHook {
  return async ({ id, req }) => {
    const { totalDocs } = await req.payload.count({ collection: referencing, where: { [field]: { equals: id } }, req, overrideAccess: true })
    if (totalDocs > 0) {
      throw new APIError(`This cannot be deleted while ${totalDocs} ${noun} refer to it: delete or move them first.`, 400, null, true)
    }
  }
}
