import { APIError, type CollectionBeforeChangeHook, type PayloadRequest, type Where } from 'payload'

import { keepRequestContext } from '../../hooks/keepRequestContext'

/**
 * Saving a release with `isLatest` clears the flag on the other releases of the same version,
 * in the same transaction, before this row is written: the partial unique index on
 * (version) WHERE is_latest would refuse the save otherwise, and it is what stops two racing
 * saves from both winning.
 */
export const demoteOtherLatest: CollectionBeforeChangeHook = async ({ data, originalDoc, req, context, operation }) => {
  const isLatest = data.isLatest ?? originalDoc?.isLatest
  const version = data.version ?? originalDoc?.version
  if (!isLatest || version == null) return data
  const othersLatest: Where = {
    and: [
      { version: { equals: version } },
      { isLatest: { equals: true } },
      ...(originalDoc?.id != null ? [{ id: { not_equals: originalDoc.id } }] : []),
    ],
  }
  // Payload runs this hook before validating the fields, and a bulk update keeps the writes of a
  // document that then fails validation: the demotion would stay while the release it was for
  // is refused, leaving no latest release. So a bulk update may not demote anything: marking a
  // release latest, or moving a latest release to another version, is done one release at a time.
  if (operation === 'update' && isBulkRestUpdate(req)) {
    const demoted = await req.payload.count({ collection: 'releases', where: othersLatest, req, overrideAccess: true })
    // A bulk update reports only each document's error message, so the message says it all.
    if (demoted.totalDocs > 0) throw new APIError('Mark one release as latest at a time (PATCH /api/releases/<id>), not in a bulk update.', 400, undefined, true)
    return data
  }
  await keepRequestContext(req, () =>
    req.payload.update({
      collection: 'releases',
      where: othersLatest,
      data: { isLatest: false },
      req,
      overrideAccess: true,
      depth: 0,
      // The save that triggered this regenerates the download boxes once, afterwards.
      context: { ...context, skipDownloadBoxes: true },
    }),
  )
  return data
}

/** PATCH /api/releases?where=...: Payload's REST route for releases with no document id. */
function isBulkRestUpdate(req: PayloadRequest): boolean {
  return req.routeParams?.collection === 'releases' && req.routeParams.id === undefined
}
