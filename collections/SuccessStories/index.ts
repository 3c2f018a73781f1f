import type { CollectionConfig } from 'payload'

import { allowRolesOnField } from '../access/allowRoles'
import { STAFF_ROLES } from '../access/staffRoles'
import { storyAccess } from '../access/storyAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { richTextWithMarkup } from '../fields/richTextWithMarkup'
import { slugField } from '../fields/slugField'
import { sitePreviewUrl } from '../preview/sitePreviewUrl'
import { submitStoryEndpoint } from './endpoints/submitStory'
import { regenerateStorySupernav } from './hooks/regenerateStorySupernav'
import { renderedMarkup } from '../fields/renderedMarkup'
import { untrustedRichTextHtml } from '../../lib/markup/storedMarkup'

/** The story's HTML, rendered when saved (visitors write stories: the boxes' allowlist). */
const markup = renderedMarkup('success-stories', [{ name: 'contentHtml', label: 'Content HTML', from: ['content'], source: 'richText', render: untrustedRichTextHtml }])


/** Success stories: submitted by visitors as drafts, published by moderators. */
export const SuccessStories: CollectionConfig = {
  slug: 'success-stories',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'category', 'featured', '_status'], group: 'Success stories', preview: sitePreviewUrl('success-stories') },
  access: storyAccess(true),
  versions: { drafts: true, maxPerDoc: 20 },
  defaultSort: '-createdAt',
  endpoints: [submitStoryEndpoint],
  hooks: { beforeValidate: [markup.beforeValidate], beforeChange: [recordAuthors, markup.beforeChange], afterChange: [regenerateStorySupernav] },
  custom: markup.custom,
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    slugField('name'),
    { name: 'companyName', type: 'text', required: true, maxLength: 500 },
    {
      name: 'companyUrl',
      type: 'text',
      required: true,
      validate: (value: string | null | undefined) =>
        typeof value === 'string' && /^https?:\/\/\S+$/.test(value) ? true : "Enter the company's http(s) URL.",
    },
    { name: 'author', type: 'text', required: true, maxLength: 500 },
    // A visitor's address (the public form asks for it): staff only, in REST, GraphQL, select and
    // where alike (Payload refuses a where on a field the caller may not read).
    { name: 'authorEmail', type: 'email', access: { read: allowRolesOnField(...STAFF_ROLES) } },
    { name: 'pullQuote', type: 'textarea', required: true },
    richTextWithMarkup('content'),
    ...markup.fields,
    { name: 'category', type: 'relationship', relationTo: 'story-categories', required: true, index: true },
    {
      name: 'featured',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: { position: 'sidebar', description: 'Shown on the home page and in the menu.' },
    },
    { name: 'image', type: 'upload', relationTo: 'media' },
    ...auditFields(),
  ],
}
