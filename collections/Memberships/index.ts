import type { CollectionConfig } from 'payload'

import { allowRolesOnField } from '../access/allowRoles'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { membershipAccess } from './access/membershipAccess'
import { membershipEndpoints } from './endpoints/membershipEndpoints'
import { stampVoteAffirmation } from './hooks/stampVoteAffirmation'
import { unsubscribeOnDelete } from './hooks/unsubscribeOnDelete'
import { MEMBERSHIP_TYPE_LABELS, MEMBERSHIP_TYPES } from './membershipTypes'

const psfStaffOnly = { create: allowRolesOnField('psf-staff'), update: allowRolesOnField('psf-staff') }

/**
 * PSF membership (python.org's apps/users Membership): one per account, signed up for on the site
 * at /users/membership/ by a verified account, managed by PSF staff in the admin.
 */
export const Memberships: CollectionConfig = {
  slug: 'memberships',
  admin: {
    useAsTitle: 'legalName',
    defaultColumns: ['legalName', 'membershipType', 'votes', 'lastVoteAffirmation', 'updatedAt'],
    group: 'PSF',
    listSearchableFields: ['legalName', 'preferredName', 'emailAddress'],
    // Payload's admin has no slot for a link without a custom component; the export's URL is
    // spelled out where staff look (and in docs/psf.md).
    description:
      'Filter by type or voting with "Filters" above; search by name or address. Export as CSV: /api/memberships/export.csv (add ?membershipType=basic and/or ?votes=true to narrow it).',
  },
  access: membershipAccess,
  defaultSort: '-createdAt',
  hooks: { beforeChange: [recordAuthors, stampVoteAffirmation], afterDelete: [unsubscribeOnDelete] },
  endpoints: membershipEndpoints,
  fields: [
    {
      // The member's account id. A plain id, not a relationship: accounts have no GraphQL, and
      // Payload cannot build a GraphQL type for a relation to such a collection (see jobs.submittedBy).
      name: 'account',
      type: 'number',
      unique: true,
      index: true,
      access: psfStaffOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'membershipType',
      type: 'select',
      required: true,
      defaultValue: 'basic',
      index: true,
      options: MEMBERSHIP_TYPES.map((value) => ({ label: MEMBERSHIP_TYPE_LABELS[value], value })),
      access: psfStaffOnly,
      admin: { position: 'sidebar', description: 'Members sign up as Basic; only PSF staff grant the others.' },
    },
    {
      type: 'row',
      fields: [
        { name: 'legalName', type: 'text', required: true, maxLength: 100 },
        { name: 'preferredName', type: 'text', required: true, maxLength: 100 },
      ],
    },
    { name: 'emailAddress', type: 'email', required: true },
    {
      type: 'row',
      fields: [
        { name: 'city', type: 'text', required: true, maxLength: 100 },
        { name: 'region', type: 'text', required: true, maxLength: 100 },
        { name: 'country', type: 'text', required: true, maxLength: 100 },
        { name: 'postalCode', type: 'text', required: true, maxLength: 20 },
      ],
    },
    { name: 'codeOfConduct', type: 'checkbox', defaultValue: false, label: 'Agreed to the PSF Code of Conduct' },
    { name: 'announcements', type: 'checkbox', defaultValue: false, label: 'Receives PSF member announcements' },
    { name: 'votes', type: 'checkbox', defaultValue: false, index: true, label: 'Voting member' },
    { name: 'lastVoteAffirmation', type: 'date', admin: { readOnly: true, description: 'When the member last affirmed their intent to vote (asked yearly).' } },
    ...auditFields(),
  ],
}
