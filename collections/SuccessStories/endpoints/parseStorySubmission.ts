import { z } from 'zod'

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

/** A text field: trimmed; not text, missing when required, or too long is its one error. */
function storyText(key: keyof typeof LIMITS, label: string, required: boolean) {
  return z
    .unknown()
    .optional()
    .refine((raw) => raw === undefined || raw === null || typeof raw === 'string', { error: `${label} must be text.`, abort: true })
    .transform((raw) => (typeof raw === 'string' ? raw.trim() : ''))
    .pipe(
      z
        .string()
        .refine((value) => !required || value !== '', { error: `${label} is required.`, abort: true })
        .max(LIMITS[key], { error: `${label} must be at most ${LIMITS[key]} characters.` }),
    )
}

const submissionSchema = z.object({
  name: storyText('name', 'The story title', true).pipe(
    z.string().refine((name) => name === '' || slugify(name) !== '', { error: 'The story title needs some letters or digits.' }),
  ),
  companyName: storyText('companyName', 'The company name', true),
  companyUrl: storyText('companyUrl', 'The company website', true).pipe(
    z.string().refine((url) => url === '' || HTTP_URL.test(url), { error: 'The company website must be an http(s) address, like https://example.com/.' }),
  ),
  author: storyText('author', 'The author', true),
  authorEmail: storyText('authorEmail', 'The email address', false).pipe(
    z.string().refine((email) => email === '' || EMAIL.test(email), { error: 'The email address does not look valid.' }),
  ),
  pullQuote: storyText('pullQuote', 'The pull quote', true),
  content: storyText('content', 'The story', true),
  categorySlug: z
    .unknown()
    .optional()
    .transform((raw) => (typeof raw === 'string' ? raw.trim() : ''))
    .pipe(z.string().regex(/^[a-z0-9_-]{1,200}$/, { error: 'Choose a category.' })),
})

/**
 * Checks a submission field by field and says what is wrong with each, in words a visitor
 * understands: the site shows these messages next to the form fields.
 */
export function parseStorySubmission(body: unknown): ParsedSubmission {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: { body: 'Send the story as a JSON object.' } }
  }
  const parsed = submissionSchema.safeParse(body)
  if (!parsed.success) {
    const errors: SubmissionErrors = {}
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof SubmissionErrors
      errors[key] ??= issue.message
    }
    return { ok: false, errors }
  }
  const { name, authorEmail, ...submission } = parsed.data
  return { ok: true, submission: { ...submission, name, slug: slugify(name), authorEmail: authorEmail || null } }
}
