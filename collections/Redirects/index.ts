import type { CollectionConfig } from 'payload'

import { contentAccess } from '../access/contentAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'

/** Admin-editable redirects (django.contrib.redirects): consulted before CMS pages. */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  admin: { useAsTitle: 'from', defaultColumns: ['from', 'to', 'permanent'], group: 'Content' },
  access: contentAccess({ kind: 'always' }),
  hooks: { beforeChange: [recordAuthors] },
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: (value: string | null | undefined) =>
        typeof value === 'string' && /^\/[^\s?#]*$/.test(value) ? true : 'A redirect starts from a site path like /old/page/ (no query string).',
    },
    {
      name: 'to',
      type: 'text',
      required: true,
      validate: (value: string | null | undefined) =>
        typeof value === 'string' && /^(\/|https?:\/\/)\S*$/.test(value) ? true : 'A redirect goes to a site path or an http(s) URL.',
    },
    { name: 'permanent', type: 'checkbox', defaultValue: true, admin: { description: '301 when ticked, 302 otherwise.' } },
    ...auditFields(),
  ],
}
