import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { silentProgress } from '../../../seed/progress'
import { paragraphsDocument } from '../../../seed/lexical/lexicalDocuments'
import { seedDatabase } from '../../../seed/seedDatabase'
import { MARKUP_RULES_VERSION } from '../../../lib/markup/markupRules'
import { untrustedRichTextHtml } from '../../../lib/markup/storedMarkup'
import { createTestPayload } from '../../support/testPayload'

const sharedDataDir = path.resolve(process.cwd(), '../shared/data')

describe('seeding from ../shared/data', () => {
  let payload: Payload
  let first: Awaited<ReturnType<typeof seedDatabase>>

  beforeAll(async () => {
    payload = await createTestPayload('seed')
    first = await seedDatabase(payload, { sharedDataDir, progress: silentProgress, today: new Date('2026-11-26T00:00:00Z') })
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  const count = async (collection: Parameters<Payload['count']>[0]['collection']) =>
    (await payload.count({ collection, overrideAccess: true })).totalDocs

  it('imports every release, file, box and menu item of the data set', async () => {
    expect(first.updated).toBe(0)
    expect(await count('releases')).toBe(274)
    expect(await count('release-files')).toBe(1085)
    expect(await count('operating-systems')).toBe(5)
    expect(await count('release-cycles')).toBe(17)
    expect(await count('boxes')).toBe(63)
    expect(await count('navigation-items')).toBe(115)
  })

  it("keeps python.org's operating system ids (the release tooling assumes source is 3)", async () => {
    const systems = await payload.find({ collection: 'operating-systems', sort: 'id', depth: 0 })
    expect(systems.docs.map((os) => [os.id, os.slug])).toEqual([
      [1, 'windows'],
      [2, 'macos'],
      [3, 'source'],
      [4, 'android'],
      [5, 'ios'],
    ])
  })

  it('marks Python 3.14.7 and Python 2.7.18 as the latest releases', async () => {
    const latest = await payload.find({ collection: 'releases', where: { isLatest: { equals: true } }, sort: '-version', depth: 0 })
    expect(latest.docs.map((release) => release.name)).toEqual(['Python 3.14.7', 'Python 2.7.18'])
  })

  it('derives file slugs as the release tooling does and sets isSource from the OS', async () => {
    const file = (await payload.find({ collection: 'release-files', where: { url: { equals: 'https://www.python.org/ftp/python/3.14.7/python-3.14.7-amd64.exe' } }, depth: 1 })).docs[0]
    expect(file.slug).toBe('3147-Windows-installer-64-bit')
    expect(file.isSource).toBe(false)
    const sources = await payload.count({ collection: 'release-files', where: { isSource: { equals: true } } })
    const sourceOsFiles = await payload.count({ collection: 'release-files', where: { os: { equals: 3 } } })
    expect(sources.totalDocs).toBe(sourceOsFiles.totalDocs)
    expect(sources.totalDocs).toBeGreaterThan(0)
  })

  it('regenerates the download boxes from the current releases', async () => {
    const boxes = await payload.find({ collection: 'boxes', where: { label: { in: ['homepage-downloads', 'supernav-python-downloads', 'download-sources'] } }, depth: 0 })
    expect(boxes.docs).toHaveLength(3)
    for (const box of boxes.docs) {
      expect(box.generated).toBe(true)
      expect(box.content).not.toContain('3.10.5')
    }
    expect(boxes.docs.find((box) => box.label === 'homepage-downloads')?.content).toContain('Python 3.14.7')
  })

  it('ends with every markup field rendered with the current rules (the site only places stored HTML)', async () => {
    for (const collection of payload.config.collections.filter((config) => (config.custom as { renderedMarkup?: unknown } | undefined)?.renderedMarkup !== undefined)) {
      const slug = collection.slug as Parameters<Payload['count']>[0]['collection']
      const stale = await payload.count({ collection: slug, overrideAccess: true, where: { or: [{ markupRulesVersion: { exists: false } }, { markupRulesVersion: { not_equals: MARKUP_RULES_VERSION } }] } })
      expect(stale.totalDocs, slug).toBe(0)
    }
    const about = (await payload.find({ collection: 'boxes', where: { label: { equals: 'supernav-python-about' } }, overrideAccess: true })).docs[0]
    expect(about?.contentHtml).toContain('</')
    const release = (await payload.find({ collection: 'releases', where: { name: { equals: 'Python 3.14.7' } }, overrideAccess: true })).docs[0]
    expect(release?.contentHtml).toBe(untrustedRichTextHtml(release?.content))
  })

  it('renders again what a seed before the HTML fields left, when the seed finds the data unchanged', async () => {
    const box = (await payload.find({ collection: 'boxes', where: { label: { equals: 'supernav-python-about' } }, overrideAccess: true })).docs[0]
    if (box === undefined) throw new Error('no supernav-python-about box')
    await payload.db.updateOne({ collection: 'boxes', id: box.id, data: { contentHtml: null, markupRulesVersion: null } })
    await seedDatabase(payload, { sharedDataDir, progress: silentProgress, today: new Date('2026-11-26T00:00:00Z') })
    const again = await payload.findByID({ collection: 'boxes', id: box.id, overrideAccess: true })
    expect(again.contentHtml).toBe(box.contentHtml)
    expect(again.markupRulesVersion).toBe(MARKUP_RULES_VERSION)
  })

  it('changes nothing when run a second time', async () => {
    const second = await seedDatabase(payload, { sharedDataDir, progress: silentProgress, today: new Date('2026-11-26T00:00:00Z') })
    expect(second).toEqual({ created: 0, updated: 0, unchanged: first.created })
    expect(await count('releases')).toBe(274)
    expect(await count('release-files')).toBe(1085)
    expect(await count('boxes')).toBe(63)
  })

  it('deletes the old /jobs/create/ placeholder page (the job form answers there now), and keeps one an editor wrote', async () => {
    const placeholder = { title: 'Submit a job', path: '/jobs/create/', description: 'Submit a job on python.org.', content: paragraphsDocument(['This is sample content for "Submit a job", written so that every menu link leads somewhere.']) as never, _status: 'published' as const }
    await payload.create({ collection: 'pages', data: placeholder, overrideAccess: true })
    const retired = await seedDatabase(payload, { sharedDataDir, progress: silentProgress, today: new Date('2026-11-26T00:00:00Z') })
    expect(retired.updated).toBe(1)
    expect((await payload.find({ collection: 'pages', where: { path: { equals: '/jobs/create/' } }, overrideAccess: true })).docs).toEqual([])

    await payload.create({ collection: 'pages', data: { ...placeholder, content: paragraphsDocument(['Our own posting guide.']) as never }, overrideAccess: true })
    const kept = await seedDatabase(payload, { sharedDataDir, progress: silentProgress, today: new Date('2026-11-26T00:00:00Z') })
    expect(kept).toMatchObject({ created: 0, updated: 0 })
    expect((await payload.find({ collection: 'pages', where: { path: { equals: '/jobs/create/' } }, overrideAccess: true })).docs).toHaveLength(1)
  })
})

