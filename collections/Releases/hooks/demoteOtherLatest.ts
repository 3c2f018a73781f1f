import { sql } from '@payloadcms/db-postgres'
import { APIError, type CollectionBeforeChangeHook, type PayloadRequest, type Where } from 'payload'

import { sqlRunnerFor } from '../../../cms/database/sqlRunner'

/**
 * Saving a release with `isLatest` clears the flag on the other releases of the same version,
 * in the same transaction, before this row is written: the partial unique index on
 * (version) WHERE is_latest would refuse the save otherwise, and it is what stops two racing
 * saves from both winning.
 */
export const demoteOtherLatest: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  const isLatest = data.isLatest ?? originalDoc?.isLatest
  const version = data.version ?? originalDoc?.version
  if (!isLatest || version == null) return data
  // Already the latest of this version (read in this transaction): the partial unique index
  // says no other release of the version is, so there is nothing to demote and no query to make.
  if (originalDoc?.isLatest === true && originalDoc.version === version) return data
  // Payload runs this hook before validating the fields, and a bulk update keeps the writes of a
  // document that then fails validation: the demotion would stay while the release it was for
  // is refused, leaving no latest release. So a bulk update may not demote anything: marking a
  // release latest, or moving a latest release to another version, is done one release at a time.
  if (operation === 'update' && isBulkRestUpdate(req)) {
    const othersLatest: Where = {
      and: [
        { version: { equals: version } },
        { isLatest: { equals: true } },
        ...(originalDoc?.id != null ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    }
    const demoted = await req.payload.count({ collection: 'releases', where: othersLatest, req, overrideAccess: true })
    // A bulk update reports only each document's error message, so the message says it all.
    if (demoted.totalDocs > 0) throw new APIError('Mark one release as latest at a time (PATCH /api/releases/<id>), not in a bulk update.', 400, undefined, true)
    return data
  }
  await demoteInOneStatement(req, Number(version), originalDoc?.id == null ? null : Number(originalDoc.id))
  return data
}

/**
 * One UPDATE in the save's transaction, not a Payload update of the other releases: that was
 * eight round trips on the transaction's connection (find, lock check, update, read back, search
 * index, notify) for a write whose only change is the flag. What those hooks did is done here or
 * by the save itself: the flag and the audit fields (`updatedAt`, and `updatedBy` as
 * recordAuthors sets it) are written here; the search document of a release does not show the
 * flag; the response cache drop, the site purge (key `releases`; a release has no path) and the
 * download boxes are the save's own, after this row is written.
 */
async function demoteInOneStatement(req: PayloadRequest, version: number, exceptId: number | null): Promise<void> {
  const userId = req.user && req.user.collection === 'users' ? Number(req.user.id) : null
  const db = await sqlRunnerFor(req.payload, req)
  await db.execute(sql`
    UPDATE "releases" SET "is_latest" = false, "updated_at" = ${new Date().toISOString()}, "updated_by_id" = ${userId}
    WHERE "version" = ${version} AND "is_latest" ${exceptId === null ? sql`` : sql`AND "id" <> ${exceptId}`}`)
}

/** PATCH /api/releases?where=...: Payload's REST route for releases with no document id. */
function isBulkRestUpdate(req: PayloadRequest): boolean {
  return req.routeParams?.collection === 'releases' && req.routeParams.id === undefined
}
