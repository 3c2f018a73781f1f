import type { CollectionBeforeDeleteHook } from 'payload'

import { keepRequestContext } from '../../hooks/keepRequestContext'

/**
 * A release's files go with it, as on python.org (the files' foreign key cascades there), in
 * the same transaction; the download boxes are regenerated once, by the release's own delete.
 */
export const deleteFilesWithRelease: CollectionBeforeDeleteHook = async ({ id, req, context }) => {
  await keepRequestContext(req, () =>
    req.payload.delete({
      collection: 'release-files',
      where: { release: { equals: id } },
      req,
      overrideAccess: true,
      context: { ...context, skipDownloadBoxes: true },
    }),
  )
}
