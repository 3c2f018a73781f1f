/**
 * Generated Lexical documents, as the CMS's editor stores them: paragraphs, headings, quotes,
 * nested lists, links and raw-markup blocks (HTML, Markdown, reStructuredText), filled with
 * hostile text and markup. Only node types the editor knows, so most documents are saved and
 * rendered rather than refused.
 */
import fc from 'fast-check'

import { hostileMarkup, hostileString, hostileUrl } from './hostileContent'

type LexicalNode = Record<string, unknown>

const FORMATS = [0, 1, 2, 3, 8, 16, 31, 127] as const

/**
 * Rich text is stored as jsonb, which refuses lone surrogates and NUL (a 400 through the API):
 * mostly well-formed text, so that documents are saved and rendered, sometimes not.
 */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').split('\u0000').join('')
const richText = fc.oneof({ weight: 9, arbitrary: hostileString(2_000).map(wellFormed) }, { weight: 1, arbitrary: hostileString(2_000) })

const textNode: fc.Arbitrary<LexicalNode> = fc
  .tuple(richText, fc.constantFrom(...FORMATS))
  .map(([text, format]) => ({ type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' }))

const element = (type: string, children: LexicalNode[], extra: Record<string, unknown> = {}): LexicalNode => ({ type, version: 1, format: '', indent: 0, direction: 'ltr', children, ...extra })

const linkNode: fc.Arbitrary<LexicalNode> = fc
  .tuple(hostileUrl, fc.boolean(), textNode)
  .map(([url, newTab, text]) => ({ ...element('link', [text]), version: 3, fields: { url, newTab, linkType: 'custom' } }))

const inline: fc.Arbitrary<LexicalNode> = fc.oneof({ weight: 4, arbitrary: textNode }, { weight: 1, arbitrary: linkNode }, { weight: 1, arbitrary: fc.constant({ type: 'linebreak', version: 1 }) })

const paragraph = fc.array(inline, { maxLength: 6 }).map((children) => ({ ...element('paragraph', children), textFormat: 0, textStyle: '' }))

const heading = fc.tuple(fc.constantFrom('h1', 'h2', 'h3', 'h4', 'h5', 'h6'), fc.array(textNode, { minLength: 1, maxLength: 3 })).map(([tag, children]) => element('heading', children, { tag }))

const quote = fc.array(textNode, { maxLength: 3 }).map((children) => element('quote', children))

/**
 * A list nested `depth` levels (a list item holding a list), as the editor's indent makes it;
 * the CMS refuses documents nested past 100 levels (cms/requestGuards/), some 24 list levels.
 */
const nestedList = fc.tuple(fc.integer({ min: 1, max: 26 }), fc.constantFrom('bullet', 'number', 'check'), textNode).map(([depth, listType, text]) => {
  const tag = listType === 'number' ? 'ol' : 'ul'
  let list: LexicalNode = element('list', [element('listitem', [text], { value: 1 })], { listType, tag, start: 1 })
  for (let level = 1; level < depth; level += 1) list = element('list', [element('listitem', [list], { value: 1 })], { listType, tag, start: 1 })
  return list
})

let blockCounter = 0

const rawMarkupBlock = fc
  .constantFrom('html', 'markdown', 'restructuredtext')
  .chain((markupType) => hostileMarkup(markupType).map((source) => ({ markupType, source })))
  .map(({ markupType, source }) => {
    blockCounter += 1
    return { type: 'block', version: 2, format: '', fields: { id: `fuzz${String(blockCounter).padStart(20, '0')}`, blockName: '', blockType: 'rawMarkup', markupType, source } }
  })

/** A Lexical rich-text value; `marker` goes in its first paragraph so a test can find the rendered document. */
export const hostileLexical: fc.Arbitrary<LexicalNode> = fc
  .array(fc.oneof({ weight: 3, arbitrary: paragraph }, { weight: 1, arbitrary: heading }, { weight: 1, arbitrary: quote }, { weight: 1, arbitrary: nestedList }, { weight: 2, arbitrary: rawMarkupBlock }), { minLength: 1, maxLength: 8 })
  .map((children) => ({ root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children } }))
