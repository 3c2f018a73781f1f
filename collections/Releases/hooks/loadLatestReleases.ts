import type { PayloadRequest } from 'payload'

import type { Release } from '../../generated/payload-types'
import type { DownloadBoxFile, DownloadBoxInput, ReleaseWithFiles } from '../downloadBoxes/types'
import { relationNumberId } from '../../fields/relationNumberId'

/** The version lines the boxes show: Python 3, Python 2 and the install manager. */
const LINES = { latestPython3: 3, latestPython2: 2, latestPymanager: 100 } as const

/**
 * What the download boxes are generated from: the published release flagged latest of each
 * version line, with its files. Two reads for all three lines (the releases, then their files),
 * not two per line: they run in the save's transaction, whose queries wait for one another on
 * one connection, so each round trip lengthens the save the editor waits on.
 */
export async function loadLatestReleases(req: PayloadRequest): Promise<DownloadBoxInput> {
  const releases = await req.payload.find({
    collection: 'releases',
    where: { and: [{ version: { in: Object.values(LINES) } }, { isLatest: { equals: true } }, { isPublished: { equals: true } }] },
    sort: '-releaseDate',
    pagination: false,
    depth: 0,
    joins: false,
    select: { name: true, slug: true, version: true, releaseDate: true },
    req,
    overrideAccess: true,
  })
  // Per line the first in the order above, as one `limit: 1` read per line chose. (The partial
  // unique index on (version) WHERE is_latest allows one latest release per line anyway.)
  const latestOf = (version: number): Pick<Release, 'id' | 'name' | 'slug' | 'releaseDate'> | undefined =>
    releases.docs.find((release) => release.version === version)
  const chosen = Object.values(LINES).flatMap((version) => latestOf(version) ?? [])
  const filesByRelease = await filesOf(req, chosen.map((release) => release.id))
  const withFiles = (version: number): ReleaseWithFiles | null => {
    const release = latestOf(version)
    if (!release) return null
    return { name: release.name, slug: release.slug ?? '', releaseDate: release.releaseDate ?? null, files: filesByRelease.get(release.id) ?? [] }
  }
  return {
    latestPython3: withFiles(LINES.latestPython3),
    latestPython2: withFiles(LINES.latestPython2),
    latestPymanager: withFiles(LINES.latestPymanager),
  }
}

/**
 * The files of these releases, by release, each release's in the collection's order (by name):
 * one read of the files and one of their operating systems (slug and name are all the boxes
 * use), not a read per release plus Payload's population of each file's release and OS.
 */
async function filesOf(req: PayloadRequest, releaseIds: number[]): Promise<Map<number, DownloadBoxFile[]>> {
  const byRelease = new Map<number, DownloadBoxFile[]>()
  if (releaseIds.length === 0) return byRelease
  const files = await req.payload.find({
    collection: 'release-files',
    where: { release: { in: releaseIds } },
    limit: 0,
    pagination: false,
    depth: 0,
    select: { release: true, os: true, name: true, url: true, description: true, downloadButton: true },
    req,
    overrideAccess: true,
  })
  const osIds = [...new Set(files.docs.flatMap((file) => relationNumberId(file.os) ?? []))]
  const systems =
    osIds.length === 0
      ? []
      : (
          await req.payload.find({
            collection: 'operating-systems',
            where: { id: { in: osIds } },
            pagination: false,
            depth: 0,
            select: { name: true, slug: true },
            req,
            overrideAccess: true,
          })
        ).docs
  const osById = new Map(systems.map((os) => [os.id, os]))
  for (const file of files.docs) {
    const osId = relationNumberId(file.os)
    const os = osId === null ? undefined : osById.get(osId)
    const shaped: DownloadBoxFile = {
      name: file.name,
      url: file.url,
      description: file.description ?? '',
      downloadButton: Boolean(file.downloadButton),
      osSlug: os ? (os.slug ?? '') : '',
      osName: os ? os.name : null,
    }
    // Release and OS are required relations: an id is always there.
    const releaseId = relationNumberId(file.release)
    if (releaseId === null) continue
    const list = byRelease.get(releaseId)
    if (list === undefined) byRelease.set(releaseId, [shaped])
    else list.push(shaped)
  }
  return byRelease
}

