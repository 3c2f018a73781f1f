import { escapeHtml } from './escapeHtml'
import { releasePagePath } from './releasePagePath'
import type { DownloadBoxInput } from './types'

/**
 * The home page's download widget (`homepage-downloads`), as python.org's current
 * `downloads/homepage-downloads-box.html` renders it: a link to the latest Python 3 release.
 *
 * python.org only rebuilds this box when both a latest Python 2 and a latest Python 3 exist,
 * and otherwise leaves a stale box in place. We render from whatever exists instead: the box
 * never names a release that is no longer the latest. Without a Python 3 release it links the
 * latest Python 2 one, and without either it drops the "Latest" line.
 */
export function renderHomepageDownloadsBox(input: DownloadBoxInput): string {
  const latest = input.latestPython3 ?? input.latestPython2
  const lines = [
    '<h2 class="widget-title"><span aria-hidden="true" class="icon-download"></span>Download</h2>',
    '<p>Python source code and installers are available for download for all versions!</p>',
  ]
  if (latest) {
    lines.push(`<p>Latest: <a href="${escapeHtml(releasePagePath(latest.slug))}">${escapeHtml(latest.name)}</a></p>`)
  }
  return lines.join('\n')
}
