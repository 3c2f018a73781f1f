import type { CollectionConfig } from 'payload'

import { allowRolesOnField } from '../access/allowRoles'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { nobodyOnField, nominationAccess, partiesOnly } from './access/nominationAccess'
import { invitationEndpoint } from './endpoints/invitationEndpoint'
import { enforceNominationRules } from './hooks/enforceNominationRules'
import { notifyNomination } from './hooks/notifyNomination'
import { syncNomineeAfterChange, syncNomineeAfterDelete } from './hooks/syncNominee'
import { INVITATION_FIELDS } from './nominationTokens'
import { NOMINATION_LIMITS } from './nominationLimits'
import { previewStatementEndpoint } from './endpoints/previewStatementEndpoint'
import { renderedMarkup } from '../fields/renderedMarkup'
import { markdownHtml } from '../../lib/markup/storedMarkup'

/** The statement's HTML, rendered when saved (the boxes' allowlist). */
const markup = renderedMarkup('nominations', [{ name: 'statementHtml', label: 'Statement HTML', from: ['statement'], source: 'markup', render: markdownHtml }])

export { NOMINATION_LIMITS }

const psfStaffOnly = { create: allowRolesOnField('psf-staff'), update: allowRolesOnField('psf-staff') }

/**
 * Nominations for a PSF election (python.org's apps/nominations Nomination). Members nominate on
 * the site while the election's window is open; the named nominee is mailed a one-use link to
 * accept or decline; PSF staff approve. Who may change what, and when, is the table in
 * workflow.ts, enforced for every write by enforceNominationRules. Public (with the nominee's
 * page) once accepted and approved; the address only to the parties and staff.
 */
export const Nominations: CollectionConfig = {
  slug: 'nominations',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'election', 'accepted', 'approved', 'createdAt'],
    group: 'PSF',
    listSearchableFields: ['name', 'email'],
  },
  access: nominationAccess,
  defaultSort: '-createdAt',
  endpoints: [invitationEndpoint, previewStatementEndpoint],
  custom: markup.custom,
  hooks: {
    beforeValidate: [markup.beforeValidate],
    beforeChange: [recordAuthors, enforceNominationRules, markup.beforeChange],
    afterChange: [syncNomineeAfterChange, notifyNomination],
    afterDelete: [syncNomineeAfterDelete],
  },
  fields: [
    { name: 'election', type: 'relationship', relationTo: 'elections', required: true, index: true },
    { name: 'name', type: 'text', required: true, maxLength: NOMINATION_LIMITS.name, admin: { description: 'The nominee\'s name.' } },
    { name: 'email', type: 'email', required: true, access: { read: partiesOnly }, admin: { description: 'The nominee\'s address: the invitation link goes there. Never shown publicly.' } },
    { name: 'employer', type: 'text', required: true, maxLength: NOMINATION_LIMITS.employer },
    { name: 'previousService', type: 'text', maxLength: NOMINATION_LIMITS.previousService, admin: { description: 'Previous board service: years, or "New board member".' } },
    { name: 'otherAffiliations', type: 'textarea', maxLength: NOMINATION_LIMITS.otherAffiliations },
    { name: 'statement', type: 'textarea', required: true, maxLength: NOMINATION_LIMITS.statement, admin: { description: 'Markdown.' } },
    ...markup.fields,
    {
      type: 'row',
      fields: [
        { name: 'codeOfConductAcknowledged', type: 'checkbox', defaultValue: false, label: 'Acknowledges the PSF Code of Conduct' },
        { name: 'missionAlignment', type: 'checkbox', defaultValue: false, label: 'Affirms alignment with the PSF mission' },
        { name: 'eligibilityConfirmed', type: 'checkbox', defaultValue: false, label: 'Confirms eligibility' },
      ],
    },
    {
      // The nominating account's id (set by the rules). A plain id, not a relationship: accounts have no GraphQL (see jobs.submittedBy).
      name: 'nominator',
      type: 'number',
      index: true,
      access: psfStaffOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    { name: 'nominee', type: 'relationship', relationTo: 'nominees', index: true, admin: { position: 'sidebar', description: 'Linked when the nominee answers the mailed link, or by PSF staff.' } },
    { name: 'nomineeAccount', type: 'number', index: true, access: { create: nobodyOnField, update: nobodyOnField }, admin: { position: 'sidebar', readOnly: true, description: 'Follows the nominee.' } },
    { name: 'accepted', type: 'checkbox', defaultValue: false, index: true, admin: { position: 'sidebar', description: 'Set by the nominee only.' } },
    { name: 'approved', type: 'checkbox', defaultValue: false, index: true, admin: { position: 'sidebar', description: 'PSF staff approve once the nominee has accepted.' } },
    { name: INVITATION_FIELDS.hash, type: 'text', hidden: true, index: true, access: { create: nobodyOnField, update: nobodyOnField } },
    { name: INVITATION_FIELDS.expiresAt, type: 'date', hidden: true, access: { create: nobodyOnField, update: nobodyOnField } },
    ...auditFields(),
  ],
}
