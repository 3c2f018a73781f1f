import type { DownloadBoxFile, ReleaseWithFiles } from './types'

/**
 * python.org's `Release.download_file_for_os(slug)`: the release's file marked
 * `download_button` for that OS, or null.
 */
export function downloadButtonFile(release: ReleaseWithFiles | null | undefined, osSlug: string): DownloadBoxFile | null {
  if (!release) return null
  const candidates = release.files.filter((file) => file.downloadButton && file.osSlug === osSlug)
  if (candidates.length > 1) {
    // python.org forbids this with a unique constraint; picking one silently would hide the
    // broken data behind a box that links to an arbitrary file.
    throw new Error(
      `${release.name} has ${candidates.length} download-button files for OS "${osSlug}"; at most one is allowed.`,
    )
  }
  return candidates[0] ?? null
}
