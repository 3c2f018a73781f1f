import path from 'node:path'

import { parseReleaseName } from '../../collections/ReleaseFiles/releaseFileSlug'
import { readJsonFile } from './readJsonFile'
import { RecordReader } from './RecordReader'
import { SourceDataError } from './SourceDataError'

export const RELEASES_SOURCE_FILE = 'releases.json'

export interface OperatingSystemRecord {
  /** python.org's primary key; the release tooling assumes `source` is 3. */
  legacyId: number
  name: string
  slug: string
}

export interface ReleaseCycleRecord {
  /** `3.14` */
  cycle: string
  /** `YYYY-MM-DD` */
  firstRelease: string
  /** `YYYY-MM-DD` */
  endOfLife: string
  /** The newest release of the series, by name: `Python 3.14.7`. */
  latestReleaseName: string
}

export interface FileRecord {
  name: string
  osSlug: string
  url: string
  description: string
  isSource: boolean
  downloadButton: boolean
  sha256Sum: string | null
  fileSize: number | null
}

export interface ReleaseRecord {
  name: string
  slug: string
  /** 1, 2, 3, or 100 for the Python install manager (python.org's `Release.version`). */
  version: number
  isLatest: boolean
  isPublished: boolean
  preRelease: boolean
  showOnDownloadPage: boolean
  /** A UTC ISO date-time; the source's bare dates become midnight UTC. */
  releaseDate: string
  /** null where python.org has a blank URL. */
  releaseNotesUrl: string | null
  files: FileRecord[]
}

export interface ReleasesSource {
  operatingSystems: OperatingSystemRecord[]
  cycles: ReleaseCycleRecord[]
  releases: ReleaseRecord[]
}

const RELEASE_VERSIONS = new Set([1, 2, 3, 100])
const PYMANAGER_VERSION = 100
/** rt `add_to_pydotorg.py` hard-codes `is_source = (os_pk == 3)`. */
const SOURCE_OS_LEGACY_ID = 3
const SHA256 = /^[0-9a-fA-F]{64}$/

function readOperatingSystems(source: RecordReader, file: string): OperatingSystemRecord[] {
  const slugs = new Set<string>()
  const ids = new Set<number>()
  return source.array('operating_systems').map((value, index) => {
    const os = RecordReader.of(value, file, `operating_systems[${index}]`)
    const record = { legacyId: os.integer('id'), name: os.nonEmptyString('name'), slug: os.nonEmptyString('slug') }
    if (!/^[a-z0-9-]+$/.test(record.slug)) throw os.problem(`slug "${record.slug}" must be lower-case letters, digits and dashes`)
    if (slugs.has(record.slug)) throw os.problem(`slug "${record.slug}" appears twice`)
    if (ids.has(record.legacyId)) throw os.problem(`id ${record.legacyId} appears twice`)
    if (record.slug === 'source' && record.legacyId !== SOURCE_OS_LEGACY_ID) {
      throw os.problem(`the source OS must keep id ${SOURCE_OS_LEGACY_ID} (python.org's release tooling relies on it), got ${record.legacyId}`)
    }
    slugs.add(record.slug)
    ids.add(record.legacyId)
    return record
  })
}

function readReleaseFile(value: unknown, file: string, record: string, osSlugs: ReadonlySet<string>): FileRecord {
  const releaseFile = RecordReader.of(value, file, record)
  const osSlug = releaseFile.nonEmptyString('os')
  if (!osSlugs.has(osSlug)) throw releaseFile.problem(`OS "${osSlug}" is not in operating_systems`)
  // python.org stores a missing checksum as ""; null says "unknown" without a magic value.
  const sha256Sum = releaseFile.nullableString('sha256_sum') || null
  if (sha256Sum !== null && !SHA256.test(sha256Sum)) throw releaseFile.problem('field "sha256_sum" must be 64 hexadecimal characters')
  const fileSize = releaseFile.nullableInteger('filesize')
  if (fileSize !== null && fileSize < 0) throw releaseFile.problem('field "filesize" cannot be negative')
  return {
    name: releaseFile.nonEmptyString('name'),
    osSlug,
    url: releaseFile.httpUrl('url'),
    description: releaseFile.string('description'),
    isSource: releaseFile.boolean('is_source'),
    downloadButton: releaseFile.boolean('download_button'),
    sha256Sum,
    fileSize,
  }
}

