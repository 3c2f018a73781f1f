import { describe, expect, it } from 'vitest'

import { listMeta, parseListWindow } from '../../../../cms/endpoints/legacyDownloads/legacyPagination'
import { idFromResourceUri, v1Uri, v2UriBuilder } from '../../../../cms/endpoints/legacyDownloads/legacyUris'
import { legacyWhere } from '../../../../cms/endpoints/legacyDownloads/legacyFilters'
import { LEGACY_RESOURCES } from '../../../../cms/endpoints/legacyDownloads/legacyResources'

describe('legacy resource URIs', () => {
  it('builds v1 (relative) and v2 (absolute) URIs', () => {
    expect(v1Uri('downloads/os', 3)).toBe('/api/v1/downloads/os/3/')
    expect(v2UriBuilder('https://www.python.org/')('downloads/release', 42)).toBe('https://www.python.org/api/v2/downloads/release/42/')
  })

  it('reads the id from a relative or absolute URI of the right resource only', () => {
    expect(idFromResourceUri('/api/v1/downloads/os/3/', 'os')).toBe(3)
    expect(idFromResourceUri('https://www.python.org/api/v1/downloads/os/3/', 'os')).toBe(3)
    expect(idFromResourceUri('/api/v1/downloads/os/3', 'os')).toBe(3)
    expect(idFromResourceUri('/api/v1/downloads/release/3/', 'os')).toBeNull()
    expect(idFromResourceUri('/api/v1/downloads/os/0/', 'os')).toBeNull()
    expect(idFromResourceUri('3', 'os')).toBeNull()
    expect(idFromResourceUri(3, 'os')).toBeNull()
  })
})

describe('legacy pagination', () => {
  it('defaults to 20 and caps at 1000 (0 means the maximum)', () => {
    expect(parseListWindow(new URLSearchParams())).toEqual({ limit: 20, offset: 0 })
    expect(parseListWindow(new URLSearchParams('limit=0&offset=5'))).toEqual({ limit: 1000, offset: 5 })
    expect(() => parseListWindow(new URLSearchParams('offset=-2'))).toThrow("Invalid offset '-2'")
  })

  it('links the next and previous pages, keeping the filters', () => {
    const url = new URL('http://x/api/v1/downloads/release/?name=Python+3.14.7&limit=1&offset=1')
    expect(listMeta(url, { limit: 1, offset: 1 }, 3)).toEqual({
      limit: 1,
      offset: 1,
      total_count: 3,
      next: '/api/v1/downloads/release/?name=Python+3.14.7&limit=1&offset=2',
      previous: '/api/v1/downloads/release/?name=Python+3.14.7&limit=1&offset=0',
    })
  })
})

describe('legacy filters', () => {
  it('maps python.org filters onto Payload conditions and hides drafts from others', () => {
    const where = legacyWhere(LEGACY_RESOURCES.release_file, new URLSearchParams('release=42&os__slug=windows&limit=5&colour=red'), { drafts: false, strict: false })
    expect(where).toEqual({
      and: [{ release: { equals: 42 } }, { 'os.slug': { equals: 'windows' } }, { 'release.isPublished': { equals: true } }],
    })
    expect(legacyWhere(LEGACY_RESOURCES.release, new URLSearchParams('is_published=false'), { drafts: true, strict: true })).toEqual({
      and: [{ isPublished: { equals: false } }],
    })
    expect(() => legacyWhere(LEGACY_RESOURCES.os, new URLSearchParams('colour=red'), { drafts: false, strict: true })).toThrow("Unknown filter 'colour'.")
  })
})
