import type { CollectionConfig } from 'payload'

import { auditFields, recordAuthors } from '../fields/auditFields'
import { slugField } from '../fields/slugField'
import { refuseDeleteWhileReferenced } from '../hooks/refuseDeleteWhileReferenced'
import { electionAccess } from './access/electionAccess'
import { renderedMarkup } from '../fields/renderedMarkup'
import { markdownHtml } from '../../lib/markup/storedMarkup'

/** The description's HTML, rendered when saved (the boxes' allowlist). */
const markup = renderedMarkup('elections', [{ name: 'descriptionHtml', label: 'Description HTML', from: ['description'], source: 'markup', render: markdownHtml }])


/** Markdown PSF staff write: bounded, so no election can make a page slow to render. */
export const ELECTION_DESCRIPTION_LIMIT = 10_000

function closeAfterOpen(value: unknown, { siblingData }: { siblingData?: Record<string, unknown> }): true | string {
  const open = siblingData?.nominationsOpenAt
  if (value == null || value === '' || open == null || open === '') return true
  return Date.parse(String(value)) > Date.parse(String(open)) ? true : 'Nominations must close after they open.'
}

/**
 * PSF elections (python.org's apps/nominations Election): their nomination window, when members
 * nominate candidates (collections/Nominations). python.org's ElectionKind (a name, an accent
 * colour and which of two nearly identical forms to show) is left out: one form with an
 * optional previous-service field serves both kinds, and the name says which election it is.
 * Unlike python.org's, the slug is unique (python.org regenerated it on every save without a
 * unique constraint, so two elections of one name shared an address).
 */
export const Elections: CollectionConfig = {
  slug: 'elections',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'date', 'nominationsOpenAt', 'nominationsCloseAt'],
    group: 'PSF',
  },
  access: electionAccess,
  defaultSort: '-date',
  custom: markup.custom,
  hooks: {
    beforeValidate: [markup.beforeValidate],
    beforeChange: [recordAuthors, markup.beforeChange],
    beforeDelete: [refuseDeleteWhileReferenced('nominations', 'election', 'nominations'), refuseDeleteWhileReferenced('nominees', 'election', 'nominees')],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    slugField('name'),
    { name: 'date', type: 'date', required: true, index: true, admin: { description: 'The day of the election.' } },
    {
      type: 'row',
      fields: [
        { name: 'nominationsOpenAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Members nominate from then (UTC)...' } },
        { name: 'nominationsCloseAt', type: 'date', validate: closeAfterOpen, admin: { date: { pickerAppearance: 'dayAndTime' }, description: '...until then. Without both dates the election takes no nominations.' } },
      ],
    },
    { name: 'description', type: 'textarea', maxLength: ELECTION_DESCRIPTION_LIMIT, admin: { description: 'Markdown.' } },
    ...markup.fields,
    { name: 'hidePreviousService', type: 'checkbox', defaultValue: false, admin: { description: 'Leave the "previous service" question off the nomination form.' } },
    ...auditFields(),
  ],
}
