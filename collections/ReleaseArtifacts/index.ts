import type { CollectionConfig } from 'payload'

import { allowRoles } from '../access/allowRoles'
import { STAFF_ROLES } from '../access/staffRoles'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { normaliseArtifactFilename } from '../uploads/normaliseArtifactFilename'
import { uploadResponseHeaders } from '../uploads/uploadResponseHeaders'
import { computeArtifactDigests } from './hooks/computeArtifactDigests'

/** Where artifacts are stored on disk (unless S3 storage is configured) and how large one may be. */
export type ReleaseArtifactSettings = { staticDir: string; maxBytes: number }

/**
 * Uploaded release artifacts (installers, tarballs, signatures): a release file may point to
 * one instead of, or as well as, a URL. The server computes each artifact's SHA-256, MD5 and
 * size. Stored under the data directory, or in S3-compatible storage when configured.
 * Not public until published elsewhere: staff read them, release managers write them.
 */
export function createReleaseArtifacts(settings: ReleaseArtifactSettings): CollectionConfig {
  return {
    slug: 'release-artifacts',
    admin: {
      useAsTitle: 'filename',
      defaultColumns: ['filename', 'filesize', 'sha256Sum'],
      group: 'Downloads',
      description: 'Files uploaded for releases; checksums and size are computed by the server.',
    },
    access: {
      create: allowRoles('release-manager'),
      read: allowRoles(...STAFF_ROLES),
      update: allowRoles('release-manager'),
      delete: allowRoles('release-manager'),
    },
    // Installers (.exe, .pkg) are exactly what release managers upload; nobody else may.
    // Served as downloads, never rendered: an artifact may be anything, HTML included.
    upload: { staticDir: settings.staticDir, allowRestrictedFileTypes: true, modifyResponseHeaders: uploadResponseHeaders({ download: true }) },
    hooks: { beforeOperation: [normaliseArtifactFilename], beforeChange: [recordAuthors, computeArtifactDigests(settings.maxBytes)] },
    fields: [
      { name: 'note', type: 'text', admin: { description: 'Optional: what this file is, for other release managers.' } },
      { name: 'sha256Sum', label: 'SHA-256', type: 'text', admin: { readOnly: true, description: 'Computed from the uploaded bytes.' } },
      { name: 'md5Sum', label: 'MD5', type: 'text', admin: { readOnly: true, description: 'Computed from the uploaded bytes.' } },
      ...auditFields(),
    ],
  }
}
