import { describe, expect, it } from 'vitest'

import { parseStorySubmission } from '../../../collections/SuccessStories/endpoints/parseStorySubmission'

const valid = {
  name: 'Python at Example',
  companyName: 'Example',
  companyUrl: 'https://example.org/',
  categorySlug: 'arts',
  author: 'Ada',
  authorEmail: '',
  pullQuote: 'It works.',
  content: 'We *love* it.',
}

describe('parseStorySubmission', () => {
  it('accepts a complete story and derives its slug as python.org does', () => {
    const parsed = parseStorySubmission({ ...valid, name: '  Python at Example  ' })
    expect(parsed).toEqual({ ok: true, submission: { ...valid, slug: 'python-at-example', authorEmail: null } })
  })

  it('names every missing or malformed field in words for the visitor', () => {
    const parsed = parseStorySubmission({ ...valid, name: '', companyUrl: 'javascript:alert(1)', authorEmail: 'nope', categorySlug: 'Arts!', pullQuote: 5 })
    expect(parsed).toEqual({
      ok: false,
      errors: {
        name: 'The story title is required.',
        companyUrl: 'The company website must be an http(s) address, like https://example.com/.',
        authorEmail: 'The email address does not look valid.',
        categorySlug: 'Choose a category.',
        pullQuote: 'The pull quote must be text.',
      },
    })
  })

  it('refuses bodies that are not objects and overlong fields', () => {
    expect(parseStorySubmission([])).toEqual({ ok: false, errors: { body: 'Send the story as a JSON object.' } })
    const parsed = parseStorySubmission({ ...valid, content: 'x'.repeat(20001) })
    expect(parsed.ok).toBe(false)
  })
})
