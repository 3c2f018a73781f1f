import type { Block } from 'payload'

import { markupTypeField } from '../fields/markupTypeField'

/**
 * python.org keeps page, box and event bodies as raw markup (HTML, Markdown or
 * reStructuredText) rendered at save time. Imported content keeps its source here so nothing
 * is lost in a conversion; the renderer turns it into HTML.
 */
export const RawMarkupBlock: Block = {
  slug: 'rawMarkup',
  interfaceName: 'RawMarkupBlock',
  labels: { singular: 'Raw markup', plural: 'Raw markup' },
  fields: [
    markupTypeField(),
    { name: 'source', type: 'code', required: true, admin: { language: 'html' } },
  ],
}
