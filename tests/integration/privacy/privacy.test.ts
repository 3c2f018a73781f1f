/**
 * Issue 18, "Privacy and integrity", through Payload's own REST routing (handleEndpoints, as the
 * Next.js route serves it) and its GraphQL route, on a real Postgres: visitors' email addresses on
 * success stories and calendar feed URLs are staff only (read, select, where and sort); images
 * used only by drafts are not listed or served to the public; the generated download boxes are
 * written by the regeneration only; a submission under the title of a story in moderation is
 * answered like any other. Prints `privacy: N checks, M failed` for `npm run test:security`.
 */
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { createLocalReq, handleEndpoints, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../../../collections/access/roles'
import { submitStoryEndpoint } from '../../../collections/SuccessStories/endpoints/submitStory'
import { TEST_PASSWORD, tinyPng } from '../../support/accessFixtures'
import { createRoleUsers } from '../../support/accessUsers'
import { createCheckCounter } from '../../support/checkCounter'
import { createTestPayload } from '../../support/testPayload'

const { checks, check } = createCheckCounter()
const SECRET_EMAIL = 'visitor-secret@example.org'
const FEED_URL = 'https://calendar.google.com/calendar/ical/private-0123456789abcdef/basic.ics'

let payload: Payload
let tokens: Record<Role, string>
let storyId: number
let categoryId: number

type Answer = { status: number; body: Record<string, unknown> }

async function rest(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Answer> {
  const headers = new Headers(options.body === undefined ? {} : { 'content-type': 'application/json' })
  if (options.token) headers.set('authorization', `JWT ${options.token}`)
  const request = new Request(`http://localhost${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
  const response = await handleEndpoints({ config: payload.config, request })
  return { status: response.status, body: ((await response.json().catch(() => ({}))) ?? {}) as Record<string, unknown> }
}

async function graphql(query: string, token?: string): Promise<{ data: Record<string, unknown> | null; errors: { message: string; extensions?: { statusCode?: number } }[] }> {
  const headers = new Headers({ 'content-type': 'application/json' })
  if (token) headers.set('authorization', `JWT ${token}`)
  const response = await GRAPHQL_POST(Promise.resolve(payload.config))(new Request('http://localhost/api/graphql', { method: 'POST', headers, body: JSON.stringify({ query }) }))
  const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { statusCode?: number } }[] }
  return { data: body.data ?? null, errors: body.errors ?? [] }
}

const docsOf = (answer: Answer) => (answer.body.docs ?? []) as Record<string, unknown>[]

beforeAll(async () => {
  payload = await createTestPayload('privacy')
  const users = await createRoleUsers(payload, 'privacy')
  const signIn = async (role: Role) => (await payload.login({ collection: 'users', data: { email: users[role].email, password: TEST_PASSWORD } })).token ?? ''
  tokens = { admin: await signIn('admin'), editor: await signIn('editor'), 'release-manager': await signIn('release-manager'), moderator: await signIn('moderator'), 'jobs-moderator': await signIn('jobs-moderator'), 'psf-staff': await signIn('psf-staff'), 'sponsors-manager': await signIn('sponsors-manager') }
  categoryId = (await payload.create({ collection: 'story-categories', data: { name: 'Privacy', slug: 'privacy' }, overrideAccess: true })).id
  storyId = (
    await payload.create({
      collection: 'success-stories',
      data: { name: 'Public story', companyName: 'Example', companyUrl: 'https://example.org/', author: 'A. Visitor', authorEmail: SECRET_EMAIL, pullQuote: 'Q', category: categoryId, _status: 'published' },
      overrideAccess: true,
    })
  ).id
  await payload.create({ collection: 'calendars', data: { name: 'Private feed', slug: 'private-feed', url: FEED_URL }, overrideAccess: true })
})

afterAll(async () => {
  console.log(`privacy: ${checks.run} checks, ${checks.failed} failed`)
  await payload?.destroy()
})

describe("a visitor's email address on a success story", () => {
  it('is not in anonymous REST reads, with or without select', async () => {
    await check('REST list hides authorEmail', async () => {
      const answer = await rest('GET', '/api/success-stories')
      expect(answer.status).toBe(200)
      expect(docsOf(answer).map((doc) => doc.id)).toContain(storyId)
      expect(JSON.stringify(answer.body)).not.toContain(SECRET_EMAIL)
    })
    await check('REST select[authorEmail] hides it', async () => {
      const answer = await rest('GET', '/api/success-stories?select[authorEmail]=true')
      expect(answer.status).toBe(200)
      expect(JSON.stringify(answer.body)).not.toContain(SECRET_EMAIL)
    })
    await check('REST by id hides it', async () => {
      const answer = await rest('GET', `/api/success-stories/${storyId}`)
      expect(answer.status).toBe(200)
      expect(answer.body.authorEmail).toBeUndefined()
    })
  })

  it('cannot be found out through where or sort', async () => {
    await check('REST where[authorEmail] is refused', async () => {
      const answer = await rest('GET', `/api/success-stories?where[authorEmail][like]=visitor-secret`)
      // Payload refuses a query on a field the caller may not read; either way nothing matches.
      expect(answer.status === 400 || answer.status === 403 || (answer.status === 200 && docsOf(answer).length === 0), JSON.stringify(answer)).toBe(true)
    })
    await check('REST sort by authorEmail tells nothing', async () => {
      for (const [name, email] of [['Sort A', 'aaa@example.org'], ['Sort Z', 'zzz@example.org']]) {
        await payload.create({ collection: 'success-stories', data: { name, companyName: 'E', companyUrl: 'https://example.org/', author: 'S', authorEmail: email, pullQuote: 'Q', category: categoryId, _status: 'published' }, overrideAccess: true })
      }
      const order = async (sort: string) => {
        const answer = await rest('GET', `/api/success-stories?sort=${sort}&where[name][like]=Sort&depth=0`)
        return answer.status === 200 ? docsOf(answer).map((doc) => doc.name) : answer.status
      }
      const up = await order('authorEmail')
      const down = await order('-authorEmail')
      // Refused, or ordered the same either way: the order must not follow the hidden addresses.
      expect(typeof up === 'number' ? up : JSON.stringify(up) === JSON.stringify(down), JSON.stringify({ up, down })).toBe(typeof up === 'number' ? 400 : true)
    })
    await check('GraphQL where on authorEmail finds nothing', async () => {
      const answer = await graphql(`{ SuccessStories(where: { authorEmail: { like: "visitor-secret" } }) { docs { id } } }`)
      const docs = ((answer.data?.SuccessStories as { docs?: unknown[] } | null)?.docs ?? []) as unknown[]
      expect(docs).toEqual([])
    })
  })

  it('is not in anonymous GraphQL answers', async () => {
    await check('GraphQL authorEmail is null', async () => {
      const answer = await graphql(`{ SuccessStories { docs { id authorEmail } } }`)
      expect(JSON.stringify(answer)).not.toContain(SECRET_EMAIL)
      expect((answer.data?.SuccessStories as { docs: unknown[] }).docs.length).toBeGreaterThan(0)
    })
  })

  it('is read by staff', async () => {
    await check('staff read authorEmail', async () => {
      for (const role of ['editor', 'moderator', 'release-manager', 'admin'] as const) {
        const answer = await rest('GET', `/api/success-stories/${storyId}`, { token: tokens[role] })
        expect(answer.body.authorEmail, role).toBe(SECRET_EMAIL)
      }
      const answer = await graphql(`{ SuccessStory(id: ${storyId}) { authorEmail } }`, tokens.moderator)
      expect(JSON.stringify(answer.data)).toContain(SECRET_EMAIL)
    })
  })
})

describe("a calendar's feed URL", () => {
  it('is staff only in REST and GraphQL', async () => {
    await check('REST calendars hide url', async () => {
      const answer = await rest('GET', '/api/calendars?select[url]=true')
      expect(answer.status).toBe(200)
      expect(docsOf(answer).length).toBeGreaterThan(0)
      expect(JSON.stringify(answer.body)).not.toContain('private-0123456789abcdef')
    })
    await check('GraphQL calendars hide url', async () => {
      expect(JSON.stringify(await graphql(`{ Calendars { docs { slug url } } }`))).not.toContain('private-0123456789abcdef')
    })
    await check('REST where[url] finds nothing', async () => {
      const answer = await rest('GET', '/api/calendars?where[url][like]=private-0123')
      expect(answer.status === 400 || answer.status === 403 || (answer.status === 200 && docsOf(answer).length === 0), JSON.stringify(answer)).toBe(true)
    })
    await check('editors read the feed URL', async () => {
      const answer = await rest('GET', '/api/calendars?where[slug][equals]=private-feed', { token: tokens.editor })
      expect(docsOf(answer)[0]?.url).toBe(FEED_URL)
    })
  })
})

describe('images used only by drafts', () => {
  const upload = async (alt: string): Promise<number> => {
    const png = await tinyPng()
    const doc = await payload.create({ collection: 'media', data: { alt }, file: { data: png, mimetype: 'image/png', name: `${alt.replace(/\W/g, '-')}.png`, size: png.length }, overrideAccess: true })
    return doc.id
  }
  const uploadNode = (id: number) => ({
    root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [{ type: 'upload', version: 3, format: '', relationTo: 'media', value: id, fields: {} }] },
  })

  it('are neither listed nor readable by visitors until published content shows them', async () => {
    const draftOnly = await upload('draft page image')
    const published = await upload('published page image')
    const storyImage = await upload('story image')
    await payload.create({ collection: 'pages', data: { title: 'Draft', path: '/privacy/draft/', content: uploadNode(draftOnly) as never, _status: 'draft' }, draft: true, overrideAccess: true })
    const page = await payload.create({ collection: 'pages', data: { title: 'Live', path: '/privacy/live/', _status: 'published' }, overrideAccess: true })
    // A draft of a published page that adds the image does not publish it either.
    await payload.update({ collection: 'pages', id: page.id, data: { content: uploadNode(published) as never }, draft: true, overrideAccess: true })
    await check('draft images are not listed', async () => {
      const ids = docsOf(await rest('GET', '/api/media?limit=100')).map((doc) => doc.id)
      expect(ids).not.toContain(draftOnly)
      expect(ids).not.toContain(published)
    })
    await check('a draft image is not readable by id', async () => {
      expect([403, 404]).toContain((await rest('GET', `/api/media/${draftOnly}`)).status)
    })
    await check("a draft image's file is not served", async () => {
      const { filename } = await payload.findByID({ collection: 'media', id: draftOnly, overrideAccess: true })
      const response = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost/api/media/file/${filename ?? ''}`) })
      expect([403, 404]).toContain(response.status)
      const staff = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost/api/media/file/${filename ?? ''}`, { headers: { authorization: `JWT ${tokens.editor}` } }) })
      expect(staff.status).toBe(200)
    })
    await check('staff list draft images', async () => {
      const ids = docsOf(await rest('GET', '/api/media?limit=100', { token: tokens.editor })).map((doc) => doc.id)
      expect(ids).toEqual(expect.arrayContaining([draftOnly, published]))
    })

    // Publishing the page and a story with an image makes those two public, not the draft's.
    await payload.update({ collection: 'pages', id: page.id, data: { content: uploadNode(published) as never, _status: 'published' }, overrideAccess: true })
    await payload.update({ collection: 'success-stories', id: storyId, data: { image: storyImage, _status: 'published' }, overrideAccess: true })
    await check('published images are listed', async () => {
      const ids = docsOf(await rest('GET', '/api/media?limit=100')).map((doc) => doc.id)
      expect(ids).toEqual(expect.arrayContaining([published, storyImage]))
      expect(ids).not.toContain(draftOnly)
    })
    await check('an editor cannot mark an image published', async () => {
      const answer = await rest('PATCH', `/api/media/${draftOnly}`, { token: tokens.editor, body: { usedInPublishedContent: true } })
      expect(answer.status).toBe(200)
      expect((await payload.findByID({ collection: 'media', id: draftOnly, overrideAccess: true })).usedInPublishedContent).toBe(false)
    })
  })
})

describe('the generated download boxes', () => {
  it('are written by the regeneration only, not by an editor or admin through REST or GraphQL', async () => {
    const box = await payload.create({ collection: 'boxes', data: { label: 'download-sources', content: '<p>generated</p>', markupType: 'html', generated: true }, overrideAccess: true })
    const plain = await payload.create({ collection: 'boxes', data: { label: 'privacy-plain', content: '<p>plain</p>', markupType: 'html' }, overrideAccess: true })
    const content = async () => (await payload.findByID({ collection: 'boxes', id: box.id, overrideAccess: true })).content

    for (const role of ['editor', 'admin'] as const) {
      await check(`REST PATCH of a generated box by ${role} is 403`, async () => {
        const answer = await rest('PATCH', `/api/boxes/${box.id}`, { token: tokens[role], body: { content: '<a href="https://evil.example/">Download</a>' } })
        expect(answer.status).toBe(403)
        expect(await content()).toBe('<p>generated</p>')
      })
      await check(`REST PATCH un-marking a generated box by ${role} is 403`, async () => {
        expect((await rest('PATCH', `/api/boxes/${box.id}`, { token: tokens[role], body: { generated: false } })).status).toBe(403)
      })
      await check(`REST DELETE of a generated box by ${role} is 403`, async () => {
        expect((await rest('DELETE', `/api/boxes/${box.id}`, { token: tokens[role] })).status).toBe(403)
      })
      await check(`GraphQL update of a generated box by ${role} is refused`, async () => {
        const answer = await graphql(`mutation { updateBox(id: ${box.id}, data: { content: "<p>evil</p>" }) { id } }`, tokens[role])
        expect(answer.errors.map((error) => error.extensions?.statusCode)).toContain(403)
        expect(await content()).toBe('<p>generated</p>')
      })
    }
    await check('a bulk REST PATCH leaves the generated box alone', async () => {
      await rest('PATCH', `/api/boxes?where[label][in]=download-sources,privacy-plain`, { token: tokens.editor, body: { content: '<p>bulk</p>' } })
      expect(await content()).toBe('<p>generated</p>')
    })
    await check('an editor still edits other boxes, and cannot mark one generated', async () => {
      const answer = await rest('PATCH', `/api/boxes/${plain.id}`, { token: tokens.editor, body: { content: '<p>edited</p>', generated: true } })
      expect(answer.status).toBe(200)
      const stored = await payload.findByID({ collection: 'boxes', id: plain.id, overrideAccess: true })
      expect(stored.content).toBe('<p>edited</p>')
      expect(stored.generated).toBe(false)
    })
  })
})

describe('absolute links of the legacy v2 API', () => {
  it('do not take the host from a client X-Forwarded-Host', async () => {
    await payload.create({ collection: 'operating-systems', data: { name: 'Windows', slug: 'windows' }, overrideAccess: true })
    await check('v2 links ignore X-Forwarded-Host without the CMS server and TRUST_PROXY', async () => {
      const request = new Request('http://cms.python.test/api/v2/downloads/os/', { headers: { host: 'cms.python.test', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' } })
      const response = await handleEndpoints({ config: payload.config, request })
      const text = await response.text()
      expect(response.status, text).toBe(200)
      expect(text).toContain('http://cms.python.test/api/v2/downloads/os/')
      expect(text).not.toContain('evil.example')
    })
  })
})

describe('a submission under the title of a story in moderation', () => {
  const submit = async (name: string): Promise<Response> => {
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    const body = { name, companyName: 'Example', companyUrl: 'https://example.org/', author: 'B', pullQuote: 'Q', content: 'C', categorySlug: 'privacy' }
    req.json = () => Promise.resolve(body)
    return submitStoryEndpoint.handler(req)
  }

  it('is answered like any other submission (no 409 oracle); a published title is still a 409', async () => {
    const first = await submit('Story under review')
    expect(first.status).toBe(201)
    await check('same title as a draft: 201 with the usual message', async () => {
      const second = await submit('Story under review')
      expect(second.status).toBe(201)
      expect(((await second.json()) as { message: string }).message).toBe(((await first.json()) as { message: string }).message)
      const drafts = await payload.find({ collection: 'success-stories', where: { name: { equals: 'Story under review' } }, overrideAccess: true })
      expect(drafts.totalDocs).toBe(2)
      expect(new Set(drafts.docs.map((doc) => doc.slug)).size).toBe(2)
    })
    await check('same title as a published story: 409', async () => {
      expect((await submit('Public story')).status).toBe(409)
    })
  })
})
