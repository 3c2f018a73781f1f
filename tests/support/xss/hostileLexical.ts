import { HTML_PAYLOADS, MARKDOWN_PAYLOADS, RESTRUCTUREDTEXT_PAYLOADS, TEXT_PAYLOADS } from './xssPayloads'

type Node = Record<string, unknown>

const text = (value: string): Node => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' })
const paragraph = (children: Node[]): Node => ({ type: 'paragraph', version: 1, format: '', indent: 0, direction: 'ltr', textFormat: 0, textStyle: '', children })
const rawBlock = (markupType: string, source: string, index: number): Node => ({
  type: 'block',
  version: 2,
  format: '',
  fields: { id: `${markupType.slice(0, 4)}${String(index).padStart(20, '0')}`, blockName: '', blockType: 'rawMarkup', markupType, source },
})
const link = (url: string): Node => ({
  type: 'link',
  version: 3,
  format: '',
  indent: 0,
  direction: 'ltr',
  fields: { url, newTab: false, linkType: 'custom' },
  children: [text('a link')],
})

/**
 * A Lexical document carrying every payload: text nodes, the given links, and one raw-markup
 * block per HTML, Markdown and reStructuredText payload, plus a marker paragraph to prove it
 * rendered.
 */
export function hostileLexical(marker: string, options: { links: false | readonly string[] }): Node {
  const children: Node[] = [
    paragraph([text(marker)]),
    ...TEXT_PAYLOADS.map((payload) => paragraph([text(payload)])),
    ...(options.links ? [paragraph(options.links.map(link))] : []),
    ...HTML_PAYLOADS.map((payload, index) => rawBlock('html', payload, index)),
    ...MARKDOWN_PAYLOADS.map((payload, index) => rawBlock('markdown', payload, index)),
    ...RESTRUCTUREDTEXT_PAYLOADS.map((payload, index) => rawBlock('restructuredtext', payload, index)),
  ]
  return { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children } }
}
