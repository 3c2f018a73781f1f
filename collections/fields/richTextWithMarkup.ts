import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import type { RichTextField } from 'payload'

import { RawMarkupBlock } from '../blocks/RawMarkupBlock'

/** A Lexical rich-text field that can also hold raw HTML/Markdown/reST blocks. */
export function richTextWithMarkup(name: string, label?: string): RichTextField {
  return {
    name,
    label,
    type: 'richText',
    editor: lexicalEditor({
      features: ({ defaultFeatures }) => [...defaultFeatures, BlocksFeature({ blocks: [RawMarkupBlock] })],
    }),
  }
}
