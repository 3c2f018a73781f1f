import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DJANGO_URL_NAME_PATHS } from '../../../seed/sources/djangoUrlNames'
import { type NavigationItemRecord, readNavigationSource } from '../../../seed/sources/readNavigationSource'
import { realDataDir } from '../support/realDataDir'
import { temporaryDataDir } from '../support/temporaryDataDir'

const SITE_PATH = /^\/\S*$/
const ABSOLUTE_HTTP_URL = /^https?:\/\/\S+$/

describe('readNavigationSource on the real data', () => {
  let items: NavigationItemRecord[]
  beforeAll(async () => {
    items = await readNavigationSource(realDataDir)
  })
  const item = (legacyId: number) => items.find((candidate) => candidate.legacyId === legacyId)

  it('reads the 115 items and skips the tree row', () => {
    expect(items).toHaveLength(115)
    expect(new Set(items.map((candidate) => candidate.legacyId)).size).toBe(115)
    expect(items.filter((candidate) => candidate.parentLegacyId === null)).toHaveLength(6)
  })

  it('gives every item a site path or an absolute URL, never a Django URL name', () => {
    const urlNames = new Set(Object.keys(DJANGO_URL_NAME_PATHS))
    for (const candidate of items) {
      expect(SITE_PATH.test(candidate.url) || ABSOLUTE_HTTP_URL.test(candidate.url), `${candidate.legacyId} ${candidate.url}`).toBe(true)
      expect(urlNames.has(candidate.url)).toBe(false)
    }
  })

  it('resolves Django URL names to python.org paths', () => {
    expect(item(1)).toMatchObject({ title: 'Python', url: '/', alias: 'python-meta', hint: 'The Python Programming Language' })
    expect(item(2)?.url).toBe('/psf-landing/')
    expect(item(5)?.url).toBe('/jobs/')
    expect(item(8)?.url).toBe('/downloads/')
    expect(item(9)?.url).toBe('/doc/')
    expect(item(12)?.url).toBe('/blogs/')
    expect(item(79)?.url).toBe('/jobs/types/')
    expect(item(84)?.url).toBe('/jobs/create/')
    expect(item(51)).toMatchObject({ title: 'Python Conferences', url: '/community/workshops/', hidden: true })
  })

  it('makes python.org links relative and keeps other sites absolute', () => {
    expect(item(57)).toMatchObject({ title: 'Media', url: '/psf/press-release/' })
    expect(item(116)?.url).toBe('/psf/codeofconduct/')
    expect(item(3)?.url).toBe('https://docs.python.org')
    expect(item(58)?.url).toBe('http://pyfound.blogspot.com/')
    expect(item(15)?.url).toBe('/about/apps/')
    expect(item(14)?.url).toBe('/comingsoon')
  })

  it('maps the flags and tidies titles', () => {
    expect(item(104)).toMatchObject({ alias: 'python-footer', inMenu: true, inBreadcrumbs: false, parentLegacyId: 1, order: 104 })
    expect(item(112)).toMatchObject({ hidden: true, inMenu: false, inBreadcrumbs: false })
    expect(item(55)?.title).toBe('Donations')
    expect(item(7)?.alias).toBe('about')
    expect(item(8)?.alias).toBeNull()
  })

  it('lists parents before their children', () => {
    const position = new Map(items.map((candidate, index) => [candidate.legacyId, index]))
    for (const candidate of items) {
      if (candidate.parentLegacyId !== null) {
        expect(position.get(candidate.parentLegacyId)).toBeLessThan(position.get(candidate.legacyId) ?? -1)
      }
    }
  })
})

describe('readNavigationSource on malformed input', () => {
  let scratch: Awaited<ReturnType<typeof temporaryDataDir>>
  beforeAll(async () => {
    scratch = await temporaryDataDir()
  })
  afterAll(async () => {
    await scratch.cleanUp()
  })

  const tree = { model: 'sitetree.tree', pk: 1, fields: { title: 'Python.org', alias: 'main' } }
  const treeItem = (pk: number, fields: Record<string, unknown>) => ({
    model: 'sitetree.treeitem',
    pk,
    fields: {
      title: `Item ${pk}`,
      hint: '',
      url: '/',
      urlaspattern: false,
      tree: 1,
      hidden: false,
      alias: null,
      inmenu: true,
      inbreadcrumbs: true,
      access_loggedin: false,
      access_guest: false,
      access_restricted: false,
      parent: null,
      sort_order: pk,
      ...fields,
    },
  })

  async function readWith(rows: unknown[]) {
    await scratch.write('pythondotorg/sitetree_menus.json', rows)
    return readNavigationSource(scratch.dir)
  }

  it('rejects an unknown Django URL name, naming the file and item', async () => {
    await expect(readWith([tree, treeItem(9, { url: 'events:event_list', urlaspattern: true })])).rejects.toThrow(
      /sitetree_menus\.json: sitetree\.treeitem pk=9: Unknown Django URL name "events:event_list" \(item "Item 9"\)/,
    )
  })

  it('rejects a per-title URL name used under an unknown title', async () => {
    await expect(readWith([tree, treeItem(4, { url: 'inner', urlaspattern: true })])).rejects.toThrow(
      /has no path for an item titled "Item 4"/,
    )
  })

  it('rejects a URL that is neither a path nor http(s)', async () => {
    await expect(readWith([tree, treeItem(2, { url: 'javascript:alert(1)' })])).rejects.toThrow(
      /sitetree\.treeitem pk=2: Menu URL "javascript:alert\(1\)" must be a site path or an http\(s\) URL/,
    )
  })

  it('rejects a missing parent, a parent cycle and an access rule', async () => {
    await expect(readWith([tree, treeItem(2, { parent: 99 })])).rejects.toThrow(/pk=2: parent 99 does not exist/)
    await expect(readWith([tree, treeItem(2, { parent: 3 }), treeItem(3, { parent: 2 })])).rejects.toThrow(
      /items 2, 3 form a parent cycle/,
    )
    await expect(readWith([tree, treeItem(2, { access_loggedin: true })])).rejects.toThrow(/pk=2: sets access_loggedin/)
  })

  it('rejects an item of a tree that is not in the file', async () => {
    await expect(readWith([treeItem(2, {})])).rejects.toThrow(/pk=2: tree 1 does not exist/)
  })
})
