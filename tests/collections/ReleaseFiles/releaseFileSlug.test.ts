import { describe, expect, it } from 'vitest'

import { parseReleaseName, releaseFileSlug } from '../../../collections/ReleaseFiles/releaseFileSlug'

describe('releaseFileSlug', () => {
  it('derives slugs as the release tooling does', () => {
    expect(releaseFileSlug('Python 3.14.7', 'XZ compressed source tarball')).toBe('3147-XZ-compressed-source-tarball')
    expect(releaseFileSlug('Python 3.14.0rc2', 'Windows installer (64-bit)')).toBe('3140-rc2-Windows-installer-64-bit')
    expect(releaseFileSlug('Python 3.12.15', 'macOS installer')).toBe('31215-macOS-installer')
    expect(releaseFileSlug('Python 3.15.0a1', 'Android embeddable package (x86_64)')).toBe('3150-a1-Android-embeddable-package-x86_64')
    expect(releaseFileSlug('Python 3.0', 'Windows installer')).toBe('30-Windows-installer')
  })

  it('drops characters outside [A-Za-z0-9_-] after turning spaces into dashes', () => {
    expect(releaseFileSlug('Python 3.13.1b3', "Install with 'py install 3.13'")).toBe('3131-b3-Install-with-py-install-313')
    expect(releaseFileSlug('Python 3.13.1', 'Ünïcode & spaces')).toBe('3131-ncode--spaces')
  })

  it('cuts the file-name part to 40 characters, after filtering', () => {
    const name = 'Windows embeddable package (64-bit) with a very long suffix'
    const slug = releaseFileSlug('Python 3.14.7', name)
    expect(slug).toBe('3147-Windows-embeddable-package-64-bit-with-a')
    expect(slug.length - '3147-'.length).toBe(40)
  })

  it('rejects names that are not "Python X.Y[.Z][suffix]"', () => {
    for (const name of ['3.14.7', 'Python 3', 'Python 3.14.7.1', 'Python 3.14.0c1', 'python 3.14.7', 'Python install manager 25.0']) {
      expect(() => releaseFileSlug(name, 'macOS installer'), name).toThrow(/does not look like "Python X\.Y\[\.Z\]\[suffix\]"/)
    }
  })
})

describe('parseReleaseName', () => {
  it('splits a release name into its parts', () => {
    expect(parseReleaseName('Python 3.14.0rc2')).toEqual({ major: 3, minor: 14, micro: 0, preRelease: 'rc2' })
    expect(parseReleaseName('Python 2.7.18')).toEqual({ major: 2, minor: 7, micro: 18, preRelease: null })
    expect(parseReleaseName('Python 1.1')).toEqual({ major: 1, minor: 1, micro: null, preRelease: null })
  })

  it('throws a clear error on other names', () => {
    expect(() => parseReleaseName('Python three')).toThrow('Release name "Python three" does not look like')
  })
})
