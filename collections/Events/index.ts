import type { CollectionConfig } from 'payload'

import { contentAccess } from '../access/contentAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { richTextWithMarkup } from '../fields/richTextWithMarkup'
import { validateRecurrenceRule } from './recurrenceRule'
import { timezoneField } from './timezone'
import { renderedMarkup } from '../fields/renderedMarkup'
import { untrustedRichTextHtml } from '../../lib/markup/storedMarkup'

/** The event's description as HTML, rendered when saved (the boxes' allowlist). */
const markup = renderedMarkup('events', [{ name: 'descriptionHtml', label: 'Description HTML', from: ['description'], source: 'richText', render: untrustedRichTextHtml }])


/**
 * An event of a calendar: one-off occurrences and/or an RFC 5545 recurrence, imported from
 * iCal (keyed by `uid`) or entered by editors.
 */
export const Events: CollectionConfig = {
  slug: 'events',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'calendar', 'featured'], group: 'Events' },
  access: contentAccess({ kind: 'always' }),
  hooks: { beforeValidate: [markup.beforeValidate], beforeChange: [recordAuthors, markup.beforeChange] },
  custom: markup.custom,
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    { name: 'calendar', type: 'relationship', relationTo: 'calendars', required: true, index: true },
    richTextWithMarkup('description'),
    ...markup.fields,
    { name: 'venue', type: 'relationship', relationTo: 'event-locations' },
    { name: 'categories', type: 'relationship', relationTo: 'event-categories', hasMany: true },
    { name: 'featured', type: 'checkbox', defaultValue: false, index: true },
    {
      name: 'occurrences',
      type: 'array',
      admin: { description: 'One-off dates. An all-day event ends on its last day (inclusive).' },
      fields: [
        { name: 'start', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'end',
          type: 'date',
          required: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
            if (!value || !siblingData.start) return true
            return new Date(String(value)) >= new Date(String(siblingData.start)) ? true : 'An occurrence cannot end before it starts.'
          },
        },
        { name: 'allDay', type: 'checkbox', defaultValue: false },
      ],
    },
    {
      name: 'recurrence',
      type: 'group',
      fields: [
        {
          name: 'rrule',
          type: 'text',
          validate: validateRecurrenceRule,
          admin: { description: 'RFC 5545 RRULE, like FREQ=WEEKLY;BYDAY=TU;UNTIL=20301231T000000Z. Checked by building it with rrule from the start below: it must occur.' },
        },
        { name: 'start', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'durationMinutes', type: 'number', min: 0 },
        { name: 'exdates', type: 'text', admin: { description: 'EXDATE values, comma separated (RFC 5545).' } },
        { name: 'allDay', type: 'checkbox', defaultValue: false },
      ],
    },
    timezoneField,
    { name: 'cancelled', type: 'checkbox', defaultValue: false, admin: { position: 'sidebar' } },
    { name: 'uid', type: 'text', unique: true, maxLength: 200, admin: { position: 'sidebar', description: 'The iCal UID it was imported from.' } },
    { name: 'legacyId', type: 'number', unique: true, admin: { position: 'sidebar', readOnly: true } },
    ...auditFields(),
  ],
}
