import type { CollectionBeforeChangeHook } from 'payload'

import { keepRequestContext } from '../../hooks/keepRequestContext'

/**
 * Saving a release with `isLatest` clears the flag on the other releases of the same version,
 * in the same transaction, before this row is written: the partial unique index on
 * (version) WHERE is_latest would refuse the save otherwise, and it is what stops two racing
 * saves from both winning.
 */
export const demoteOtherLatest: CollectionBeforeChangeHook = async ({ data, originalDoc, req, context }) => {
  const isLatest = data.isLatest ?? originalDoc?.isLatest
  const version = data.version ?? originalDoc?.version
  if (!isLatest || version == null) return data
  await keepRequestContext(req, () =>
    req.payload.update({
      collection: 'releases',
      where: {
        and: [
          { version: { equals: version } },
          { isLatest: { equals: true } },
          ...(originalDoc?.id != null ? [{ id: { not_equals: originalDoc.id } }] : []),
        ],
      },
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
