import { createHash } from 'node:crypto'

/** A Lexical editor state as Payload stores it in a richText field. */
export type LexicalDocument = {
  root: { type: 'root'; format: ''; indent: 0; version: 1; direction: 'ltr' | null; children: Record<string, unknown>[] }
}

function documentOf(children: Record<string, unknown>[]): LexicalDocument {
  return { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children } }
}

/**
 * A document holding one raw-markup block (imported python.org HTML/Markdown/reST). The block id
 * is derived from the content, so importing the same content twice yields the same document.
 */
export function rawMarkupDocument(source: string, markupType: 'html' | 'markdown' | 'restructuredtext' = 'html'): LexicalDocument {
  const id = createHash('sha256').update(`${markupType}\n${source}`).digest('hex').slice(0, 24)
  return documentOf([
    { type: 'block', version: 2, format: '', fields: { id, blockName: '', blockType: 'rawMarkup', markupType, source } },
  ])
}

/** A document of plain paragraphs (sample content written for the site). */
export function paragraphsDocument(paragraphs: string[]): LexicalDocument {
  return documentOf(
    paragraphs.map((text) => ({
      type: 'paragraph',
      version: 1,
      format: '',
      indent: 0,
      direction: 'ltr',
      textFormat: 0,
      textStyle: '',
      children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
    })),
  )
}
