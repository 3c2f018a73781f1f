import type { CollectionBeforeOperationHook } from 'payload'

import { safeUploadFilename } from './safeUploadFilename'

/**
 * Release artifacts keep their names (python-3.14.0-amd64.exe is what the release tooling and the
 * download URL expect), made safe to store: base name, no odd characters, bounded length.
 */
export const normaliseArtifactFilename: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const file = req.file as { name: string } | undefined
  if ((operation === 'create' || operation === 'update') && file) file.name = safeUploadFilename(file.name)
  return args
}