function readRelease(value: unknown, file: string, index: number, osSlugs: ReadonlySet<string>): ReleaseRecord {
  const name = RecordReader.of(value, file, `releases[${index}]`).nonEmptyString('name')
  // From here on errors name the release, which is quicker to find in the file than an index.
  const label = `release "${name}"`
  const release = RecordReader.of(value, file, label)
  const version = release.integer('version')
  if (!RELEASE_VERSIONS.has(version)) throw release.problem(`version ${version} is not 1, 2, 3 or 100`)
  if (version !== PYMANAGER_VERSION) {
    const { major } = release.withRecordContext(() => parseReleaseName(name))
    if (major !== version) throw release.problem(`version ${version} does not match the name`)
  }

  const files = release.array('files').map((fileValue, fileIndex) =>
    readReleaseFile(fileValue, file, `${label} files[${fileIndex}]`, osSlugs),
  )
  const buttonOses = new Set<string>()
  for (const releaseFile of files.filter((candidate) => candidate.downloadButton)) {
    // python.org's constraint `only_one_download_per_os_per_release`.
    if (buttonOses.has(releaseFile.osSlug)) throw release.problem(`has two download-button files for OS "${releaseFile.osSlug}"`)
    buttonOses.add(releaseFile.osSlug)
  }

  return {
    name,
    slug: release.nonEmptyString('slug'),
    version,
    isLatest: release.boolean('is_latest'),
    isPublished: release.boolean('is_published'),
    preRelease: release.boolean('pre_release'),
    showOnDownloadPage: release.boolean('show_on_download_page'),
    releaseDate: release.isoDateTime('release_date'),
    releaseNotesUrl: release.optionalHttpUrl('release_notes_url'),
    files,
  }
}

/** Checks what python.org's database enforces across releases: unique names, slugs and file URLs, one latest per version. */
function checkReleasesTogether(releases: readonly ReleaseRecord[], file: string): void {
  const names = new Set<string>()
  const slugs = new Set<string>()
  const urls = new Set<string>()
  const latestByVersion = new Map<number, string>()
  for (const release of releases) {
    const record = `release "${release.name}"`
    if (names.has(release.name)) throw new SourceDataError(file, record, 'appears twice')
    if (slugs.has(release.slug)) throw new SourceDataError(file, record, `slug "${release.slug}" is used by another release`)
    names.add(release.name)
    slugs.add(release.slug)
    for (const releaseFile of release.files) {
      if (urls.has(releaseFile.url)) throw new SourceDataError(file, record, `file URL ${releaseFile.url} is used twice`)
      urls.add(releaseFile.url)
    }
    if (release.isLatest) {
      const other = latestByVersion.get(release.version)
      if (other !== undefined) throw new SourceDataError(file, record, `is marked latest, but so is "${other}" (same version ${release.version})`)
      latestByVersion.set(release.version, release.name)
    }
  }
}

function readCycles(source: RecordReader, file: string, releaseNames: ReadonlySet<string>): ReleaseCycleRecord[] {
  const seen = new Set<string>()
  return source.array('cycles').map((value, index) => {
    const cycle = RecordReader.of(value, file, `cycles[${index}]`)
    const name = cycle.nonEmptyString('cycle')
    if (!/^\d+\.\d+$/.test(name)) throw cycle.problem(`cycle "${name}" must look like 3.14`)
    if (seen.has(name)) throw cycle.problem(`cycle "${name}" appears twice`)
    seen.add(name)
    const latestReleaseName = cycle.nonEmptyString('latest')
    if (!releaseNames.has(latestReleaseName)) throw cycle.problem(`latest release "${latestReleaseName}" is not in releases`)
    return {
      cycle: name,
      firstRelease: cycle.isoDate('first_release'),
      endOfLife: cycle.isoDate('end_of_life'),
      latestReleaseName,
    }
  })
}

/** Reads `releases.json`: operating systems, release cycles, and releases with their files. */
export async function readReleasesSource(dataDir: string): Promise<ReleasesSource> {
  const file = path.join(dataDir, RELEASES_SOURCE_FILE)
  const source = RecordReader.of(await readJsonFile(file), file, 'top level')
  const operatingSystems = readOperatingSystems(source, file)
  const osSlugs = new Set(operatingSystems.map((os) => os.slug))
  const releases = source.array('releases').map((value, index) => readRelease(value, file, index, osSlugs))
  checkReleasesTogether(releases, file)
  const cycles = readCycles(source, file, new Set(releases.map((release) => release.name)))
  return { operatingSystems, cycles, releases }
}
