import type { CollectionBeforeValidateHook } from 'payload'

import { releaseFileSlug } from '../releaseFileSlug'
import { relationId } from '../relationId'

/**
 * Fills what the server decides, before validation: `isSource` comes from the OS (never from
 * the client, as python.org's release tooling assumes), and a blank slug is derived as the
 * tooling derives it (`3147-XZ-compressed-source-tarball`).
 */
export const deriveFileFields: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const osId = relationId(data.os ?? originalDoc?.os)
  if (osId != null) {
    const os = await req.payload
      .findByID({ collection: 'operating-systems', id: osId, depth: 0, req, overrideAccess: true, disableErrors: true })
    if (os) data.isSource = os.slug === 'source'
  }
  const slug = data.slug ?? originalDoc?.slug
  const name = data.name ?? originalDoc?.name
  const releaseId = relationId(data.release ?? originalDoc?.release)
  if ((slug == null || slug === '') && typeof name === 'string' && releaseId != null) {
    const release = await req.payload
      .findByID({ collection: 'releases', id: releaseId, depth: 0, req, overrideAccess: true, disableErrors: true })
    if (release) {
      try {
        data.slug = releaseFileSlug(release.name, name)
      } catch {
        // An odd release name leaves the slug blank; the slug field's own validation then
        // tells the user to enter one, which is clearer than an exception here.
      }
    }
  }
  return data
}
