import { beforeAll, describe, expect, it } from 'vitest'

import { renderDownloadBoxes } from '../../../../collections/Releases/downloadBoxes/renderDownloadBoxes'
import type { DownloadBoxFile, DownloadBoxInput, ReleaseWithFiles } from '../../../../collections/Releases/downloadBoxes/types'
import { readBoxesSource } from '../../../../seed/sources/readBoxesSource'
import { readReleasesSource, type ReleasesSource } from '../../../../seed/sources/readReleasesSource'
import { realDataDir } from '../../../seed/support/realDataDir'

function release(name: string, slug: string, files: DownloadBoxFile[]): ReleaseWithFiles {
  return { name, slug, files }
}

function file(osSlug: string, url: string, downloadButton = true): DownloadBoxFile {
  return { osSlug, name: `${osSlug} file`, url, downloadButton }
}

function boxesOf(input: DownloadBoxInput): Record<string, string> {
  return Object.fromEntries(renderDownloadBoxes(input).map((box) => [box.label, box.content]))
}

/** Markup line by line, ignoring indentation, blank lines (Django leaves many) and comments. */
function significantLines(html: string): string[] {
  return html
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('<!--'))
}

/**
 * The supernav's per-OS panels, sorted, and the markup around them. The panel order follows
 * python.org's database collation, which has changed over time (the 2022 fixture lists macOS
 * first; the live menu of 2025 lists it last), so the comparison leaves it out.
 */
function supernavStructure(html: string): { panels: string[]; frame: string[] } {
  const panels: string[] = []
  const frame: string[] = []
  let panel: string[] | null = null
  for (const line of significantLines(html)) {
    if (line.startsWith('<div class="download-os-')) panel = []
    if (panel) {
      panel.push(line)
      if (line === '</div>') {
        panels.push(panel.join('\n'))
        panel = null
      }
    } else {
      frame.push(line)
    }
  }
  return { panels: panels.sort(), frame }
}

const python3105 = release('Python 3.10.5', 'python-3105', [
  file('macos', 'https://www.python.org/ftp/python/3.10.5/python-3.10.5-macos11.pkg'),
  file('source', 'https://www.python.org/ftp/python/3.10.5/Python-3.10.5.tar.xz'),
  file('source', 'https://www.python.org/ftp/python/3.10.5/Python-3.10.5.tgz', false),
  file('windows', 'https://www.python.org/ftp/python/3.10.5/python-3.10.5-amd64.exe'),
  file('windows', 'https://www.python.org/ftp/python/3.10.5/python-3.10.5.exe', false),
])
const python2718 = release('Python 2.7.18', 'python-2718', [file('source', 'https://www.python.org/ftp/python/2.7.18/Python-2.7.18.tar.xz')])

