/**
 * The success-stories and blog panels of the main menu are generated from content as python.org
 * generates them: a published, featured story when it is saved; the newest post after a blog
 * import. The boxes are marked generated, so editors cannot overwrite them.
 */
import type { Payload } from 'payload'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importBlogFeed } from '../../../seed/importers/blogFeed'
import { createTestPayload } from '../../support/testPayload'

const quiet = { skipSitePurge: true }

describe('generated supernav boxes', () => {
  let payload: Payload
  let categoryId: number

  beforeAll(async () => {
    payload = await createTestPayload('supernav_boxes')
    categoryId = (await payload.create({ collection: 'story-categories', data: { name: 'Arts', slug: 'arts' }, context: quiet })).id
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  const box = async (label: string) => (await payload.find({ collection: 'boxes', where: { label: { equals: label } }, overrideAccess: true })).docs[0]
  const story = (name: string, featured: boolean, status: 'published' | 'draft') => ({
    name,
    companyName: `${name} Inc`,
    companyUrl: 'https://example.org/',
    author: 'A. Author',
    pullQuote: `${name} says it works.`,
    category: categoryId,
    featured,
    _status: status,
  })

  it('makes a published, featured story the success-stories panel, and leaves it for other saves', async () => {
    await payload.create({ collection: 'success-stories', data: story('Featured', true, 'published'), context: quiet })
    const generated = await box('supernav-python-success-stories')
    expect(generated?.generated).toBe(true)
    expect(generated?.content).toContain('<blockquote class="success-quote">Featured says it works.</blockquote>')
    expect(generated?.content).toContain('<a href="https://example.org/">Featured Inc</a>')

    await payload.create({ collection: 'success-stories', data: story('Plain', false, 'published'), context: quiet })
    await payload.create({ collection: 'success-stories', data: story('Draft', true, 'draft'), draft: true, context: quiet })
    expect((await box('supernav-python-success-stories'))?.content).toContain('Featured says it works.')
  })

  it('makes the newest imported post the blog panel', async () => {
    const req = await createLocalReq({ context: quiet }, payload)
    await importBlogFeed(req, [
      { guid: 'a', title: 'Older post', url: 'https://blog.python.org/older.html', summary: 'Old news.', publishedAt: '2026-01-01T00:00:00.000Z', author: null },
      { guid: 'b', title: 'Python 3.14.7 is out', url: 'https://blog.python.org/3147.html', summary: 'The seventh maintenance release.', publishedAt: '2026-08-05T10:00:00.000Z', author: null },
    ])
    const generated = await box('supernav-python-blog')
    expect(generated?.generated).toBe(true)
    expect(generated?.content).toContain('<h4>Python 3.14.7 is out</h4>')
    expect(generated?.content).toContain('Wednesday, August 5, 2026')
  })
})
