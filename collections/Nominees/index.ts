import type { CollectionConfig, FieldAccess } from 'payload'

import { allowRolesOnField } from '../access/allowRoles'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { slugify } from '../fields/slugField'
import { nomineeAccess } from './access/nomineeAccess'

/** Set only by the nomination rules (overrideAccess), never through the API or the admin. */
const derived: FieldAccess = () => false

/**
 * A candidate in one election (python.org's Nominee): one per account and election, public at
 * /nominations/elections/<election>/nominees/<slug>/ once they accepted a nomination that PSF
 * staff approved. `accepted` and `approved` are not set by hand: they follow the nominee's
 * nominations (any accepted one; any accepted and approved one), so the nominee is public
 * exactly when one of their nominations is.
 */
export const Nominees: CollectionConfig = {
  slug: 'nominees',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'election', 'accepted', 'approved'],
    group: 'PSF',
  },
  access: nomineeAccess,
  defaultSort: 'name',
  indexes: [
    { fields: ['election', 'account'], unique: true },
    { fields: ['election', 'slug'], unique: true },
  ],
  hooks: {
    beforeChange: [
      recordAuthors,
      ({ data, originalDoc }) => {
        const slug: unknown = data.slug ?? originalDoc?.slug
        if (typeof slug !== 'string' || slug === '') data.slug = slugify(String(data.name ?? originalDoc?.name ?? '')) || `nominee-${String(data.account ?? originalDoc?.account ?? '')}`
        return data
      },
    ],
  },
  fields: [
    { name: 'election', type: 'relationship', relationTo: 'elections', required: true, index: true },
    {
      // The nominee's account id. A plain id, not a relationship: accounts have no GraphQL (see jobs.submittedBy).
      name: 'account',
      type: 'number',
      required: true,
      index: true,
      access: { update: allowRolesOnField('psf-staff') },
      admin: { position: 'sidebar' },
    },
    { name: 'name', type: 'text', required: true, maxLength: 200, admin: { description: 'As shown on the site: the account\'s first and last name when the nominee was linked.' } },
    { name: 'slug', type: 'text', index: true, maxLength: 200, validate: (value: string | null | undefined) => value == null || value === '' || /^[A-Za-z0-9_-]+$/.test(value) ? true : 'A slug holds only letters, digits, dashes and underscores.', admin: { position: 'sidebar' } },
    { name: 'accepted', type: 'checkbox', defaultValue: false, index: true, access: { create: derived, update: derived }, admin: { readOnly: true, position: 'sidebar', description: 'Follows the nominations: one of them accepted.' } },
    { name: 'approved', type: 'checkbox', defaultValue: false, index: true, access: { create: derived, update: derived }, admin: { readOnly: true, position: 'sidebar', description: 'Follows the nominations: one of them accepted and approved.' } },
    ...auditFields(),
  ],
}
