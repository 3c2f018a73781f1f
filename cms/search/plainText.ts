import { convertLexicalToPlaintext, type PlaintextConverters } from '@payloadcms/richtext-lexical/plaintext'
import sanitizeHtml from 'sanitize-html'

/** Longer bodies are cut: the opening of a document is what a search needs, and a tsvector is capped at 1 MB. */
export const MAX_INDEXED_BODY = 100_000

type LexicalData = Parameters<typeof convertLexicalToPlaintext>[0]['data']

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

/**
 * The words of an HTML fragment (or of Markdown/reST that may embed HTML): tags dropped with the
 * contents of script/style, a space where each tag was so that `<p>a</p><p>b</p>` stays two words.
 */
export function htmlToPlainText(html: string): string {
  const text = sanitizeHtml(html.replace(/</g, ' <'), { allowedTags: [], allowedAttributes: {} })
  // sanitize-html escapes these five on output; the index wants the characters.
  return collapseWhitespace(text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity))
}

const converters: PlaintextConverters = {
  blocks: {
    // python.org's imported HTML/Markdown/reST (collections/blocks/RawMarkupBlock).
    rawMarkup: ({ node }) => {
      const fields: Record<string, unknown> = node.fields
      return typeof fields.source === 'string' ? `\n${htmlToPlainText(fields.source)}\n` : ''
    },
  },
}

/** The text of a Lexical rich-text value (null or malformed: no text). */
export function richTextToPlainText(value: unknown): string {
  if (!isLexical(value)) return ''
  return collapseWhitespace(convertLexicalToPlaintext({ data: value, converters })).slice(0, MAX_INDEXED_BODY)
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function isLexical(value: unknown): value is LexicalData {
  if (typeof value !== 'object' || value === null || !('root' in value)) return false
  const root = value.root
  return typeof root === 'object' && root !== null && 'children' in root && Array.isArray(root.children)
}
