import { downloadButtonFile } from './downloadButtonFile'
import { escapeHtml } from './escapeHtml'
import { operatingSystemName } from './operatingSystemName'
import type { DownloadBoxFile, DownloadBoxInput, ReleaseWithFiles } from './types'

/** What one OS's panel of the downloads menu shows. */
interface OperatingSystemDownloads {
  slug: string
  name: string
  python3: DownloadBoxFile | null
  pymanager: DownloadBoxFile | null
}

const OTHER_OS_PARAGRAPH =
  '        <p>Not the OS you are looking for? Python can be used on many operating systems and environments. <a href="/downloads/">View the full list of downloads</a>.</p>'

/**
 * The OSes that get a panel: those with a download-button file in the latest Python 3 or the
 * install manager (python.org's `update_supernav` skips the others), ordered by OS name the way
 * python.org's `OS.objects.all()` orders them: plain code-unit order, which is why the live
 * menu lists "Source release", "Windows", then "macOS".
 */
function operatingSystemsWithDownloads(
  latestPython3: ReleaseWithFiles | null,
  latestPymanager: ReleaseWithFiles | null,
): OperatingSystemDownloads[] {
  const namesBySlug = new Map<string, string>()
  for (const release of [latestPython3, latestPymanager]) {
    for (const file of release?.files ?? []) {
      if (file.downloadButton && !namesBySlug.has(file.osSlug)) namesBySlug.set(file.osSlug, operatingSystemName(file))
    }
  }
  return [...namesBySlug]
    .map(([slug, name]) => ({
      slug,
      name,
      python3: downloadButtonFile(latestPython3, slug),
      pymanager: downloadButtonFile(latestPymanager, slug),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

function renderButtons(downloads: OperatingSystemDownloads, python3Name: string): string[] {
  const { python3, pymanager } = downloads
  if (pymanager) {
    const lines = [`        <p><a class="button" href="${escapeHtml(pymanager.url)}">Python install manager</a></p>`]
    // python.org renders this line even without a Python 3 file, as a button with an empty
    // link; we leave it out instead.
    if (python3) {
      lines.push(
        `        <p>Or get the standalone installer for <a class="button" href="${escapeHtml(python3.url)}">${escapeHtml(python3Name)}</a></p>`,
      )
    }
    return lines
  }
  if (!python3) return []
  return [
    '        <p>',
    `            <a class="button" href="${escapeHtml(python3.url)}">${escapeHtml(python3Name)}</a>`,
    '        </p>',
  ]
}

function renderOperatingSystemPanel(downloads: OperatingSystemDownloads, python3Name: string): string[] {
  // The panels start hidden; python.org's script.js shows the one matching the visitor's OS.
  const heading =
    downloads.slug === 'source'
      ? '        <h3>Python Source</h3>'
      : `        <h4>Download for ${escapeHtml(downloads.name)}</h4>`
  return [
    `    <div class="download-os-${escapeHtml(downloads.slug)}" style="display: none;">`,
    heading,
    ...renderButtons(downloads, python3Name),
    OTHER_OS_PARAGRAPH,
    '    </div>',
  ]
}

/**
 * The downloads menu panel (`supernav-python-downloads`), as python.org's
 * `templates/downloads/supernav.html` renders it: one hidden panel per OS with a download
 * button, then the "any OS" fallback that stays visible when the OS is unknown.
 */
export function renderSupernavDownloadsBox(input: DownloadBoxInput): string {
  const latestPython3 = input.latestPython3
  const latestPymanager = input.latestPymanager ?? null
  const python3Name = latestPython3?.name ?? ''
  const lastUpdated = input.generatedAt ? ` - Last updated at ${input.generatedAt.toISOString()}` : ''
  return [
    `<!-- Download supernav, generated from the latest releases${lastUpdated} -->`,
    '<li class="tier-2 super-navigation">',
    ...operatingSystemsWithDownloads(latestPython3, latestPymanager).flatMap((downloads) =>
      renderOperatingSystemPanel(downloads, python3Name),
    ),
    '    <div class="download-unknown">',
    '        <h4>Download Python for Any OS</h4>',
    '        <p>Python can be used on many operating systems and environments.</p>',
    '        <p>',
    '            <a class="button" href="/downloads/operating-systems/">View the full list of downloads</a>',
    '        </p>',
    '    </div>',
    '</li>',
    '',
  ].join('\n')
}