describe('renderDownloadBoxes', () => {
  it('renders the three boxes python.org generates', () => {
    expect(renderDownloadBoxes({ latestPython3: null, latestPython2: null }).map((box) => box.label)).toEqual([
      'supernav-python-downloads',
      'homepage-downloads',
      'download-sources',
    ])
  })

  it("reproduces python.org's markup for the data of its stale fixture boxes", async () => {
    const stale = Object.fromEntries((await readBoxesSource(realDataDir)).map((box) => [box.label, box.content]))
    const boxes = boxesOf({ latestPython3: python3105, latestPython2: python2718 })

    expect(boxes['homepage-downloads']).toBe(stale['homepage-downloads'])
    expect(boxes['download-sources']).toBe(stale['download-sources'])
    // python.org's current supernav template no longer prints the Windows 7 note of 2022.
    const staleSupernav = stale['supernav-python-downloads']
      .split('\n')
      .filter((line) => !line.includes('Windows 7'))
      .join('\n')
    const rendered = supernavStructure(boxes['supernav-python-downloads'])
    expect(rendered.panels).toHaveLength(3)
    expect(rendered).toEqual(supernavStructure(staleSupernav))
  })

  it('lists only OSes with a download button, ordered by name as python.org does', () => {
    const supernav = boxesOf({
      latestPython3: release('Python 3.14.7', 'python-3147', [
        { ...file('macos', 'https://example.org/mac.pkg'), osName: 'macOS' },
        { ...file('windows', 'https://example.org/win.exe'), osName: 'Windows' },
        { ...file('source', 'https://example.org/src.tar.xz'), osName: 'Source release' },
        { ...file('android', 'https://example.org/android.tar.gz', false), osName: 'Android' },
      ]),
      latestPython2: null,
    })['supernav-python-downloads']
    const panels = [...supernav.matchAll(/class="download-os-([a-z]+)"/g)].map((match) => match[1])
    expect(panels).toEqual(['source', 'windows', 'macos'])
    expect(supernav).not.toContain('download-os-android')
    expect(supernav).toContain('<h4>Download for macOS</h4>')
    expect(supernav).toContain('<h3>Python Source</h3>')
    expect(supernav).toContain('<div class="download-unknown">')
  })

  it('offers the install manager first where it has a download', () => {
    const supernav = boxesOf({
      latestPython3: release('Python 3.14.7', 'python-3147', [file('windows', 'https://example.org/python-3.14.7-amd64.exe')]),
      latestPython2: null,
      latestPymanager: release('Python install manager 25.0', 'pymanager-250', [file('windows', 'https://example.org/python-manager-25.0.msix')]),
    })['supernav-python-downloads']
    expect(supernav).toContain('<p><a class="button" href="https://example.org/python-manager-25.0.msix">Python install manager</a></p>')
    expect(supernav).toContain(
      '<p>Or get the standalone installer for <a class="button" href="https://example.org/python-3.14.7-amd64.exe">Python 3.14.7</a></p>',
    )
  })

  it('renders with whatever latest releases exist (unlike python.org)', () => {
    const onlyPython3 = boxesOf({ latestPython3: python3105, latestPython2: null })
    expect(onlyPython3['homepage-downloads']).toContain('<p>Latest: <a href="/downloads/release/python-3105/">Python 3.10.5</a></p>')
    expect(onlyPython3['download-sources']).toContain(
      '<p>Download the latest <a href="https://www.python.org/ftp/python/3.10.5/Python-3.10.5.tar.xz">Python 3</a> source.</p>',
    )

    const onlyPython2 = boxesOf({ latestPython3: null, latestPython2: python2718 })
    expect(onlyPython2['download-sources']).toContain(
      '<p>Download the latest <a href="https://www.python.org/ftp/python/2.7.18/Python-2.7.18.tar.xz">Python 2</a> source.</p>',
    )
    expect(onlyPython2['supernav-python-downloads']).not.toContain('download-os-')

    const nothing = boxesOf({ latestPython3: null, latestPython2: null })
    expect(nothing['homepage-downloads']).not.toContain('Latest:')
    expect(nothing['download-sources']).not.toContain('Download the latest')
  })

  it('escapes every data value', () => {
    const hostile = release('<script>alert(1)</script>', 'x"><script>', [
      { osSlug: 'windows"><script>', osName: '<b>Win</b>', name: 'f', url: 'https://example.org/?a=1&b="2"', downloadButton: true },
      { osSlug: 'source', name: 's', url: "https://example.org/src'<x>", downloadButton: true },
    ])
    const html = renderDownloadBoxes({ latestPython3: hostile, latestPython2: null })
      .map((box) => box.content)
      .join('\n')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('href="https://example.org/?a=1&amp;b=&quot;2&quot;"')
    expect(html).toContain('class="download-os-windows&quot;&gt;&lt;script&gt;"')
    expect(html).toContain('href="https://example.org/src&#x27;&lt;x&gt;"')
    expect(html).toContain('href="/downloads/release/x%22%3E%3Cscript%3E/"')
  })

  it('refuses two download-button files for one OS', () => {
    const broken = release('Python 3.14.7', 'python-3147', [file('macos', 'https://example.org/a.pkg'), file('macos', 'https://example.org/b.pkg')])
    expect(() => renderDownloadBoxes({ latestPython3: broken, latestPython2: null })).toThrow(
      'Python 3.14.7 has 2 download-button files for OS "macos"',
    )
  })

  it('dates the supernav only when asked', () => {
    const dated = boxesOf({ latestPython3: python3105, latestPython2: null, generatedAt: new Date('2026-08-21T10:00:00Z') })
    expect(dated['supernav-python-downloads'].split('\n')[0]).toBe(
      '<!-- Download supernav, generated from the latest releases - Last updated at 2026-08-21T10:00:00.000Z -->',
    )
    expect(boxesOf({ latestPython3: python3105, latestPython2: null })['supernav-python-downloads']).not.toContain('Last updated')
  })
})

describe('renderDownloadBoxes on the real release data', () => {
  let source: ReleasesSource
  let boxes: Record<string, string>
  beforeAll(async () => {
    source = await readReleasesSource(realDataDir)
    const osNames = new Map(source.operatingSystems.map((os) => [os.slug, os.name]))
    const latest = (version: number): ReleaseWithFiles | null => {
      const found = source.releases.find((candidate) => candidate.version === version && candidate.isLatest)
      if (!found) return null
      return { ...found, files: found.files.map((releaseFile) => ({ ...releaseFile, osName: osNames.get(releaseFile.osSlug) })) }
    }
    boxes = boxesOf({ latestPython3: latest(3), latestPython2: latest(2) })
  })

  it('names the latest Python 3 release everywhere', () => {
    expect(boxes['homepage-downloads']).toContain('<a href="/downloads/release/python-3147/">Python 3.14.7</a>')
    expect(boxes['supernav-python-downloads']).toContain(
      '<a class="button" href="https://www.python.org/ftp/python/3.14.7/python-3.14.7-amd64.exe">Python 3.14.7</a>',
    )
    expect(boxes['supernav-python-downloads']).toContain('<h4>Download for macOS</h4>')
  })

  it('leaves out Android, whose files have no download button', () => {
    expect(boxes['supernav-python-downloads']).not.toContain('download-os-android')
  })

  it('links the source tarballs that exist', () => {
    // The data has no source files for 3.14.7, so only the Python 2 tarball is linked.
    expect(boxes['download-sources']).toContain(
      'Download the latest <a href="https://www.python.org/ftp/python/2.7.18/Python-2.7.18.tar.xz">Python 2</a> source.',
    )
  })
})
