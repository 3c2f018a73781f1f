import type { CollectionConfig } from 'payload'

import { allowRolesOnField } from '../access/allowRoles'
import { contentAccess } from '../access/contentAccess'
import { STAFF_ROLES } from '../access/staffRoles'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { validateOptionalHttpUrl } from '../fields/validateOptionalHttpUrl'
import { slugField } from '../fields/slugField'
import { refuseDeleteWhileReferenced } from '../hooks/refuseDeleteWhileReferenced'

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
    {
      name: 'url',
      type: 'text',
      validate: validateOptionalHttpUrl,
      // A private Google Calendar feed URL holds its key: staff only (the import job reads it with overrideAccess).
      access: { read: allowRolesOnField(...STAFF_ROLES) },
      admin: { description: 'The iCal feed events are imported from (staff only: a private feed URL holds its key).' },
    },
    { name: 'rss', type: 'text', validate: validateOptionalHttpUrl },
    { name: 'embed', type: 'text', validate: validateOptionalHttpUrl },
    { name: 'twitter', type: 'text', validate: validateOptionalHttpUrl },
    ...auditFields(),
  ],
}
