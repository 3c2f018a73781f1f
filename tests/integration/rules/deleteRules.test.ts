import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload } from '../../support/testPayload'

describe('deleting documents that others point to', () => {
  let payload: Payload
  let osId: number

  beforeAll(async () => {
    payload = await createTestPayload('delete_rules')
    osId = (await payload.create({ collection: 'operating-systems', data: { name: 'Source release', slug: 'source' } })).id
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('deletes a release together with its files, as python.org does', async () => {
    const release = await payload.create({ collection: 'releases', data: { name: 'Python 3.20.1', version: 3, releaseDate: '2030-01-01', isPublished: true } })
    await payload.create({
      collection: 'release-files',
      data: { release: release.id, os: osId, name: 'XZ compressed source tarball', url: 'https://www.python.org/ftp/python/3.20.1/Python-3.20.1.tar.xz' },
    })
    await payload.delete({ collection: 'releases', id: release.id })
    expect((await payload.count({ collection: 'release-files', where: { release: { equals: release.id } } })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'releases', where: { id: { equals: release.id } } })).totalDocs).toBe(0)
  })

  it('refuses to delete an operating system that release files use, and deletes nothing', async () => {
    const release = await payload.create({ collection: 'releases', data: { name: 'Python 3.20.2', version: 3, releaseDate: '2030-02-01' } })
    await payload.create({
      collection: 'release-files',
      data: { release: release.id, os: osId, name: 'Gzipped source tarball', url: 'https://www.python.org/ftp/python/3.20.2/Python-3.20.2.tgz' },
    })
    await expect(payload.delete({ collection: 'operating-systems', id: osId })).rejects.toMatchObject({
      status: 400,
      message: 'This cannot be deleted while 1 release files refer to it: delete or move them first.',
    })
    expect((await payload.findByID({ collection: 'operating-systems', id: osId })).slug).toBe('source')
  })

  it('refuses to delete a calendar that still has events', async () => {
    const calendar = await payload.create({ collection: 'calendars', data: { name: 'Python Events', slug: 'python-events' } })
    await payload.create({ collection: 'events', data: { title: 'Sprint', calendar: calendar.id } })
    await expect(payload.delete({ collection: 'calendars', id: calendar.id })).rejects.toMatchObject({
      status: 400,
      message: 'This cannot be deleted while 1 events refer to it: delete or move them first.',
    })
  })

  it('refuses to delete a story category that stories use', async () => {
    const category = await payload.create({ collection: 'story-categories', data: { name: 'Arts', slug: 'arts' } })
    await payload.create({
      collection: 'success-stories',
      data: { name: 'A story', companyName: 'Example', companyUrl: 'https://example.org/', author: 'A. Author', pullQuote: 'Quote', category: category.id },
    })
    await expect(payload.delete({ collection: 'story-categories', id: category.id })).rejects.toMatchObject({ status: 400 })
  })
})
