import type { CollectionConfig } from 'payload'

import { contentAccess } from '../access/contentAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { slugField } from '../fields/slugField'
import { refuseDeleteWhileReferenced } from '../hooks/refuseDeleteWhileReferenced'

const httpUrl = (value: string | null | undefined) =>
  value == null || value === '' || /^https?:\/\/\S+$/.test(value) ? true : 'Enter an absolute http(s) URL.'

/** An events calendar (python-events, python-user-group), imported from its iCal feed. */
export const Calendars: CollectionConfig = {
  slug: 'calendars',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'url'], group: 'Events' },
  access: contentAccess({ kind: 'always' }),
  hooks: { beforeChange: [recordAuthors], beforeDelete: [refuseDeleteWhileReferenced('events', 'calendar', 'events')] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    slugField('name'),
    { name: 'description', type: 'textarea', maxLength: 255 },
    { name: 'url', type: 'text', validate: httpUrl, admin: { description: 'The iCal feed events are imported from.' } },
    { name: 'rss', type: 'text', validate: httpUrl },
    { name: 'embed', type: 'text', validate: httpUrl },
    { name: 'twitter', type: 'text', validate: httpUrl },
    ...auditFields(),
  ],
}
