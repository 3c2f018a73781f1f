import type { Payload } from 'payload'

import type { ProgressFactory } from '../progress'
import type { ReleasesSource } from '../sources/readReleasesSource'
import { describeTally, emptyTally, type UpsertTally } from '../upsertTally'
import { cycleStatus } from './cycleStatus'
import { loadByKey, upsertByKey } from './upsertByKey'

/** Seeding writes thousands of rows: the download boxes are regenerated once, at the end. */
const QUIET = { skipDownloadBoxes: true }

/**
 * Operating systems (by slug, keeping python.org's ids: source is 3), releases (by slug),
 * their files (by URL) and the release cycles (by cycle), from releases.json.
 */
export async function importReleases(payload: Payload, source: ReleasesSource, progress: ProgressFactory): Promise<UpsertTally> {
  const tally = emptyTally()

  const systems = await loadByKey(payload, 'operating-systems', 'slug')
  const osProgress = progress('Operating systems', source.operatingSystems.length)
  for (const os of [...source.operatingSystems].sort((a, b) => a.legacyId - b.legacyId)) {
    const doc = await upsertByKey(payload, { collection: 'operating-systems', existing: systems, key: 'slug', data: { name: os.name, slug: os.slug }, tally })
    if (Number(doc.id) !== os.legacyId) {
      // The release tooling assumes python.org's ids (source = 3); say so loudly if they drifted.
      console.warn(`Operating system ${os.slug} has id ${doc.id}, python.org's is ${os.legacyId}.`)
    }
    osProgress.tick()
  }
  osProgress.done(`${source.operatingSystems.length} checked`)

  const releases = await loadByKey(payload, 'releases', 'slug')
  const releaseProgress = progress('Releases', source.releases.length)
  // Oldest first, so the release marked latest is written after the ones it supersedes.
  const ordered = [...source.releases].sort((a, b) => a.releaseDate.localeCompare(b.releaseDate))
  for (const release of ordered) {
    await upsertByKey(payload, {
      collection: 'releases',
      existing: releases,
      key: 'slug',
      tally,
      context: QUIET,
      data: {
        name: release.name,
        slug: release.slug,
        version: release.version,
        isLatest: release.isLatest,
        isPublished: release.isPublished,
        preRelease: release.preRelease,
        showOnDownloadPage: release.showOnDownloadPage,
        releaseDate: release.releaseDate,
        releaseNotesUrl: release.releaseNotesUrl,
      },
    })
    releaseProgress.tick()
  }
  releaseProgress.done(`${source.releases.length} checked`)

  const files = await loadByKey(payload, 'release-files', 'url')
  const fileCount = source.releases.reduce((sum, release) => sum + release.files.length, 0)
  const fileProgress = progress('Release files', fileCount)
  for (const release of ordered) {
    const releaseId = releases.get(release.slug)?.id
    for (const file of release.files) {
      const osId = systems.get(file.osSlug)?.id
      if (releaseId == null || osId == null) throw new Error(`Release file ${file.url}: unknown release or OS ${file.osSlug}.`)
      await upsertByKey(payload, {
        collection: 'release-files',
        existing: files,
        key: 'url',
        tally,
        context: QUIET,
        data: {
          release: releaseId,
          os: osId,
          name: file.name,
          description: file.description,
          url: file.url,
          downloadButton: file.downloadButton,
          sha256Sum: file.sha256Sum,
          fileSize: file.fileSize,
        },
      })
      fileProgress.tick()
    }
  }
  fileProgress.done(`${fileCount} checked`)

  const cycles = await loadByKey(payload, 'release-cycles', 'cycle')
  const cycleProgress = progress('Release cycles', source.cycles.length)
  const today = new Date()
  for (const cycle of source.cycles) {
    const latest = [...releases.values()].find((doc) => doc.name === cycle.latestReleaseName)
    await upsertByKey(payload, {
      collection: 'release-cycles',
      existing: cycles,
      key: 'cycle',
      tally,
      data: {
        cycle: cycle.cycle,
        firstRelease: cycle.firstRelease,
        endOfLife: cycle.endOfLife,
        status: cycleStatus(cycle, today),
        latestRelease: latest?.id ?? null,
      },
    })
    cycleProgress.tick()
  }
  cycleProgress.done(`${source.cycles.length} checked; release data: ${describeTally(tally)}`)
  return tally
}
