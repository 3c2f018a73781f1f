import { downloadButtonFile } from './downloadButtonFile'
import { escapeHtml } from './escapeHtml'
import type { DownloadBoxInput } from './types'

const SOURCE_OS_SLUG = 'source'

/**
 * The "Sources" widget of `/downloads/` (`download-sources`), as python.org's
 * `downloads/download-sources-box.html` renders it: links to the source tarball (the `source`
 * file with the download button) of the latest Python 3 and Python 2.
 *
 * python.org only rebuilds this box when both tarballs exist. We render with whichever exist
 * ("Download the latest Python 3 source."), so the box never links an outdated tarball, and
 * drop the sentence when neither does.
 */
export function renderDownloadSourcesBox(input: DownloadBoxInput): string {
  const sourceLinks = [
    { label: 'Python 3', file: downloadButtonFile(input.latestPython3, SOURCE_OS_SLUG) },
    { label: 'Python 2', file: downloadButtonFile(input.latestPython2, SOURCE_OS_SLUG) },
  ].flatMap(({ label, file }) => (file ? [`<a href="${escapeHtml(file.url)}">${label}</a>`] : []))

  const lines = [
    '<h2 class="widget-title">Sources</h2>',
    '<p>For most Unix systems, you must download and compile the source code. The same source code archive can also be used to build the Windows and Mac versions, and is the starting point for ports to all other platforms.</p>',
    '',
  ]
  if (sourceLinks.length > 0) {
    lines.push(`<p>Download the latest ${sourceLinks.join(' and ')} source.</p>`, '')
  }
  // python.org's markup: /download/source/ is its permanent redirect to /downloads/source/.
  lines.push('<p><a class="readmore" href="/download/source/">Read more</a></p>')
  return lines.join('\n')
}
