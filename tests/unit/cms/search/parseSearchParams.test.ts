import { describe, expect, it } from 'vitest'

import { parseSearchParams } from '../../../../cms/search/parseSearchParams'

const parse = (query: string) => parseSearchParams(new URLSearchParams(query))

describe('parseSearchParams', () => {
  it('reads q, type and page, trimming q; an empty type or page counts as absent', () => {
    expect(parse('q=+pyhton+relase+&type=releases&page=2')).toEqual({ ok: true, query: { text: 'pyhton relase', type: 'releases', page: 2, pageSize: 20 } })
    expect(parse('q=python&type=&page=')).toEqual({ ok: true, query: { text: 'python', type: null, page: 1, pageSize: 20 } })
    expect(parse(`q=${'a'.repeat(200)}&page=50`)).toMatchObject({ ok: true, query: { page: 50 } })
    expect(parse('q=py%00thon%1Brelease')).toMatchObject({ ok: true, query: { text: 'py thon release' } })
  })

  it.each([
    ['q=', 'Give the words to search for in q, like ?q=python+release.'],
    // The fuzz found this one: a NUL reached Postgres and the search answered 500.
    ['q=%05%00%04%1B&limit=-5', 'Give the words to search for in q, like ?q=python+release.'],
    ['type=pages', 'Give the words to search for in q, like ?q=python+release.'],
    ['q=a&type=pages&type=events', 'Give type once.'],
    ['q=a&page=1&page=2', 'Give page once.'],
    ['q=a&type=Pages', 'type must be one of pages, releases, events, success-stories, minutes, jobs; got "Pages".'],
    ['q=a&page=1.5', 'page must be a whole number from 1 to 50; got "1.5".'],
    ['q=a&page=1000', 'page must be a whole number from 1 to 50; got "1000".'],
    ['q=a&page=%201', 'page must be a whole number from 1 to 50; got " 1".'],
  ])('refuses ?%s', (query, message) => {
    expect(parse(query)).toEqual({ ok: false, message })
  })
})
