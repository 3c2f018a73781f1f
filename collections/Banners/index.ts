import type { CollectionConfig } from 'payload'

import { contentAccess } from '../access/contentAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'

/** A site-wide notice shown between its dates (python.org's Banner). */
export const Banners: CollectionConfig = {
  slug: 'banners',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'active', 'startsAt', 'endsAt'], group: 'Content' },
  access: contentAccess({ kind: 'flag', path: 'active' }),
  hooks: { beforeChange: [recordAuthors] },
  fields: [
    { name: 'title', type: 'text', required: true, admin: { description: 'The button text.' } },
    { name: 'message', type: 'textarea', required: true },
    {
      name: 'link',
      type: 'text',
      validate: (value: string | null | undefined) =>
        value == null || value === '' || /^(\/|https?:\/\/)\S*$/.test(value) ? true : 'A link is a site path or an http(s) URL.',
    },
    { name: 'active', type: 'checkbox', defaultValue: false, index: true },
    { name: 'psfPagesOnly', type: 'checkbox', defaultValue: false },
    { name: 'startsAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'endsAt',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
      validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
        !value || !siblingData.startsAt || new Date(String(value)) > new Date(String(siblingData.startsAt))
          ? true
          : 'A banner must end after it starts.',
    },
    ...auditFields(),
  ],
}
