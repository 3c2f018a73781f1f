import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readReleasesSource, type ReleasesSource } from '../../../seed/sources/readReleasesSource'
import { realDataDir } from '../support/realDataDir'
import { temporaryDataDir } from '../support/temporaryDataDir'

describe('readReleasesSource on the real data', () => {
  let source: ReleasesSource
  beforeAll(async () => {
    source = await readReleasesSource(realDataDir)
  })

  it('reads every release, file, operating system and cycle', () => {
    expect(source.releases).toHaveLength(274)
    expect(source.releases.flatMap((release) => release.files)).toHaveLength(1085)
    expect(source.operatingSystems).toHaveLength(5)
    expect(source.cycles).toHaveLength(17)
  })

  it('keeps python.org ids for the operating systems, with source as 3', () => {
    expect(source.operatingSystems.find((os) => os.slug === 'source')).toEqual({ legacyId: 3, name: 'Source release', slug: 'source' })
    expect(source.operatingSystems.map((os) => os.slug).sort()).toEqual(['android', 'ios', 'macos', 'source', 'windows'])
  })

  it('marks exactly Python 3.14.7 and Python 2.7.18 as latest', () => {
    expect(source.releases.filter((release) => release.isLatest).map((release) => release.name).sort()).toEqual([
      'Python 2.7.18',
      'Python 3.14.7',
    ])
  })

  it('maps python.org fields to camelCase records', () => {
    const release = source.releases.find((candidate) => candidate.name === 'Python 3.11.16')
    expect(release).toMatchObject({
      slug: 'python-31116',
      version: 3,
      isLatest: false,
      isPublished: true,
      preRelease: false,
      showOnDownloadPage: true,
      releaseDate: '2026-08-13T00:00:00.000Z',
      releaseNotesUrl: 'https://docs.python.org/release/3.11.16/whatsnew/changelog.html',
    })
    expect(release?.files[0]).toEqual({
      name: 'Windows installer (64-bit)',
      osSlug: 'windows',
      url: 'https://www.python.org/ftp/python/3.11.16/python-3.11.16-amd64.exe',
      description: 'Recommended',
      isSource: false,
      downloadButton: true,
      sha256Sum: null,
      fileSize: null,
    })
  })

  it('turns blank release notes URLs into null and keeps known checksums', () => {
    expect(source.releases.find((release) => release.name === 'Python 1.0.1')?.releaseNotesUrl).toBeNull()
    const files = source.releases.flatMap((release) => release.files)
    expect(files.filter((file) => file.sha256Sum !== null)).toHaveLength(433)
    expect(files.every((file) => file.sha256Sum === null || /^[0-9a-f]{64}$/i.test(file.sha256Sum))).toBe(true)
  })

  it('reads cycles with their dates and newest release', () => {
    expect(source.cycles[0]).toEqual({
      cycle: '3.14',
      firstRelease: '2025-10-07',
      endOfLife: '2030-10-31',
      latestReleaseName: 'Python 3.14.7',
    })
  })
})

describe('readReleasesSource on malformed input', () => {
  let scratch: Awaited<ReturnType<typeof temporaryDataDir>>
  beforeAll(async () => {
    scratch = await temporaryDataDir()
  })
  afterAll(async () => {
    await scratch.cleanUp()
  })

  function validSource() {
    return {
      operating_systems: [
        { id: 1, name: 'Windows', slug: 'windows' },
        { id: 3, name: 'Source release', slug: 'source' },
      ],
      cycles: [{ cycle: '3.14', first_release: '2025-10-07', end_of_life: '2030-10-31', latest: 'Python 3.14.7' }],
      releases: [
        {
          name: 'Python 3.14.7',
          slug: 'python-3147',
          version: 3,
          release_date: '2026-08-13',
          pre_release: false,
          is_published: true,
          show_on_download_page: true,
          release_notes_url: '',
          is_latest: true,
          files: [
            {
              name: 'XZ compressed source tarball',
              os: 'source',
              url: 'https://www.python.org/ftp/python/3.14.7/Python-3.14.7.tar.xz',
              description: '',
              is_source: true,
              download_button: true,
              sha256_sum: null,
              filesize: null,
            },
          ],
        },
      ],
    }
  }

  async function readWith(mutate: (source: ReturnType<typeof validSource>) => void) {
    const source = validSource()
    mutate(source)
    await scratch.write('releases.json', source)
    return readReleasesSource(scratch.dir)
  }

  const releasesFile = () => path.join(scratch.dir, 'releases.json')

  it('accepts the minimal valid source', async () => {
    await expect(readWith(() => {})).resolves.toMatchObject({ releases: [{ name: 'Python 3.14.7' }] })
  })

  it('names a missing file', async () => {
    await expect(readReleasesSource(path.join(scratch.dir, 'nowhere'))).rejects.toThrow(/nowhere\/releases\.json: cannot be read/)
  })

  it('names a file that is not JSON', async () => {
    await scratch.write('releases.json', '{ not json')
    await expect(readReleasesSource(scratch.dir)).rejects.toThrow(/releases\.json: is not valid JSON/)
  })

  it('names the release and field of a wrong value', async () => {
    const error = await readWith((source) => {
      ;(source.releases[0] as Record<string, unknown>).is_published = 'yes'
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe(
      `${releasesFile()}: release "Python 3.14.7": field "is_published" must be true or false, got "yes" (string)`,
    )
  })

  it('rejects a file of an unknown operating system', async () => {
    await expect(
      readWith((source) => {
        source.releases[0].files[0].os = 'beos'
      }),
    ).rejects.toThrow(/release "Python 3.14.7" files\[0\]: OS "beos" is not in operating_systems/)
  })

  it('rejects two download buttons for one OS', async () => {
    await expect(
      readWith((source) => {
        source.releases[0].files.push({ ...source.releases[0].files[0], url: 'https://www.python.org/ftp/python/3.14.7/Python-3.14.7.tgz' })
      }),
    ).rejects.toThrow(/two download-button files for OS "source"/)
  })

  it('rejects two latest releases of one version', async () => {
    await expect(
      readWith((source) => {
        source.releases.push({ ...source.releases[0], name: 'Python 3.14.6', slug: 'python-3146', files: [] })
      }),
    ).rejects.toThrow(/release "Python 3.14.6": is marked latest, but so is "Python 3.14.7"/)
  })

  it('rejects a source OS whose id is not 3', async () => {
    await expect(
      readWith((source) => {
        source.operating_systems[1].id = 7
      }),
    ).rejects.toThrow(/operating_systems\[1\]: the source OS must keep id 3/)
  })

  it('rejects a release name the release tooling cannot parse', async () => {
    await expect(
      readWith((source) => {
        source.releases[0].name = 'Python three'
      }),
    ).rejects.toThrow(/release "Python three": Release name "Python three" does not look like/)
  })

  it('rejects a malformed checksum and an impossible date', async () => {
    await expect(
      readWith((source) => {
        ;(source.releases[0].files[0] as Record<string, unknown>).sha256_sum = 'abc'
      }),
    ).rejects.toThrow(/files\[0\]: field "sha256_sum" must be 64 hexadecimal characters/)
    await expect(
      readWith((source) => {
        source.releases[0].release_date = '2026-02-30'
      }),
    ).rejects.toThrow(/field "release_date" must be an ISO date-time/)
  })

  it('rejects a cycle whose latest release does not exist', async () => {
    await expect(
      readWith((source) => {
        source.cycles[0].latest = 'Python 3.14.99'
      }),
    ).rejects.toThrow(/cycles\[0\]: latest release "Python 3.14.99" is not in releases/)
  })
})
