import type { CollectionConfig, Field } from 'payload'

import { auditFields, recordAuthors } from '../fields/auditFields'
import { slugField } from '../fields/slugField'
import { validateOptionalHttpUrl } from '../fields/validateOptionalHttpUrl'
import { sponsorAccess } from './access/sponsorAccess'

/** python.org's SponsorContact: up to five people, at least one of them primary. */
const MAX_CONTACTS = 5

type ContactRow = { primary?: boolean | null }

function atLeastOnePrimary(rows: unknown): true | string {
  if (!Array.isArray(rows) || rows.length === 0) return true
  return (rows as ContactRow[]).some((row) => row?.primary === true) ? true : 'Mark at least one contact as primary.'
}

const logo = (name: string, description: string): Field => ({
  name,
  type: 'upload',
  relationTo: 'media',
  admin: { description },
})

/**
 * A sponsoring company (python.org's `apps/sponsors` Sponsor): its public face (name, description,
 * landing page, logos) and its contacts. Logos are images of the media collection, resized into
 * its `logo` size (the largest python.org shows, twice its 175 px default for sharp screens);
 * they become public once a sponsorship of the sponsor is finalized (hooks of Sponsorships).
 */
export const Sponsors: CollectionConfig = {
  slug: 'sponsors',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'landingPageUrl', 'updatedAt'], group: 'Sponsorship', listSearchableFields: ['name'] },
  access: sponsorAccess,
  defaultSort: 'name',
  hooks: { beforeChange: [recordAuthors] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100, index: true },
    slugField('name'),
    { name: 'description', type: 'textarea', maxLength: 2000, admin: { description: 'Plain text, shown under the logo and in the logo placement API.' } },
    { name: 'landingPageUrl', type: 'text', maxLength: 1000, validate: validateOptionalHttpUrl, admin: { description: 'Where the logo links to.' } },
    { name: 'twitterHandle', type: 'text', maxLength: 32 },
    { name: 'linkedInPageUrl', type: 'text', maxLength: 1000, validate: validateOptionalHttpUrl },
    logo('webLogo', 'The logo on a light background (python.org: web_logo). A sponsor without one is not listed.'),
    logo('whiteLogo', 'Optional: the logo for dark backgrounds.'),
    logo('printLogo', 'Optional: a high resolution logo for print.'),
    {
      type: 'collapsible',
      label: 'Address and incorporation',
      admin: { initCollapsed: true },
      fields: [
        { name: 'primaryPhone', type: 'text', maxLength: 32 },
        { name: 'mailingAddressLine1', type: 'text', maxLength: 128 },
        { name: 'mailingAddressLine2', type: 'text', maxLength: 128 },
        { type: 'row', fields: [{ name: 'city', type: 'text', maxLength: 64 }, { name: 'state', type: 'text', maxLength: 64 }, { name: 'postalCode', type: 'text', maxLength: 64 }] },
        { name: 'country', type: 'text', maxLength: 64 },
        { type: 'row', fields: [{ name: 'countryOfIncorporation', type: 'text', maxLength: 64 }, { name: 'stateOfIncorporation', type: 'text', maxLength: 64 }] },
      ],
    },
    {
      name: 'contacts',
      type: 'array',
      maxRows: MAX_CONTACTS,
      validate: atLeastOnePrimary,
      admin: { description: 'Who the PSF writes to. Contacts linked to an account see the sponsorships on their dashboard.' },
      fields: [
        { type: 'row', fields: [{ name: 'name', type: 'text', required: true, maxLength: 100 }, { name: 'email', type: 'email', required: true }, { name: 'phone', type: 'text', maxLength: 32 }] },
        {
          type: 'row',
          fields: [
            { name: 'primary', type: 'checkbox', defaultValue: false },
            { name: 'administrative', type: 'checkbox', defaultValue: false },
            { name: 'accounting', type: 'checkbox', defaultValue: false },
            { name: 'manager', type: 'checkbox', defaultValue: false },
          ],
        },
        {
          // A visitor's account id (a plain number, not a relationship: accounts have no GraphQL,
          // see jobs.submittedBy). The contact's dashboard shows the sponsor's sponsorships.
          name: 'account',
          type: 'number',
          index: true,
          admin: { description: 'The id of the visitor account of this contact, if any.' },
        },
      ],
    },
    ...auditFields(),
  ],
}
