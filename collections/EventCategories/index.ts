import type { CollectionConfig } from 'payload'

import { contentAccess } from '../access/contentAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { slugField } from '../fields/slugField'

export const EventCategories: CollectionConfig = {
  slug: 'event-categories',
  admin: { useAsTitle: 'name', group: 'Events' },
  access: contentAccess({ kind: 'always' }),
  hooks: { beforeChange: [recordAuthors] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    slugField('name'),
    { name: 'calendar', type: 'relationship', relationTo: 'calendars' },
    { name: 'legacyId', type: 'number', unique: true, admin: { position: 'sidebar', readOnly: true } },
    ...auditFields(),
  ],
}
