import { randomBytes } from 'node:crypto'

import { commitTransaction, initTransaction, killTransaction, type Endpoint, type PayloadRequest } from 'payload'

import { notifyModeratorsOfStory } from './notifyModerators'
import { parseStorySubmission, type SubmissionErrors } from './parseStorySubmission'

const noStore = { 'Cache-Control': 'no-store' }

function rejected(status: number, errors: SubmissionErrors): Response {
  return Response.json({ errors }, { status, headers: noStore })
}

async function readJson(req: PayloadRequest): Promise<{ ok: true; body: unknown } | { ok: false }> {
  try {
    return { ok: true, body: typeof req.json === 'function' ? await req.json() : undefined }
  } catch {
    return { ok: false }
  }
}

/**
 * `POST /api/success-stories/submit`: the public submission form's back end (python.org's
 * `/success-stories/create/`). Visitors may not create stories through the collection, so
 * this endpoint creates the story on their behalf, always as an unpublished draft for the
 * moderators (overrideAccess with a fixed `_status: 'draft'`, and none of the moderator-only
 * fields such as `featured`). The site in front of it adds the CSRF token, the honeypot and the
 * rate limit; this end checks every field again, because anyone can reach it directly.
 */
export const submitStoryEndpoint: Endpoint = {
  path: '/submit',
  method: 'post',
  handler: async (req) => {
    const json = await readJson(req)
    if (!json.ok) return rejected(400, { body: 'The request body is not valid JSON.' })
    const parsed = parseStorySubmission(json.body)
    if (!parsed.ok) return rejected(400, parsed.errors)
    const story = parsed.submission

    const category = await req.payload.find({
      collection: 'story-categories',
      where: { slug: { equals: story.categorySlug } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const categoryId = category.docs[0]?.id
    if (categoryId === undefined) return rejected(400, { categorySlug: 'Choose one of the listed categories.' })

    // A published story's title is public, so a clash with one is a 409 the visitor can act on.
    // A clash with an unpublished story must not tell anyone it exists (issue 18: the 409 was an
    // oracle for titles in moderation): the submission is taken as any other, under a slug of its own.
    const existing = await req.payload.find({
      collection: 'success-stories',
      where: { slug: { equals: story.slug } },
      limit: 1,
      depth: 0,
      // The stored document, not its newest draft: `_status` says whether it was ever published.
      overrideAccess: true,
      select: { _status: true },
    })
    const clash = existing.docs[0]
    if (clash?._status === 'published') return rejected(409, { name: 'Please use a unique name: a story with this title exists.' })
    const slug = clash === undefined ? story.slug : `${story.slug.slice(0, 180)}-${randomBytes(4).toString('hex')}`

    // The story and the moderators' messages commit together (the mail job runs after the commit).
    const created = await inOneTransaction(req, async () => {
      const draft = await req.payload.create({
        req,
        collection: 'success-stories',
        draft: true,
        overrideAccess: true,
        depth: 0,
        data: {
          name: story.name,
          slug,
          companyName: story.companyName,
          companyUrl: story.companyUrl,
          author: story.author,
          authorEmail: story.authorEmail,
          pullQuote: story.pullQuote,
          category: categoryId,
          featured: false,
          content: markdownDocument(story.content),
          _status: 'draft',
        },
      })
      await notifyModeratorsOfStory(req, { id: draft.id, name: story.name, author: story.author })
      return draft
    })
    return Response.json(
      { id: created.id, message: 'Thank you: your story will be reviewed by the PSF staff and published.' },
      { status: 201, headers: noStore },
    )
  },
}

/** The visitor's Markdown, kept as written in a raw-markup block (as imported stories are). */
function markdownDocument(source: string) {
  return {
    root: {
      type: 'root',
      format: '' as const,
      indent: 0,
      version: 1,
      direction: 'ltr' as const,
      children: [{ type: 'block', version: 2, format: '', fields: { blockName: '', blockType: 'rawMarkup', markupType: 'markdown', source } }],
    },
  }
}

/** Runs `work` in the request's transaction, committing it if this call began it. */
async function inOneTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const ownTransaction = await initTransaction(req)
  try {
    const result = await work()
    if (ownTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}
