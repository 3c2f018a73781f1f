import type { CollectionConfig, Field, FieldAccess } from 'payload'

import { anyone } from '../access/anyone'
import { isSponsorsManager, sponsorsManagers } from '../access/sponsorsManagers'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { FLIGHT_LABELS, LOGO_FLIGHTS, LOGO_PUBLISHERS, PUBLISHER_LABELS, REQUIRED_ASSET_KINDS } from './logoPlacement'

/** What the PSF keeps to itself: how much a benefit is worth to it, and its internal notes. */
const staffOnly: FieldAccess = ({ req }) => isSponsorsManager(req.user)
const staffField = { read: staffOnly, create: staffOnly, update: staffOnly }

/** The features a benefit gives, copied into each sponsorship that includes it. */
export const benefitFeatureFields: Field[] = [
  {
    name: 'logoPlacements',
    type: 'array',
    maxRows: 20,
    admin: { description: 'Where the sponsor\'s logo appears (python.org\'s LogoPlacement): the logo placement API and the site read these.' },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'publisher', type: 'select', required: true, options: LOGO_PUBLISHERS.map((value) => ({ value, label: PUBLISHER_LABELS[value] })) },
          { name: 'flight', type: 'select', required: true, options: LOGO_FLIGHTS.map((value) => ({ value, label: FLIGHT_LABELS[value] })) },
        ],
      },
      { name: 'linkToSponsorsPage', type: 'checkbox', defaultValue: false, admin: { description: 'Link to /psf/sponsors/#<sponsor> instead of the sponsor\'s landing page.' } },
      { name: 'describeAsSponsor', type: 'checkbox', defaultValue: false, admin: { description: 'Describe as "<Name> is a <level> sponsor of the Python Software Foundation."' } },
    ],
  },
  {
    name: 'requiredAssets',
    type: 'array',
    maxRows: 20,
    admin: { description: 'What the sponsor must supply for this benefit (python.org\'s RequiredImg/Text/ResponseAsset).' },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'kind', type: 'select', required: true, options: REQUIRED_ASSET_KINDS.map((value) => ({ value, label: value })) },
          { name: 'internalName', type: 'text', required: true, maxLength: 128, validate: (value: string | null | undefined) => (typeof value === 'string' && /^[a-z0-9_]+$/.test(value) ? true : 'Lower-case letters, digits and underscores.') },
          { name: 'dueDate', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
        ],
      },
      { name: 'label', type: 'text', required: true, maxLength: 256 },
      { name: 'helpText', type: 'textarea', maxLength: 1000 },
    ],
  },
]

/**
 * A benefit (python.org's SponsorshipBenefit): what a sponsor gets, in a programme, included in
 * some packages or added à la carte. Public (the application form lists them) except what the
 * PSF keeps internal. `capacity` is python.org's manual switch: 0 means sold out.
 */
export const SponsorshipBenefits: CollectionConfig = {
  slug: 'sponsorship-benefits',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'program', 'year', 'order'], group: 'Sponsorship', listSearchableFields: ['name'] },
  access: { create: sponsorsManagers, read: anyone, update: sponsorsManagers, delete: sponsorsManagers },
  defaultSort: 'order',
  hooks: { beforeChange: [recordAuthors] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 1024 },
    { name: 'description', type: 'textarea', maxLength: 4000 },
    { name: 'program', type: 'relationship', relationTo: 'sponsorship-programs', required: true, index: true },
    { name: 'packages', type: 'relationship', relationTo: 'sponsorship-packages', hasMany: true, maxRows: 50, admin: { description: 'The packages that include this benefit.' } },
    { name: 'year', type: 'number', required: true, min: 2022, max: 2050, index: true },
    { name: 'order', type: 'number', required: true, defaultValue: 0, min: 0, max: 10_000 },
    {
      type: 'row',
      fields: [
        { name: 'packageOnly', type: 'checkbox', defaultValue: false, admin: { description: 'Only within a package.' } },
        { name: 'standalone', type: 'checkbox', defaultValue: false, admin: { description: 'Sold on its own, never in a package.' } },
        { name: 'unavailable', type: 'checkbox', defaultValue: false },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'capacity', type: 'number', min: 0, max: 100_000, admin: { description: 'How many may be sold; 0 is sold out, blank is unlimited.' } },
        { name: 'softCapacity', type: 'checkbox', defaultValue: false, admin: { description: 'The capacity may be exceeded.' } },
        { name: 'internalValue', type: 'number', min: 0, max: 100_000_000, access: staffField, admin: { description: 'Value to the PSF in US dollars (internal).' } },
      ],
    },
    { name: 'internalDescription', type: 'textarea', maxLength: 4000, access: staffField },
    ...benefitFeatureFields,
    ...auditFields(),
  ],
}
