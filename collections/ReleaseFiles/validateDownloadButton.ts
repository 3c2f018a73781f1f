import type { PayloadRequest } from 'payload'

import { relationId } from './relationId'

type ValidateOptions = {
  id?: number | string
  req: PayloadRequest
  data: Record<string, unknown>
  originalDoc?: Record<string, unknown>
}

/**
 * At most one download-button file per release and OS (python.org's rule; a partial unique
 * index backs it against races). Checked here first so the editor gets a clear message.
 */
export async function validateDownloadButton(value: unknown, options: ValidateOptions): Promise<true | string> {
  if (value !== true) return true
  const { data, id, req, originalDoc } = options
  const releaseId = relationId(data.release ?? originalDoc?.release)
  const osId = relationId(data.os ?? originalDoc?.os)
  if (releaseId == null || osId == null) return true
  const clash = await req.payload.find({
    collection: 'release-files',
    where: {
      and: [
        { release: { equals: releaseId } },
        { os: { equals: osId } },
        { downloadButton: { equals: true } },
        ...(id != null ? [{ id: { not_equals: id } }] : []),
      ],
    },
    limit: 1,
    depth: 0,
    req,
    overrideAccess: true,
  })
  const other = clash.docs[0]
  return other ? `This release already has a download button for this OS: "${other.name}".` : true
}
