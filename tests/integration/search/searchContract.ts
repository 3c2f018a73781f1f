import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureSearchIndex } from '../../../cms/search/rebuildSearchIndex'
import { searchBackendFor } from '../../../cms/search/searchBackendFor'
import type { Page } from '../../../collections/generated/payload-types'
import { callSearchApi } from './searchApi'

/** A Payload instance whose search runs on the backend under test. */
export type SearchBackendUnderTest = {
  payload: Payload
  /** Resolves once every change made so far is searchable (Meilisearch: after the queued jobs ran). */
  settle: () => Promise<void>
  stop: () => Promise<void>
}

type SearchBody = {
  query: string
  type: string | null
  page: number
  totalPages: number
  total: number
  facets: Record<string, number>
  hits: { type: string; id: number; title: string; url: string; highlightedTitle: string; snippet: string }[]
}

/** 25 published releases: `pyhton relase` finds them all, over two pages of 20. */
const PUBLISHED_RELEASES = [...Array.from({ length: 24 }, (_, minor) => `Python 3.12.${minor}`), 'Python 3.14.7']
/** Every public document with the word "python": two pages (one names only www.python.org), the releases, one event, one story, one meeting's minutes. */
const PYTHON_FACETS = { pages: 2, releases: 25, events: 1, 'success-stories': 1, minutes: 1, jobs: 0 }
const QUIET_RELEASE = { skipDownloadBoxes: true }

/**
 * The behaviour every search backend must have, from the HTTP endpoint down to indexing hooks.
 * Run by postgresSearch.test.ts and meilisearchSearch.test.ts with their own backend.
 */
