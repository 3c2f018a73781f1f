import { readFileSync } from 'node:fs'

import sharp from 'sharp'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runJobByHand } from '../../../cms/jobs/runJobByHand'
import { MARKUP_RULES_VERSION } from '../../../lib/markup/markupRules'
import { boxHtml, markdownHtml, trustedRichTextHtml } from '../../../lib/markup/storedMarkup'
import { rawMarkupDocument } from '../../../seed/lexical/lexicalDocuments'
import { createTestPayload } from '../../support/testPayload'

/**
 * Markup is rendered when it is saved (issue 16): the HTML fields beside every source are filled
 * by the collections' one hook, on publishes, partial updates and drafts alike, exactly as the
 * renderer used to render them; oversized sources are a 400 with nothing written; and the
 * rerenderMarkup task renders again what older rules left.
 */
const restSource = readFileSync(new URL('../../fixtures/markup/restPage.rst', import.meta.url), 'utf8')
// The old renderer's output for that page (web/src/rendering at 72747ed, before the move).
const restHtml = readFileSync(new URL('../../fixtures/markup/restPage.html', import.meta.url), 'utf8')

describe('markup rendered when saved', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await createTestPayload('rendered_markup')
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('stores a reST page\'s HTML as the old renderer showed it, stamped with the rules version', async () => {
    const page = await payload.create({ collection: 'pages', data: { title: 'Conferences', path: '/community/rest-conferences/', content: rawMarkupDocument(restSource, 'restructuredtext'), _status: 'published' } as never })
    expect(page.contentHtml).toBe(restHtml)
    expect(page.contentHtml).toBe(trustedRichTextHtml(page.content))
    expect(page.markupRulesVersion).toBe(MARKUP_RULES_VERSION)
  })

  it('keeps the HTML of a partial update rendered from the stored source, ignoring HTML a client sends', async () => {
    const box = await payload.create({ collection: 'boxes', data: { label: 'rendered-box', markupType: 'markdown', content: '**Bold** <script>alert(1)</script>' } })
    expect(box.contentHtml).toBe(boxHtml('**Bold** <script>alert(1)</script>', 'markdown'))
    expect(box.contentHtml).toContain('<strong>Bold</strong>')
    expect(box.contentHtml).not.toContain('<script')
    const renamed = await payload.update({ collection: 'boxes', id: box.id, data: { label: 'rendered-box-2', contentHtml: '<script>forged</script>' } as never })
    expect(renamed.contentHtml).toBe(box.contentHtml)
  })

  it('renders a draft into its version, leaving the published HTML as it was', async () => {
    const page = await payload.create({ collection: 'pages', data: { title: 'Draft test', path: '/about/draft-markup/', content: rawMarkupDocument('Published *text*', 'markdown'), _status: 'published' } as never })
    await payload.update({ collection: 'pages', id: page.id, draft: true, data: { content: rawMarkupDocument('Draft *text*', 'markdown') } as never })
    const draft = await payload.findByID({ collection: 'pages', id: page.id, draft: true })
    expect(draft.contentHtml).toBe('<p>Draft <em>text</em></p>\n')
    const published = await payload.findByID({ collection: 'pages', id: page.id, draft: false })
    expect(published.contentHtml).toBe('<p>Published <em>text</em></p>\n')
  })

  it('renders an image placed in rich text, which the stored source holds as a bare upload id', async () => {
    const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#306998' } }).png().toBuffer()
    const media = await payload.create({ collection: 'media', data: { alt: 'Blue square' }, file: { data, mimetype: 'image/png', name: 'blue-square.png', size: data.length } })
    const upload = { type: 'upload', version: 3, format: '', fields: {}, relationTo: 'media', value: media.id }
    const content = { root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: [upload, { ...upload, value: 999_999 }] } }
    const story = await payload.create({ collection: 'pages', data: { title: 'Rich text image', path: '/about/rich-text-image/', content, _status: 'published' } as never })
    expect(story.contentHtml).toContain(`alt="Blue square"`)
    expect(story.contentHtml).toContain(`src="${String(media.url)}"`)
    // The source keeps the id: only the HTML is rendered from the populated copy.
    const stored = await payload.findByID({ collection: 'pages', id: story.id, depth: 0 })
    expect((stored.content as unknown as { root: { children: { value: unknown }[] } }).root.children[0]?.value).toBe(media.id)
    // An upload that does not exist (deleted, or an id made up) renders as nothing.
    const alone = await payload.create({
      collection: 'pages',
      data: { title: 'Rich text image alone', path: '/about/rich-text-image-alone/', content: { root: { ...content.root, children: [upload] } }, _status: 'published' } as never,
    })
    expect(story.contentHtml).toBe(alone.contentHtml)
  })

  it('refuses a source past the size limit with a 400 naming the field, and writes nothing', async () => {
    const huge = 'word '.repeat(250_000)
    const attempt = payload.create({ collection: 'boxes', data: { label: 'huge-box', markupType: 'restructuredtext', content: huge } })
    await expect(attempt).rejects.toMatchObject({ status: 400, data: { errors: [{ path: 'content', message: expect.stringContaining('at most 1.0 MB can be saved') }] } })
    expect((await payload.count({ collection: 'boxes', where: { label: { equals: 'huge-box' } } })).totalDocs).toBe(0)
    const page = await payload.create({ collection: 'pages', data: { title: 'Small', path: '/about/small/', content: rawMarkupDocument('small'), _status: 'published' } as never })
    await expect(payload.update({ collection: 'pages', id: page.id, draft: true, data: { content: rawMarkupDocument(huge.repeat(2)) } as never })).rejects.toMatchObject({ status: 400 })
    expect((await payload.findByID({ collection: 'pages', id: page.id, draft: true })).contentHtml).toContain('small')
  })

  it('renders documents and versions with a stale stamp again (the rerenderMarkup task)', async () => {
    const job = await payload.create({
      collection: 'elections',
      data: { name: 'Board 2031', slug: 'board-2031', date: '2031-06-01T12:00:00.000Z', description: 'Vote *early*.' } as never,
    })
    const page = await payload.create({ collection: 'pages', data: { title: 'Stale', path: '/about/stale/', content: rawMarkupDocument('Stale *page*', 'markdown'), _status: 'published' } as never })
    // As the migration leaves them (no HTML, no stamp), and as older rules leave them.
    await payload.db.updateOne({ collection: 'elections', id: job.id, data: { descriptionHtml: null, markupRulesVersion: null } })
    await payload.db.updateOne({ collection: 'pages', id: page.id, data: { contentHtml: 'old rules', markupRulesVersion: MARKUP_RULES_VERSION - 1 } })
    const versions = await payload.db.findVersions({ collection: 'pages', where: { parent: { equals: page.id } }, limit: 1, pagination: false, sort: '-updatedAt' })
    const version = versions.docs[0] as unknown as { id: number; version: Record<string, unknown> }
    await payload.db.updateVersion({ collection: 'pages', id: String(version.id), versionData: { ...version, version: { ...version.version, contentHtml: 'old rules', markupRulesVersion: 0 } } as never })

    const result = await runJobByHand(payload, 'rerenderMarkup')
    expect(result.state).toBe('succeeded')
    expect((result as { output: { documents: number; versions: number } }).output).toMatchObject({ documents: expect.any(Number), versions: expect.any(Number) })
    const { documents, versions: versionCount } = (result as { output: { documents: number; versions: number } }).output
    expect(documents).toBeGreaterThanOrEqual(2)
    expect(versionCount).toBeGreaterThanOrEqual(1)

    const election = await payload.findByID({ collection: 'elections', id: job.id })
    expect(election.descriptionHtml).toBe(markdownHtml('Vote *early*.'))
    expect(election.markupRulesVersion).toBe(MARKUP_RULES_VERSION)
    expect(election.name).toBe('Board 2031')
    const rendered = await payload.findByID({ collection: 'pages', id: page.id, draft: true })
    expect(rendered.contentHtml).toBe('<p>Stale <em>page</em></p>\n')
    expect(rendered.title).toBe('Stale')
    expect((await payload.findByID({ collection: 'pages', id: page.id })).contentHtml).toBe('<p>Stale <em>page</em></p>\n')
    // Nothing is stale any more: a second run renders nothing.
    const again = await runJobByHand(payload, 'rerenderMarkup')
    expect((again as { output: unknown }).output).toEqual({ documents: 0, versions: 0 })
  })
})
