import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Release, ReleaseFile, User } from '../../../collections/generated/payload-types'
import { createRoleUsers } from '../../support/accessUsers'
import { createTestPayload } from '../../support/testPayload'

const PREFIX = 'https://www.python.org/ftp/python/'
const BOX_LABELS = ['download-sources', 'homepage-downloads', 'supernav-python-downloads']

function homepageBox(latest: { name: string; slug: string }): string {
  return [
    '<h2 class="widget-title"><span aria-hidden="true" class="icon-download"></span>Download</h2>',
    '<p>Python source code and installers are available for download for all versions!</p>',
    `<p>Latest: <a href="/downloads/release/${latest.slug}/">${latest.name}</a></p>`,
  ].join('\n')
}

describe('download boxes are regenerated when the latest published releases or their files change', () => {
  let payload: Payload
  let releaseManager: User
  let windows: number
  let source: number
  let python2: Release
  const as = () => ({ user: releaseManager, overrideAccess: false, depth: 0 }) as const

  const boxes = async (): Promise<Record<string, string>> => {
    const found = await payload.find({ collection: 'boxes', where: { label: { in: BOX_LABELS } }, depth: 0 })
    for (const box of found.docs) expect(box.generated, `${box.label} is marked generated`).toBe(true)
    return Object.fromEntries(found.docs.map((box) => [box.label, box.content]))
  }
  const createRelease = (data: Partial<Release> & { name: string }) =>
    payload.create({ collection: 'releases', data: { version: 3, isPublished: true, isLatest: true, releaseDate: '2030-01-01T00:00:00.000Z', ...data }, ...as() })
  const createFile = (data: Partial<ReleaseFile> & { release: number; os: number; name: string; url: string }) =>
    payload.create({ collection: 'release-files', data: { downloadButton: true, ...data }, ...as() })

  beforeAll(async () => {
    payload = await createTestPayload('download_boxes')
    releaseManager = (await createRoleUsers(payload, 'boxes'))['release-manager']
    const os = async (name: string, slug: string) =>
      (await payload.create({ collection: 'operating-systems', data: { name, slug }, overrideAccess: true })).id
    windows = await os('Windows', 'windows')
    source = await os('Source release', 'source')
    python2 = await createRelease({ name: 'Python 2.7.18', version: 2 })
    await createFile({ release: python2.id, os: source, name: 'XZ compressed source tarball', url: `${PREFIX}2.7.18/Python-2.7.18.tar.xz` })
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('a new latest Python 3 release appears in homepage-downloads', async () => {
    expect((await boxes())['homepage-downloads']).toBe(homepageBox({ name: 'Python 2.7.18', slug: 'python-2718' }))
    await createRelease({ name: 'Python 3.14.7' })
    const after = await boxes()
    expect(Object.keys(after).sort()).toEqual(BOX_LABELS)
    expect(after['homepage-downloads']).toBe(homepageBox({ name: 'Python 3.14.7', slug: 'python-3147' }))
  })

  it("a latest release's new download-button files appear in the downloads menu and the sources box", async () => {
    const release = (await payload.find({ collection: 'releases', where: { name: { equals: 'Python 3.14.7' } }, depth: 0 })).docs[0]
    await createFile({ release: release.id, os: source, name: 'XZ compressed source tarball', url: `${PREFIX}3.14.7/Python-3.14.7.tar.xz` })
    await createFile({ release: release.id, os: windows, name: 'Windows installer (64-bit)', url: `${PREFIX}3.14.7/python-3.14.7-amd64.exe` })
    const after = await boxes()
    expect(after['download-sources']).toContain(
      `<p>Download the latest <a href="${PREFIX}3.14.7/Python-3.14.7.tar.xz">Python 3</a> and <a href="${PREFIX}2.7.18/Python-2.7.18.tar.xz">Python 2</a> source.</p>`,
    )
    expect(after['supernav-python-downloads']).toContain('    <div class="download-os-windows" style="display: none;">')
    expect(after['supernav-python-downloads']).toContain(`<a class="button" href="${PREFIX}3.14.7/python-3.14.7-amd64.exe">Python 3.14.7</a>`)
  })

  it("updating a latest release's file rewrites the boxes", async () => {
    const installer = (await payload.find({ collection: 'release-files', where: { name: { equals: 'Windows installer (64-bit)' } }, depth: 0 })).docs[0]
    await payload.update({ collection: 'release-files', id: installer.id, data: { url: `${PREFIX}3.14.7/python-3.14.7-amd64-fixed.exe` }, ...as() })
    const supernav = (await boxes())['supernav-python-downloads']
    expect(supernav).toContain(`<a class="button" href="${PREFIX}3.14.7/python-3.14.7-amd64-fixed.exe">Python 3.14.7</a>`)
    expect(supernav).not.toContain('python-3.14.7-amd64.exe')
  })

  it("deleting a latest release's file removes it from the boxes", async () => {
    const installer = (await payload.find({ collection: 'release-files', where: { name: { equals: 'Windows installer (64-bit)' } }, depth: 0 })).docs[0]
    await payload.delete({ collection: 'release-files', id: installer.id, ...as() })
    const supernav = (await boxes())['supernav-python-downloads']
    expect(supernav).not.toContain('download-os-windows')
    expect(supernav).not.toContain('amd64')
    expect(supernav).toContain('<div class="download-os-source" style="display: none;">')
  })

  it('a release that is latest but unpublished stays out of the boxes until it is published', async () => {
    const beta = await createRelease({ name: 'Python 3.15.0b1', isPublished: false, preRelease: true })
    const hidden = await boxes()
    expect(Object.values(hidden).join('\n')).not.toContain('3.15.0b1')
    // It took "latest" from 3.14.7, so the home page falls back to the latest Python 2.
    expect(hidden['homepage-downloads']).toBe(homepageBox({ name: 'Python 2.7.18', slug: 'python-2718' }))

    await payload.update({ collection: 'releases', id: beta.id, data: { isPublished: true }, ...as() })
    expect((await boxes())['homepage-downloads']).toBe(homepageBox({ name: 'Python 3.15.0b1', slug: 'python-3150b1' }))
  })

  it('changing a release that is not latest leaves the boxes as they are', async () => {
    const before = await boxes()
    const old = (await payload.find({ collection: 'releases', where: { name: { equals: 'Python 3.14.7' } }, depth: 0 })).docs[0]
    await payload.update({ collection: 'releases', id: old.id, data: { releaseNotesUrl: 'https://docs.python.org/3.14/whatsnew/changelog.html' }, ...as() })
    expect(await boxes()).toEqual(before)
  })

  it('deleting the latest Python 3 release regenerates the boxes from what is left', async () => {
    const beta = (await payload.find({ collection: 'releases', where: { name: { equals: 'Python 3.15.0b1' } }, depth: 0 })).docs[0]
    await payload.delete({ collection: 'releases', id: beta.id, ...as() })
    const after = await boxes()
    expect(after['homepage-downloads']).toBe(homepageBox({ name: 'Python 2.7.18', slug: 'python-2718' }))
    expect(after['download-sources']).toContain(`<p>Download the latest <a href="${PREFIX}2.7.18/Python-2.7.18.tar.xz">Python 2</a> source.</p>`)
  })
})
