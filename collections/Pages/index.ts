import type { CollectionConfig } from 'payload'

import { contentAccess } from '../access/contentAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { richTextWithMarkup } from '../fields/richTextWithMarkup'
import { normalisePagePath, validatePagePath } from './pagePath'
import { sitePreviewUrl } from '../preview/sitePreviewUrl'
import { renderedMarkup } from '../fields/renderedMarkup'
import { trustedRichTextHtml } from '../../lib/markup/storedMarkup'

/** The page's HTML, rendered from its content when saved (staff-written: the pages' allowlist). */
const markup = renderedMarkup('pages', [{ name: 'contentHtml', label: 'Content HTML', from: ['content'], source: 'richText', render: trustedRichTextHtml }])


/** CMS pages served at their `path` by the site's catch-all route. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'path', '_status', 'updatedAt'],
    listSearchableFields: ['title', 'path'],
    group: 'Content',
    preview: sitePreviewUrl('pages'),
  },
  access: contentAccess({ kind: 'drafts' }),
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  defaultSort: 'path',
  hooks: { beforeValidate: [markup.beforeValidate], beforeChange: [recordAuthors, markup.beforeChange] },
  custom: markup.custom,
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 500 },
    {
      name: 'path',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: 500,
      hooks: { beforeValidate: [({ value }) => normalisePagePath(value)] },
      validate: validatePagePath,
      admin: { position: 'sidebar', description: 'Where the page lives on the site, like /about/apps/.' },
    },
    richTextWithMarkup('content'),
    ...markup.fields,
    {
      name: 'description',
      type: 'textarea',
      admin: { description: 'The meta description, also used in search results.' },
    },
    { name: 'keywords', type: 'text', maxLength: 1000 },
    ...auditFields(),
  ],
}