export function searchContract(backendName: string, start: () => Promise<SearchBackendUnderTest>): void {
  describe(`site search on ${backendName}`, () => {
    let backend: SearchBackendUnderTest
    let payload: Payload

    async function search(query: string): Promise<SearchBody> {
      const answer = await callSearchApi(payload, query)
      expect(answer.status).toBe(200)
      expect(answer.contentType).toMatch(/^application\/json/)
      expect(answer.cacheControl).toBe('no-store')
      return answer.body as SearchBody
    }

    async function titlesFor(query: string): Promise<string[]> {
      return (await search(query)).hits.map((hit) => hit.title).sort()
    }

    async function publishedPage(title: string, path: string, paragraphs: string[], description = '') {
      return payload.create({ collection: 'pages', data: { title, path, description, content: richText(paragraphs), _status: 'published' } })
    }

    beforeAll(async () => {
      backend = await start()
      payload = backend.payload
      const calendar = await payload.create({ collection: 'calendars', data: { name: 'Python Events', slug: 'python-events' } })
      const category = await payload.create({ collection: 'story-categories', data: { name: 'Arts', slug: 'arts' } })
      for (const [index, name] of PUBLISHED_RELEASES.entries()) {
        const releaseDate = new Date(Date.UTC(2024, 0, 1 + index * 7)).toISOString()
        await payload.create({ collection: 'releases', data: { name, version: 3, releaseDate, isPublished: true }, context: QUIET_RELEASE })
      }
      await payload.create({ collection: 'releases', data: { name: 'Python 3.99.0', version: 3, releaseDate: '2030-01-01', isPublished: false, content: richText(['Codename jackalope.']) }, context: QUIET_RELEASE })
      await publishedPage('About Python', '/about/', ['Python is a language. Compare: if x<y then alert the <admin>.'], 'The Python language')
      await publishedPage('Café culture', '/community/cafe/', ['Coffee and code every Tuesday.'])
      await publishedPage('Cafe meetups', '/community/meetups/', ['Bring a laptop.'])
      await publishedPage('Mirrors', '/mirrors/', ['Files are copied from www.python.org every day.'])
      await payload.create({ collection: 'pages', data: { title: 'Secret python roadmap', path: '/secret/', content: richText(['Not yet.']), _status: 'draft' } })
      await payload.create({ collection: 'events', data: { title: 'Python sprint in Lisbon', calendar: calendar.id, occurrences: [{ start: '2027-05-01T09:00:00.000Z', end: '2027-05-01T17:00:00.000Z' }] } })
      await payload.create({ collection: 'events', data: { title: 'Python party', calendar: calendar.id, cancelled: true } })
      const story = { companyUrl: 'https://example.org/', author: 'A. Author', pullQuote: 'It just works.', category: category.id }
      await payload.create({ collection: 'success-stories', data: { ...story, name: 'Python at Example Corp', companyName: 'Example Corp', _status: 'published' } })
      await payload.create({ collection: 'success-stories', data: { ...story, name: 'Python draft story', companyName: 'Draft Corp', _status: 'draft' } })
      await payload.create({ collection: 'minutes', data: { meetingDate: '2026-11-18T12:00:00.000Z', content: richText(['The board approved grants for Python user groups.']), _status: 'published' } })
      await payload.create({ collection: 'minutes', data: { meetingDate: '2026-12-02T12:00:00.000Z', content: richText(['Python secret agenda.']), _status: 'draft' } })
      await backend.settle()
    })
    afterAll(async () => {
      await backend?.stop()
    })

    describe('finding', () => {
      it('forgives typos: "pyhton relase" finds the published Python releases and nothing else', async () => {
        const body = await search('q=pyhton+relase')
        expect(body.query).toBe('pyhton relase')
        expect(body.facets).toEqual({ pages: 0, releases: 25, events: 0, 'success-stories': 0, minutes: 0, jobs: 0 })
        expect(body.total).toBe(25)
        expect(body.hits).toHaveLength(20)
        expect(body.hits.every((hit) => hit.type === 'releases' && PUBLISHED_RELEASES.includes(hit.title))).toBe(true)
        expect(body.hits.find((hit) => hit.title === 'Python 3.14.7')).toMatchObject({ url: '/downloads/release/python-3147/' })
      })

      it('"pyhton" has hits of every type, and counts them per type', async () => {
        const body = await search('q=pyhton')
        expect(body.facets).toEqual(PYTHON_FACETS)
        expect(body.total).toBe(30)
        expect(body.type).toBeNull()
      })

      it('reads host names as words: python.org finds the page that names it', async () => {
        expect(await titlesFor('q=python.org')).toEqual(['Mirrors'])
        expect(await titlesFor('q=www+pyhton')).toEqual(['Mirrors'])
      })

      it('leaves out drafts, unpublished releases and cancelled events', async () => {
        expect(await titlesFor('q=python&type=pages')).toEqual(['About Python', 'Mirrors'])
        expect(await titlesFor('q=roadmap')).toEqual([])
        expect(await titlesFor('q=jackalope')).toEqual([])
        expect(await titlesFor('q=party')).toEqual([])
        expect(await titlesFor('q=draft+story')).toEqual([])
        expect(await titlesFor('q=secret+agenda')).toEqual([])
      })

      it('filters by type, and still counts every type', async () => {
        const body = await search('q=python&type=events')
        expect(body.hits.map((hit) => [hit.type, hit.title, hit.url])).toEqual([['events', 'Python sprint in Lisbon', expect.stringMatching(/^\/events\/python-events\/\d+\/$/)]])
        expect(body.total).toBe(1)
        expect(body.totalPages).toBe(1)
        expect(body.type).toBe('events')
        expect(body.facets).toEqual(PYTHON_FACETS)
        const story = await search('q=python&type=success-stories')
        expect(story.hits.map((hit) => [hit.title, hit.url])).toEqual([['Python at Example Corp', '/success-stories/python-at-example-corp/']])
        const minutes = await search('q=grants&type=minutes')
        expect(minutes.hits.map((hit) => [hit.title, hit.url])).toEqual([['PSF Board Meeting Minutes for 2026-11-18', '/psf/records/board/minutes/2026-11-18/']])
      })

      it('pages through results: 20, then the rest, then an empty page', async () => {
        const first = await search('q=pyhton+relase&type=releases')
        const second = await search('q=pyhton+relase&type=releases&page=2')
        const third = await search('q=pyhton+relase&type=releases&page=3')
        expect([first.page, first.totalPages, first.hits.length]).toEqual([1, 2, 20])
        expect([second.page, second.totalPages, second.hits.length]).toEqual([2, 2, 5])
        expect([third.page, third.total, third.hits]).toEqual([3, 25, []])
        const titles = [...first.hits, ...second.hits].map((hit) => hit.title).sort()
        expect(titles).toEqual([...PUBLISHED_RELEASES].sort())
      })

      it('matches accents either way: café finds cafe, cafe finds café', async () => {
        expect(await titlesFor('q=cafe')).toEqual(['Cafe meetups', 'Café culture'])
        expect(await titlesFor('q=caf%C3%A9')).toEqual(['Cafe meetups', 'Café culture'])
      })

      it('highlights the query words with <mark>, in escaped text', async () => {
        const about = (await search('q=python&type=pages')).hits.find((hit) => hit.title === 'About Python')
        expect(about?.highlightedTitle).toBe('About <mark>Python</mark>')
        expect(about?.snippet).toContain('<mark>Python</mark>')
        const [alert] = (await search('q=alert')).hits
        expect(alert?.title).toBe('About Python')
        expect(alert?.snippet).toContain('<mark>alert</mark>')
        expect(alert?.snippet).toContain('&lt;')
        expect(alert?.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
      })
    })

    describe('keeping up with changes', () => {
      it('indexes a page when it is published and removes it when it is unpublished', async () => {
        const page = await publishedPage('Zanzibar travel notes', '/zanzibar/', ['Spice islands.'])
        await backend.settle()
        expect(await titlesFor('q=zanzibar')).toEqual(['Zanzibar travel notes'])
        await payload.update({ collection: 'pages', id: page.id, data: { _status: 'draft' } })
        await backend.settle()
        expect(await titlesFor('q=zanzibar')).toEqual([])
      })

      it('keeps the published text while a newer draft waits', async () => {
        const page = await publishedPage('Wombat facts', '/wombats/', ['Burrowing marsupials.'])
        await payload.update({ collection: 'pages', id: page.id, draft: true, data: { title: 'Quokka facts', _status: 'draft' } })
        await backend.settle()
        expect(await titlesFor('q=wombat')).toEqual(['Wombat facts'])
        expect(await titlesFor('q=quokka')).toEqual([])
      })

      it('follows edits and removes unpublished releases and cancelled events', async () => {
        const release = await payload.create({ collection: 'releases', data: { name: 'Python 3.15.0', version: 3, releaseDate: '2026-10-01', isPublished: true, content: richText(['Codename ocelot.']) }, context: QUIET_RELEASE })
        const event = await payload.create({ collection: 'events', data: { title: 'Meetup at the harbour', calendar: (await payload.find({ collection: 'calendars', limit: 1 })).docs[0]!.id } })
        await backend.settle()
        expect(await titlesFor('q=ocelot')).toEqual(['Python 3.15.0'])
        expect(await titlesFor('q=harbour')).toEqual(['Meetup at the harbour'])
        await payload.update({ collection: 'events', id: event.id, data: { title: 'Meetup at the lighthouse' } })
        await backend.settle()
        expect(await titlesFor('q=harbour')).toEqual([])
        expect(await titlesFor('q=lighthouse')).toEqual(['Meetup at the lighthouse'])
        await payload.update({ collection: 'releases', id: release.id, data: { isPublished: false }, context: QUIET_RELEASE })
        await payload.update({ collection: 'events', id: event.id, data: { cancelled: true } })
        await backend.settle()
        expect(await titlesFor('q=ocelot')).toEqual([])
        expect(await titlesFor('q=lighthouse')).toEqual([])
      })

      it('removes deleted documents', async () => {
        const page = await publishedPage('Platypus notes', '/platypus/', ['Egg-laying mammals.'])
        const story = await payload.create({
          collection: 'success-stories',
          data: { name: 'Platypus Inc', companyName: 'Platypus Inc', companyUrl: 'https://example.org/', author: 'B. Author', pullQuote: 'Odd but true.', category: (await payload.find({ collection: 'story-categories', limit: 1 })).docs[0]!.id, _status: 'published' },
        })
        await backend.settle()
        expect(await titlesFor('q=platypus')).toEqual(['Platypus Inc', 'Platypus notes'])
        await payload.delete({ collection: 'pages', id: page.id })
        await payload.delete({ collection: 'success-stories', id: story.id })
        await backend.settle()
        expect(await titlesFor('q=platypus')).toEqual([])
      })

      it('rebuilds the whole index with the reindexSearch job', async () => {
        const before = await search('q=python')
        await searchBackendFor(payload).replaceAll([])
        expect((await search('q=python')).total).toBe(0)
        const job = await payload.jobs.queue({ task: 'reindexSearch', queue: 'scheduled', input: {} })
        await payload.jobs.run({ queue: 'scheduled', where: { id: { equals: job.id } } })
        const done = await payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0 })
        expect(done.completedAt).toBeTruthy()
        expect(done.hasError).toBeFalsy()
        const after = await search('q=python')
        expect(after.facets).toEqual(before.facets)
        expect(await searchBackendFor(payload).count()).toBe(await publicDocumentCount(payload))
      })

      it('builds an index never built at start-up, and leaves a built one alone', async () => {
        const documents = await publicDocumentCount(payload)
        await searchBackendFor(payload).replaceAll([])
        expect(await ensureSearchIndex(payload)).toEqual({ state: 'rebuilt', documents })
        expect(await ensureSearchIndex(payload)).toEqual({ state: 'current', documents })
        expect((await search('q=python')).facets).toEqual(PYTHON_FACETS)
      })
    })

    describe('refusing bad parameters with a 400 that says why', () => {
      const cases: [string, string][] = [
        ['', 'Give the words to search for in q, like ?q=python+release.'],
        ['q=+++', 'Give the words to search for in q, like ?q=python+release.'],
        [`q=${'a'.repeat(201)}`, 'q is too long: 201 characters; the limit is 200.'],
        ['q=python&q=release', 'Give q once.'],
        ['q=python&type=news', 'type must be one of pages, releases, events, success-stories, minutes, jobs; got "news".'],
        ['q=python&page=0', 'page must be a whole number from 1 to 50; got "0".'],
        ['q=python&page=two', 'page must be a whole number from 1 to 50; got "two".'],
        ['q=python&page=51', 'page must be a whole number from 1 to 50; got "51".'],
        ['q=python&page=-1', 'page must be a whole number from 1 to 50; got "-1".'],
      ]
      it.each(cases)('?%s', async (query, message) => {
        const answer = await callSearchApi(payload, query)
        expect(answer.status).toBe(400)
        expect(answer.contentType).toMatch(/^application\/json/)
        expect(answer.body).toEqual({ errors: [{ message }] })
      })
    })
  })
}

/** Lexical rich text of plain paragraphs, as the admin saves it. */
function richText(paragraphs: string[]): NonNullable<Page['content']> {
  const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' })
  const paragraph = (value: string) => ({ type: 'paragraph', version: 1, format: '', indent: 0, direction: 'ltr', textFormat: 0, children: [text(value)] })
  return { root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children: paragraphs.map(paragraph) } }
}

/** Published pages, stories and minutes, published releases, events not cancelled: what the index should hold. */
async function publicDocumentCount(payload: Payload): Promise<number> {
  const counts = await Promise.all([
    payload.count({ collection: 'pages', where: { _status: { equals: 'published' } } }),
    payload.count({ collection: 'releases', where: { isPublished: { equals: true } } }),
    payload.count({ collection: 'events', where: { cancelled: { not_equals: true } } }),
    payload.count({ collection: 'success-stories', where: { _status: { equals: 'published' } } }),
    payload.count({ collection: 'minutes', where: { _status: { equals: 'published' } } }),
    payload.count({ collection: 'jobs', where: { status: { equals: 'approved' } } }),
  ])
  return counts.reduce((sum, count) => sum + count.totalDocs, 0)
}
