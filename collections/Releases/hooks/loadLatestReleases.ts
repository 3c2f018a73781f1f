import type { PayloadRequest } from 'payload'

import type { DownloadBoxInput, ReleaseWithFiles } from '../downloadBoxes/types'

/** The published release flagged latest for one version line, with its files, or null. */
async function latestOf(req: PayloadRequest, version: number): Promise<ReleaseWithFiles | null> {
  const releases = await req.payload.find({
    collection: 'releases',
    where: { and: [{ version: { equals: version } }, { isLatest: { equals: true } }, { isPublished: { equals: true } }] },
    sort: '-releaseDate',
    limit: 1,
    depth: 0,
    req,
    overrideAccess: true,
  })
  const release = releases.docs[0]
  if (!release) return null
  const files = await req.payload.find({
    collection: 'release-files',
    where: { release: { equals: release.id } },
    limit: 0,
    pagination: false,
    depth: 1,
    req,
    overrideAccess: true,
  })
  return {
    name: release.name,
    slug: release.slug ?? '',
    releaseDate: release.releaseDate ?? null,
    files: files.docs.map((file) => ({
      name: file.name,
      url: file.url,
      description: file.description ?? '',
      downloadButton: Boolean(file.downloadButton),
      osSlug: typeof file.os === 'object' && file.os ? (file.os.slug ?? '') : '',
      osName: typeof file.os === 'object' && file.os ? file.os.name : null,
    })),
  }
}

/** What the download boxes are generated from: the latest Python 3, Python 2 and install manager. */
export async function loadLatestReleases(req: PayloadRequest): Promise<DownloadBoxInput> {
  return {
    latestPython3: await latestOf(req, 3),
    latestPython2: await latestOf(req, 2),
    latestPymanager: await latestOf(req, 100),
  }
}
