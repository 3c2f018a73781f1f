import type { CollectionBeforeValidateHook } from 'payload'

import { schemaSettingsOf } from '../../settings/schemaSettings'
import { parseReleaseName } from '../releaseFileSlug'
import { relationId } from '../relationId'

/** `Python 3.14.0rc2` -> `3.14.0`: the FTP directory python.org keeps a release's files in. */
function ftpDirectory(releaseName: string): string | null {
  try {
    const { major, minor, micro } = parseReleaseName(releaseName)
    return `${major}.${minor}.${micro ?? 0}`
  } catch {
    return null
  }
}

/**
 * A file with an uploaded artifact takes its checksums and size from the artifact (computed by
 * the server from the bytes, never from the client), and, when no URL is given, the URL it
 * will have on python.org: `<RELEASE_FILE_URL_PREFIX><X.Y.Z>/<filename>`.
 */
export const fillFromArtifact: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const artifactId = relationId(data.artifact ?? originalDoc?.artifact)
  if (artifactId == null) return data
  const artifact = await req.payload.findByID({
    collection: 'release-artifacts',
    id: artifactId,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!artifact) return data
  data.sha256Sum = artifact.sha256Sum ?? data.sha256Sum
  data.md5Sum = artifact.md5Sum ?? data.md5Sum
  data.fileSize = artifact.filesize ?? data.fileSize
  const url = data.url ?? originalDoc?.url
  const releaseId = relationId(data.release ?? originalDoc?.release)
  if ((url == null || url === '') && artifact.filename && releaseId != null) {
    const release = await req.payload.findByID({ collection: 'releases', id: releaseId, depth: 0, req, overrideAccess: true, disableErrors: true })
    const directory = release ? ftpDirectory(release.name) : null
    if (directory) data.url = `${schemaSettingsOf(req).releaseFileUrlPrefix}${directory}/${artifact.filename}`
  }
  return data
}
