import type { CollectionConfig, Field } from 'payload'

import { releaseDataAccess } from '../access/releaseDataAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import {
  regenerateDownloadBoxesAfterChange,
  regenerateDownloadBoxesAfterDelete,
} from '../Releases/hooks/regenerateDownloadBoxes'
import { schemaSettingsOf } from '../settings/schemaSettings'
import { deriveFileFields } from './hooks/deriveFileFields'
import { fillFromArtifact } from './hooks/fillFromArtifact'
import {
  SIDECAR_SUFFIXES,
  type SidecarField,
  validateFileUrl,
  validateMd5,
  validateSha256,
  validateSidecarUrl,
} from './releaseFileRules'
import { validateDownloadButton } from './validateDownloadButton'

function sidecarField(name: SidecarField, label: string): Field {
  return {
    name,
    label,
    type: 'text',
    validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
      validateSidecarUrl(value, siblingData.url, name),
    admin: { description: `The file URL plus "${SIDECAR_SUFFIXES[name]}".` },
  }
}

/** One downloadable artifact of a release (installer, tarball, ...). */
export const ReleaseFiles: CollectionConfig = {
  slug: 'release-files',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'release', 'os', 'downloadButton'],
    listSearchableFields: ['name', 'slug', 'url'],
    group: 'Downloads',
  },
  access: releaseDataAccess('release.isPublished'),
  defaultSort: 'name',
  hooks: {
    beforeValidate: [deriveFileFields, fillFromArtifact],
    beforeChange: [recordAuthors],
    afterChange: [regenerateDownloadBoxesAfterChange],
    afterDelete: [regenerateDownloadBoxesAfterDelete],
  },
  fields: [
    { name: 'release', type: 'relationship', relationTo: 'releases', required: true, index: true },
    { name: 'os', type: 'relationship', relationTo: 'operating-systems', required: true, index: true },
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    {
      name: 'slug',
      type: 'text',
      unique: true,
      maxLength: 200,
      admin: { description: 'Left blank, it is derived as the release tooling does: 3147-Windows-installer-64-bit.' },
      // Blank is fine here: the admin form validates before the server derives the slug.
      validate: (value: string | null | undefined) =>
        value == null || value === '' || /^[A-Za-z0-9_-]+$/.test(value) ? true : 'A slug holds only letters, digits, dashes and underscores.',
    },
    { name: 'description', type: 'text' },
    {
      name: 'isSource',
      type: 'checkbox',
      defaultValue: false,
      admin: { readOnly: true, description: 'Set from the OS.' },
    },
    {
      name: 'url',
      type: 'text',
      required: true,
      unique: true,
      admin: { description: 'Left blank with an uploaded artifact, it is derived: <prefix><X.Y.Z>/<filename>.' },
      validate: (value: unknown, { req, siblingData }: { req: Parameters<typeof schemaSettingsOf>[0]; siblingData: Record<string, unknown> }) =>
        // In the admin form the server has not derived it yet from the artifact.
        (value == null || value === '') && siblingData.artifact != null ? true : validateFileUrl(value, schemaSettingsOf(req).releaseFileUrlPrefix),
    },
    {
      name: 'artifact',
      type: 'upload',
      relationTo: 'release-artifacts',
      admin: { description: 'Upload the file here: its SHA-256, MD5 and size are then computed by the server.' },
    },
    sidecarField('gpgSignatureFile', 'GPG signature file'),
    sidecarField('sigstoreSignatureFile', 'Sigstore signature file'),
    sidecarField('sigstoreCertFile', 'Sigstore certificate file'),
    sidecarField('sigstoreBundleFile', 'Sigstore bundle file'),
    sidecarField('sbomSpdx2File', 'SBOM (SPDX 2) file'),
    { name: 'md5Sum', type: 'text', validate: validateMd5 },
    { name: 'sha256Sum', type: 'text', validate: validateSha256 },
    { name: 'fileSize', type: 'number', min: 0 },
    {
      name: 'downloadButton',
      type: 'checkbox',
      defaultValue: false,
      validate: validateDownloadButton as unknown as NonNullable<Extract<Field, { type: 'checkbox' }>['validate']>,
      admin: { description: "The file this OS's download button points to (one per release and OS)." },
    },
    ...auditFields(),
  ],
}
