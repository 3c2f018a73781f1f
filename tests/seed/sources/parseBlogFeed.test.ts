import { readFile } from 'node:fs/promises'

import { describe, expect, it } from 'vitest'

import { parseBlogFeed } from '../../../seed/sources/parseBlogFeed'
import { SourceDataError } from '../../../seed/sources/SourceDataError'

const SOURCE = 'https://blog.example/feeds/posts/default?alt=rss'
const fixture = (name: string) => readFile(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8')

function rss(...items: string[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Python Insider</title><link>https://blog.python.org/</link>${items.join('')}</channel></rss>`
}

const item = (fields: Record<string, string>) => `<item>${Object.entries(fields).map(([key, value]) => `<${key}>${value}</${key}>`).join('')}</item>`
const good = { guid: 'post-1', title: 'Python 3.15.0', link: 'https://blog.python.org/2026/11/python-3150.html', pubDate: 'Wed, 04 Nov 2026 18:00:00 +0000' }

async function refusal(xml: string): Promise<unknown> {
  try {
    await parseBlogFeed(xml, SOURCE)
  } catch (error) {
    return error
  }
  return null
}

describe('parseBlogFeed', () => {
  it("reads Blogger's RSS: guid, the blog's own domain for old blogspot links, plain-text summary, the author's name", async () => {
    const entries = await parseBlogFeed(await fixture('python-insider.rss'), SOURCE)

    expect(entries).toHaveLength(6)
    expect(entries.slice(0, 2)).toEqual([
      {
        guid: 'tag:blogger.com,1999:blog-3941553907430899163.post-1001',
        title: 'Python 3.15.0 beta 1 is now available',
        url: 'https://blog.python.org/2026/11/python-3150-beta-1.html',
        summary: 'The first beta of Python 3.15 is here & ready for testing. Please try it with your projects and report problems.',
        publishedAt: '2026-11-04T18:00:00.000Z',
        author: 'Hugo van Kemenade',
      },
      {
        guid: 'tag:blogger.com,1999:blog-3941553907430899163.post-1002',
        title: 'Python 3.14.7 and 3.13.15 are now available',
        url: 'https://blog.python.org/2026/10/python-3147-and-31315.html',
        summary: 'Two bugfix releases today.',
        publishedAt: '2026-10-13T15:30:00.000Z',
        author: 'Łukasz Langa',
      },
    ])
    // Cut at a word, under 300 characters, marked as cut.
    expect([entries[2].summary?.length, entries[2].summary?.endsWith('where the link goes…')]).toEqual([297, true])
  })

  it('reads the same posts from the Atom feed', async () => {
    expect(await parseBlogFeed(await fixture('python-insider.atom'), SOURCE)).toEqual([
      {
        guid: 'tag:blogger.com,1999:blog-3941553907430899163.post-1001',
        title: 'Python 3.15.0 beta 1 is now available',
        url: 'https://blog.python.org/2026/11/python-3150-beta-1.html',
        summary: 'The first beta of Python 3.15 is here.',
        publishedAt: '2026-11-04T18:00:00.000Z',
        author: 'Hugo van Kemenade',
      },
      {
        guid: 'tag:blogger.com,1999:blog-3941553907430899163.post-1002',
        title: 'Python 3.14.7 and 3.13.15 are now available',
        url: 'https://blog.python.org/2026/10/python-3147-and-31315.html',
        summary: 'Two bugfix releases today.',
        publishedAt: '2026-10-13T15:30:00.000Z',
        author: 'Łukasz Langa',
      },
    ])
  })

  it('keys an entry without guid by its link, and keeps an author without an address as given', async () => {
    const { guid: _guid, ...withoutGuid } = good
    expect(await parseBlogFeed(rss(item({ ...withoutGuid, author: 'The Steering Council' })), SOURCE)).toEqual([
      { guid: good.link, title: good.title, url: good.link, summary: null, publishedAt: '2026-11-04T18:00:00.000Z', author: 'The Steering Council' },
    ])
  })

  it('reads a feed with no posts as no entries', async () => {
    expect(await parseBlogFeed(rss(), SOURCE)).toEqual([])
  })

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body>Unavailable</body></html>', 'is not a readable RSS or Atom feed (Feed not recognized as RSS 1 or 2.)'],
    ['broken XML', '<rss version="2.0"><channel><item><title>Cut', 'is not a readable RSS or Atom feed (Unclosed root tag)'],
    ['a post without title', rss(item({ ...good, title: '' })), 'entry #1: has no title'],
    ['a post whose link is not http(s)', rss(item({ ...good, link: 'javascript:alert(1)' })), 'entry #1 "Python 3.15.0": has no http(s) link (got "javascript:alert(1)")'],
    ['a post without date', rss(item({ guid: good.guid, title: good.title, link: good.link })), 'entry #1 "Python 3.15.0": has no readable publication date'],
    ['two posts with one guid', rss(item(good), item({ ...good, link: 'https://blog.python.org/other.html' })), 'entry post-1: appears twice (same guid)'],
    ['two posts with one link', rss(item(good), item({ ...good, guid: 'post-2' })), `entry ${good.link}: appears twice (same url)`],
  ])('refuses %s, naming the feed', async (_case, xml, problem) => {
    const thrown = await refusal(xml)
    expect(thrown).toBeInstanceOf(SourceDataError)
    expect((thrown as Error).message).toBe(`${SOURCE}: ${problem}`)
  })
})
