import type { CollectionConfig } from 'payload'

import { contentAccess } from '../access/contentAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'

/** python.org's menu tree (django-sitetree items): top bar, main nav, footer, breadcrumbs. */
export const NavigationItems: CollectionConfig = {
  slug: 'navigation-items',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'url', 'parent', 'order'], group: 'Content' },
  access: contentAccess({ kind: 'always' }),
  defaultSort: 'order',
  hooks: { beforeChange: [recordAuthors] },
  fields: [
    { name: 'title', type: 'text', required: true },
    {
      name: 'url',
      type: 'text',
      required: true,
      validate: (value: string | null | undefined) =>
        typeof value === 'string' && (/^\/[^\s]*$/.test(value) || /^https?:\/\/[^\s]+$/.test(value))
          ? true
          : 'A menu URL is a site path starting with "/" or an absolute http(s) URL.',
    },
    { name: 'hint', type: 'text' },
    { name: 'parent', type: 'relationship', relationTo: 'navigation-items', index: true },
    { name: 'order', type: 'number', required: true, defaultValue: 0 },
    { name: 'alias', type: 'text', admin: { description: 'A stable key templates use, like python-meta.' } },
    { name: 'hidden', type: 'checkbox', defaultValue: false },
    { name: 'inMenu', type: 'checkbox', defaultValue: true },
    { name: 'inBreadcrumbs', type: 'checkbox', defaultValue: true },
    {
      name: 'legacyId',
      type: 'number',
      unique: true,
      index: true,
      admin: { position: 'sidebar', readOnly: true, description: "The item's id in python.org's sitetree." },
    },
    ...auditFields(),
  ],
}
