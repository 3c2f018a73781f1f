import type { CollectionSlug } from 'payload'

/** How one python.org API field maps onto a Payload field. */
export type LegacyField = {
  /** python.org's snake_case name, e.g. `sha256_sum`. */
  api: string
  /** The Payload field, e.g. `sha256Sum`. */
  field: string
  kind: 'string' | 'boolean' | 'integer' | 'datetime' | 'relation'
  /** For relations: the legacy resource the URI names (`os`, `release`, `page`). */
  relation?: LegacyRelation
  /** Sent by clients but decided by the server (python.org's `is_source`). */
  serverSet?: boolean
  /** Accepted by the legacy filters as an exact match. */
  filter?: boolean
}

export type LegacyRelation = 'os' | 'release' | 'page'

export type LegacyResourceName = 'os' | 'release' | 'release_file'

export type LegacyResource = {
  name: LegacyResourceName
  /** tastypie's `resource_name`, which also keys validation errors: `downloads/release_file`. */
  resourceName: string
  collection: CollectionSlug
  fields: LegacyField[]
  /** The Payload path of the publication flag, when the resource has drafts. */
  publishedPath: string | null
  /** Changing one needs an admin rather than a release manager (python.org's `POST os/`). */
  writeNeedsAdmin: boolean
  /** The label used in messages: "release file". */
  label: string
}

/** Where each legacy relation lives, and the URI segment that names it. */
export const RELATION_TARGETS: Record<LegacyRelation, { collection: CollectionSlug; path: string }> = {
  os: { collection: 'operating-systems', path: 'downloads/os' },
  release: { collection: 'releases', path: 'downloads/release' },
  page: { collection: 'pages', path: 'pages/page' },
}

const OS: LegacyResource = {
  name: 'os',
  resourceName: 'downloads/os',
  collection: 'operating-systems',
  publishedPath: null,
  writeNeedsAdmin: true,
  label: 'operating system',
  fields: [
    { api: 'name', field: 'name', kind: 'string', filter: true },
    { api: 'slug', field: 'slug', kind: 'string', filter: true },
  ],
}

const RELEASE: LegacyResource = {
  name: 'release',
  resourceName: 'downloads/release',
  collection: 'releases',
  publishedPath: 'isPublished',
  writeNeedsAdmin: false,
  label: 'release',
  fields: [
    { api: 'name', field: 'name', kind: 'string', filter: true },
    { api: 'slug', field: 'slug', kind: 'string', filter: true },
    { api: 'version', field: 'version', kind: 'integer', filter: true },
    { api: 'is_published', field: 'isPublished', kind: 'boolean', filter: true },
    { api: 'is_latest', field: 'isLatest', kind: 'boolean' },
    { api: 'release_date', field: 'releaseDate', kind: 'datetime' },
    { api: 'pre_release', field: 'preRelease', kind: 'boolean', filter: true },
    { api: 'release_page', field: 'releasePage', kind: 'relation', relation: 'page' },
    { api: 'release_notes_url', field: 'releaseNotesUrl', kind: 'string' },
    { api: 'show_on_download_page', field: 'showOnDownloadPage', kind: 'boolean' },
  ],
}

const RELEASE_FILE: LegacyResource = {
  name: 'release_file',
  resourceName: 'downloads/release_file',
  collection: 'release-files',
  publishedPath: 'release.isPublished',
  writeNeedsAdmin: false,
  label: 'release file',
  fields: [
    { api: 'name', field: 'name', kind: 'string', filter: true },
    { api: 'slug', field: 'slug', kind: 'string', filter: true },
    { api: 'os', field: 'os', kind: 'relation', relation: 'os', filter: true },
    { api: 'release', field: 'release', kind: 'relation', relation: 'release', filter: true },
    { api: 'description', field: 'description', kind: 'string' },
    { api: 'is_source', field: 'isSource', kind: 'boolean', serverSet: true },
    { api: 'url', field: 'url', kind: 'string' },
    { api: 'gpg_signature_file', field: 'gpgSignatureFile', kind: 'string' },
    { api: 'sigstore_signature_file', field: 'sigstoreSignatureFile', kind: 'string' },
    { api: 'sigstore_cert_file', field: 'sigstoreCertFile', kind: 'string' },
    { api: 'sigstore_bundle_file', field: 'sigstoreBundleFile', kind: 'string' },
    { api: 'sbom_spdx2_file', field: 'sbomSpdx2File', kind: 'string' },
    { api: 'md5_sum', field: 'md5Sum', kind: 'string' },
    { api: 'sha256_sum', field: 'sha256Sum', kind: 'string' },
    { api: 'filesize', field: 'fileSize', kind: 'integer' },
    { api: 'download_button', field: 'downloadButton', kind: 'boolean' },
  ],
}

/** python.org's three downloads resources, by the name in their URL. */
export const LEGACY_RESOURCES: Record<LegacyResourceName, LegacyResource> = {
  os: OS,
  release: RELEASE,
  release_file: RELEASE_FILE,
}

export function findLegacyResource(name: string | undefined): LegacyResource | null {
  return name !== undefined && Object.hasOwn(LEGACY_RESOURCES, name) ? LEGACY_RESOURCES[name as LegacyResourceName] : null
}

/** The snake_case name of a Payload field path (`sha256Sum` -> `sha256_sum`), for error bodies. */
export function apiNameOf(resource: LegacyResource, fieldPath: string): string {
  const top = fieldPath.split('.')[0]
  return resource.fields.find((field) => field.field === top)?.api ?? top
}
