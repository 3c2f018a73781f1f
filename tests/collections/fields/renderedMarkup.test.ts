import { describe, expect, it } from 'vitest'

import { renderedMarkup } from '../../../collections/fields/renderedMarkup'
import { MARKUP_RULES_VERSION, MAX_MARKUP_SOURCE_BYTES, markupSourceBytes } from '../../../lib/markup/markupRules'
import { markupToHtml } from '../../../lib/markup/markupToHtml'
import { sanitizeBioHtml } from '../../../lib/markup/sanitizeBioHtml'
import { sanitizeBoxHtml } from '../../../lib/markup/sanitizeBoxHtml'
import { bioHtml, boxHtml, codeSampleCopyHtml, markdownHtml } from '../../../lib/markup/storedMarkup'

/**
 * The one factory behind every stored HTML field (collections/fields/renderedMarkup.ts), its
 * hooks called as Payload calls them, and the renderers it is given: each is the composition the
 * site's services applied before markup moved to save time.
 */
const box = renderedMarkup('boxes', [{ name: 'contentHtml', label: 'Content HTML', from: ['content', 'markupType'], source: 'markup', render: boxHtml }])
type Hook = (args: Record<string, unknown>) => unknown

describe('renderedMarkup', () => {
  it('renders from the whole document (incoming over stored), overwrites HTML a client sent, and stamps the rules', async () => {
    const data = await (box.beforeChange as unknown as Hook)({ data: { label: 'x', contentHtml: '<script>forged</script>' }, originalDoc: { content: '*hi*', markupType: 'markdown' } })
    expect(data).toEqual({ label: 'x', contentHtml: '<p><em>hi</em></p>\n', markupRulesVersion: MARKUP_RULES_VERSION })
  })

  it('refuses a source past the limit with a 400 naming the field, before validation and again before the write', async () => {
    const data = { content: 'x'.repeat(MAX_MARKUP_SOURCE_BYTES + 1), markupType: 'html' }
    for (const hook of [box.beforeValidate, box.beforeChange]) {
      expect(() => (hook as unknown as Hook)({ data })).toThrow(expect.objectContaining({ status: 400, data: expect.objectContaining({ errors: [expect.objectContaining({ path: 'content', message: expect.stringContaining('at most 1.0 MB') })] }) }))
    }
    expect((box.beforeValidate as unknown as Hook)({ data: { content: 'x'.repeat(MAX_MARKUP_SOURCE_BYTES) } })).toEqual({ content: 'x'.repeat(MAX_MARKUP_SOURCE_BYTES) })
  })

  it('counts UTF-8 bytes of text and of rich text\'s JSON', () => {
    expect(markupSourceBytes('é')).toBe(2)
    expect(markupSourceBytes({ root: { a: 'b' } })).toBe(JSON.stringify({ root: { a: 'b' } }).length)
    expect(markupSourceBytes(null)).toBe(0)
  })

  it('gives the HTML field and the stamp to the collection, and the specs to the rerender task', () => {
    expect(box.fields.map((field) => ('name' in field ? field.name : ''))).toEqual(['contentHtml', 'markupRulesVersion'])
    expect(box.custom.renderedMarkup[0]?.name).toBe('contentHtml')
  })
})

describe('the stored renderers, as the services rendered', () => {
  const hostile = '# T\n\n**b** <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))'
  it('boxes and Markdown fields: the boxes\' allowlist; blank Markdown stays blank', () => {
    expect(boxHtml(hostile, 'markdown')).toBe(sanitizeBoxHtml(markupToHtml(hostile, 'markdown')))
    expect(markdownHtml(hostile)).toBe(sanitizeBoxHtml(markupToHtml(hostile, 'markdown')))
    expect(markdownHtml('  \n')).toBe('')
    expect(markdownHtml(null)).toBe('')
  })
  it('bios: the bios\' allowlist', () => {
    expect(bioHtml(hostile)).toBe(sanitizeBioHtml(markupToHtml(hostile, 'markdown')))
    expect(bioHtml(hostile)).not.toContain('<script')
  })
  it('code sample copy: sanitised, its <h1> one level down', () => {
    expect(codeSampleCopyHtml('<h1 class="t">Title</h1><script>x</script>')).toBe('<h2 class="t">Title</h2>')
  })
})
