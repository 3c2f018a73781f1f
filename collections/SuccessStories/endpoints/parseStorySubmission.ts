import { slugify } from '../../fields/slugField'

/** What a visitor submits through the public form (python.org's StoryForm fields). */
export type StorySubmission = {
  name: string
  slug: string
  companyName: string
  companyUrl: string
  categorySlug: string
  author: string
  authorEmail: string | null
  pullQuote: string
  /** Markdown, as python.org's form asks for. */
  content: string
}

export type SubmissionErrors = Partial<Record<keyof StorySubmission | 'body', string>>

export type ParsedSubmission = { ok: true; submission: StorySubmission } | { ok: false; errors: SubmissionErrors }

const LIMITS = { name: 200, companyName: 500, companyUrl: 500, author: 500, authorEmail: 100, pullQuote: 2000, content: 20000 } as const
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const HTTP_URL = /^https?:\/\/[^\s/]+\.[^\s]*$/

/**
 * Checks a submission field by field and says what is wrong with each, in words a visitor
 * understands: the site shows these messages next to the form fields.
 */
export function parseStorySubmission(body: unknown): ParsedSubmission {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: { body: 'Send the story as a JSON object.' } }
  }
  const fields = body as Record<string, unknown>
  const errors: SubmissionErrors = {}
  const text = (key: keyof typeof LIMITS, label: string, required: boolean): string => {
    const raw = fields[key]
    const value = typeof raw === 'string' ? raw.trim() : ''
    if (raw !== undefined && raw !== null && typeof raw !== 'string') errors[key] = `${label} must be text.`
    else if (required && value === '') errors[key] = `${label} is required.`
    else if (value.length > LIMITS[key]) errors[key] = `${label} must be at most ${LIMITS[key]} characters.`
    return value
  }
  const name = text('name', 'The story title', true)
  const companyName = text('companyName', 'The company name', true)
  const companyUrl = text('companyUrl', 'The company website', true)
  const author = text('author', 'The author', true)
  const authorEmail = text('authorEmail', 'The email address', false)
  const pullQuote = text('pullQuote', 'The pull quote', true)
  const content = text('content', 'The story', true)
  const categorySlug = typeof fields.categorySlug === 'string' ? fields.categorySlug.trim() : ''

  if (companyUrl !== '' && !errors.companyUrl && !HTTP_URL.test(companyUrl)) {
    errors.companyUrl = 'The company website must be an http(s) address, like https://example.com/.'
  }
  if (authorEmail !== '' && !errors.authorEmail && !EMAIL.test(authorEmail)) {
    errors.authorEmail = 'The email address does not look valid.'
  }
  if (!/^[a-z0-9_-]{1,200}$/.test(categorySlug)) errors.categorySlug = 'Choose a category.'
  const slug = slugify(name)
  if (name !== '' && !errors.name && slug === '') errors.name = 'The story title needs some letters or digits.'

  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    submission: { name, slug, companyName, companyUrl, categorySlug, author, authorEmail: authorEmail || null, pullQuote, content },
  }
}
