import type { CollectionConfig } from 'payload'

import { contentAccess } from '../access/contentAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { renderedMarkup } from '../fields/renderedMarkup'
import { codeSampleCopyHtml } from '../../lib/markup/storedMarkup'

/** The copy's HTML, sanitised when saved (the boxes' allowlist, headings one level down). */
const markup = renderedMarkup('code-samples', [{ name: 'copyHtml', label: 'Copy HTML', from: ['copy'], source: 'markup', render: codeSampleCopyHtml }])


/** The home page's code slideshow: a highlighted snippet and the text beside it. */
export const CodeSamples: CollectionConfig = {
  slug: 'code-samples',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'isPublished', 'order'], group: 'Content' },
  access: contentAccess({ kind: 'flag', path: 'isPublished' }),
  defaultSort: 'order',
  hooks: { beforeValidate: [markup.beforeValidate], beforeChange: [recordAuthors, markup.beforeChange] },
  custom: markup.custom,
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'code', type: 'code', required: true, admin: { language: 'python' } },
    { name: 'copy', type: 'code', required: true, admin: { language: 'html', description: 'The HTML beside the code.' } },
    ...markup.fields,
    { name: 'isPublished', type: 'checkbox', defaultValue: true, index: true },
    { name: 'order', type: 'number', defaultValue: 0 },
    ...auditFields(),
  ],
}
