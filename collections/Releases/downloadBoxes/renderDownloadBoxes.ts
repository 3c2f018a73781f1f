import { renderDownloadSourcesBox } from './renderDownloadSourcesBox'
import { renderHomepageDownloadsBox } from './renderHomepageDownloadsBox'
import { renderSupernavDownloadsBox } from './renderSupernavDownloadsBox'
import { DOWNLOAD_BOX_LABELS, type DownloadBoxInput, type RenderedDownloadBox } from './types'

/**
 * The three boxes python.org regenerates whenever a published release or one of its files
 * changes. Always all three, whatever data exists (see each renderer for the fallbacks), so
 * the caller can upsert them by label without special cases.
 */
export function renderDownloadBoxes(input: DownloadBoxInput): RenderedDownloadBox[] {
  return [
    { label: DOWNLOAD_BOX_LABELS.supernav, content: renderSupernavDownloadsBox(input) },
    { label: DOWNLOAD_BOX_LABELS.homepage, content: renderHomepageDownloadsBox(input) },
    { label: DOWNLOAD_BOX_LABELS.sources, content: renderDownloadSourcesBox(input) },
  ]
}
