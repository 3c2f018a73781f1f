import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { sponsorsManagers } from '../access/sponsorsManagers'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { slugify } from '../fields/slugField'

/** python.org's default logo size for a level, in pixels. */
export const DEFAULT_LOGO_DIMENSION = 175

/**
 * A sponsorship level (python.org's SponsorshipPackage: Visionary, Sustainability, Maintaining...):
 * its price, its place in the order of levels, and the size its sponsors' logos get on
 * /psf/sponsors/. Packages are per year; only advertised ones are offered. The slug groups the
 * same level across years (not unique, as on python.org).
 */
export const SponsorshipPackages: CollectionConfig = {
  slug: 'sponsorship-packages',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'year', 'sponsorshipAmount', 'order', 'advertise'], group: 'Sponsorship' },
  access: { create: sponsorsManagers, read: anyone, update: sponsorsManagers, delete: sponsorsManagers },
  defaultSort: '-year',
  hooks: { beforeChange: [recordAuthors] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 64 },
    {
      name: 'slug',
      type: 'text',
      required: true,
      maxLength: 64,
      index: true,
      admin: { description: 'The same level across years shares its slug. Left blank, it is derived from the name.' },
      hooks: { beforeValidate: [({ value, data }) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof data?.name === 'string' ? slugify(data.name).slice(0, 64) : value)] },
      validate: (value: string | null | undefined) => (typeof value === 'string' && /^[a-z0-9_-]+$/.test(value) ? true : 'Lower-case letters, digits and dashes.'),
    },
    { name: 'year', type: 'number', required: true, min: 2022, max: 2050, index: true },
    { name: 'sponsorshipAmount', type: 'number', required: true, min: 0, max: 100_000_000, admin: { description: 'US dollars.' } },
    { name: 'order', type: 'number', required: true, defaultValue: 0, min: 0, max: 10_000, admin: { description: 'Lower comes first: the highest level has the lowest order.' } },
    { name: 'logoDimension', type: 'number', required: true, defaultValue: DEFAULT_LOGO_DIMENSION, min: 16, max: 600, admin: { description: 'Width and height of this level\'s logos on /psf/sponsors/, in pixels.' } },
    { name: 'advertise', type: 'checkbox', defaultValue: false, admin: { description: 'Offered on the application form.' } },
    { name: 'allowALaCarte', type: 'checkbox', defaultValue: true, label: 'Allow à la carte benefits' },
    ...auditFields(),
  ],
}
