import type { CollectionConfig } from 'payload'

import { contentAccess } from '../access/contentAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { validateOptionalHttpUrl } from '../fields/validateOptionalHttpUrl'

export const EventLocations: CollectionConfig = {
  slug: 'event-locations',
  admin: { useAsTitle: 'name', group: 'Events' },
  access: contentAccess({ kind: 'always' }),
  hooks: { beforeChange: [recordAuthors] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 255 },
    { name: 'address', type: 'text', maxLength: 255 },
    {
      name: 'url',
      type: 'text',
      validate: validateOptionalHttpUrl,
    },
    { name: 'calendar', type: 'relationship', relationTo: 'calendars' },
    { name: 'legacyId', type: 'number', unique: true, admin: { position: 'sidebar', readOnly: true } },
    ...auditFields(),
  ],
}
