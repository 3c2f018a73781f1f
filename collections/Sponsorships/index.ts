import type { CollectionConfig, FieldAccess } from 'payload'

import { isSponsorsManager } from '../access/sponsorsManagers'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { benefitFeatureFields } from '../SponsorshipBenefits/index'
import { refuseDeleteWhileReferenced } from '../hooks/refuseDeleteWhileReferenced'
import { sponsorshipAccess } from './access/sponsorshipAccess'
import { applicationEndpoints } from './endpoints/applicationEndpoints'
import { dashboardEndpoints } from './endpoints/dashboardEndpoints'
import { enforceSponsorshipWorkflow } from './hooks/enforceSponsorshipWorkflow'
import { generateContract } from './hooks/generateContract'
import { notifySponsorshipStatusChange } from './hooks/notifySponsorshipStatusChange'
import { snapshotBenefits } from './hooks/snapshotBenefits'
import { syncSponsorshipAssets } from './hooks/syncSponsorshipAssets'
import { SPONSORSHIP_STATUSES } from './workflow'

/** Written by the workflow only (enforceSponsorshipWorkflow); nobody sets them directly, staff included. */
const workflowOnly = { create: () => false, update: () => false }
/** What the PSF keeps to itself (a benefit's value to it). */
const staffOnly: FieldAccess = ({ req }) => isSponsorsManager(req.user)

/**
 * A sponsor's sponsorship for a year (python.org's Sponsorship): the package, the benefits as
 * they were sold (a snapshot, see snapshotBenefits), the terms (dates, fee) and the state. The
 * state machine is in workflow.ts and enforced for every write by enforceSponsorshipWorkflow,
 * which also keeps the history of moves (who, when).
 */
export const Sponsorships: CollectionConfig = {
  slug: 'sponsorships',
  admin: { useAsTitle: 'label', defaultColumns: ['label', 'status', 'year', 'startDate', 'endDate'], group: 'Sponsorship' },
  access: sponsorshipAccess,
  defaultSort: '-createdAt',
  endpoints: [...applicationEndpoints, ...dashboardEndpoints],
  hooks: {
    beforeChange: [recordAuthors, enforceSponsorshipWorkflow, snapshotBenefits],
    // The contract first: the approval's message tells the sponsor it can be downloaded.
    afterChange: [generateContract, syncSponsorshipAssets, notifySponsorshipStatusChange],
    // A contract belongs to one sponsorship (`sponsorship` is required, NOT NULL in the database),
    // so a sponsorship with contracts is not deleted: python.org keeps a contract when its
    // sponsorship goes (the agreement is a record of its own), and cascading would destroy signed
    // agreements. Staff delete the contracts first, on purpose. The foreign key's ON DELETE SET NULL
    // (Payload's for every relationship) cannot fire either: on a NOT NULL column it fails the
    // delete, so even a write that skips this hook leaves the contract with its sponsorship.
    beforeDelete: [refuseDeleteWhileReferenced('sponsor-contracts', 'sponsorship', 'contracts')],
  },
  fields: [
    {
      // For the admin's lists: "<Sponsor> - <year>", kept by the label hook below.
      name: 'label',
      type: 'text',
      maxLength: 200,
      admin: { readOnly: true, hidden: true },
      hooks: {
        beforeChange: [
          async ({ data, req, originalDoc }) => {
            const sponsorId = (data?.sponsor ?? originalDoc?.sponsor) as unknown
            const id = typeof sponsorId === 'object' && sponsorId !== null ? (sponsorId as { id: number }).id : sponsorId
            const sponsor = typeof id === 'number' ? await req.payload.findByID({ collection: 'sponsors', id, depth: 0, overrideAccess: true, disableErrors: true, req }) : null
            return `${sponsor?.name ?? 'Sponsor'} - ${String(data?.year ?? originalDoc?.year ?? '')}`.slice(0, 200)
          },
        ],
      },
    },
    { name: 'sponsor', type: 'relationship', relationTo: 'sponsors', required: true, index: true },
    { name: 'package', type: 'relationship', relationTo: 'sponsorship-packages', index: true, admin: { description: 'Blank for a custom selection of benefits.' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'applied',
      index: true,
      options: SPONSORSHIP_STATUSES.map((status) => ({ label: status, value: status })),
      admin: { position: 'sidebar', description: 'Moves are checked against the sponsorship workflow (collections/Sponsorships/workflow.ts).' },
    },
    { name: 'year', type: 'number', required: true, min: 2022, max: 2050, index: true },
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'endDate', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'sponsorshipFee', type: 'number', min: 0, max: 100_000_000, admin: { description: 'Agreed fee in US dollars.' } },
      ],
    },
    { name: 'forModifiedPackage', type: 'checkbox', defaultValue: false, admin: { description: 'The benefits differ from the package\'s.' } },
    { name: 'renewal', type: 'checkbox', defaultValue: false },
    {
      // The id of the visitor's account that applied (a plain id: accounts have no GraphQL; see jobs.submittedBy).
      name: 'submittedBy',
      type: 'number',
      index: true,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'benefits',
      type: 'array',
      maxRows: 100,
      admin: { description: 'Pick a benefit; its name, programme, value and features are copied in when saved, and stay as sold.' },
      fields: [
        { name: 'benefit', type: 'relationship', relationTo: 'sponsorship-benefits', required: true },
        { name: 'name', type: 'text', maxLength: 1024, admin: { readOnly: true } },
        { name: 'programName', type: 'text', maxLength: 64, admin: { readOnly: true } },
        { name: 'description', type: 'textarea', maxLength: 4000, admin: { readOnly: true } },
        { name: 'internalValue', type: 'number', access: { read: staffOnly }, admin: { readOnly: true } },
        { name: 'addedByUser', type: 'checkbox', defaultValue: false, admin: { description: 'Chosen on top of the package.' } },
        ...benefitFeatureFields,
      ],
    },
    {
      type: 'row',
      fields: [
        // Drawn when the sponsorship is approved (hooks/generateContract); nobody sets it by hand.
        { name: 'contract', type: 'upload', relationTo: 'sponsor-contracts', access: workflowOnly, admin: { readOnly: true, description: 'The agreement generated on approval, for signing.' } },
        { name: 'signedContract', type: 'upload', relationTo: 'sponsor-contracts', admin: { description: 'The signed copy (a PDF), uploaded by the sponsorship staff; finalizing needs it.' } },
      ],
    },
    {
      type: 'collapsible',
      label: 'Dates of the decisions',
      admin: { position: 'sidebar' },
      fields: [
        { name: 'appliedOn', type: 'date', access: workflowOnly, admin: { readOnly: true } },
        { name: 'approvedOn', type: 'date', access: workflowOnly, admin: { readOnly: true } },
        { name: 'rejectedOn', type: 'date', access: workflowOnly, admin: { readOnly: true } },
        { name: 'finalizedOn', type: 'date', access: workflowOnly, admin: { readOnly: true } },
      ],
    },
    {
      name: 'statusHistory',
      type: 'array',
      access: workflowOnly,
      admin: { readOnly: true, description: 'Every move of the status: from, to, who and when (kept by the workflow).' },
      fields: [
        { type: 'row', fields: [{ name: 'from', type: 'text', maxLength: 32 }, { name: 'to', type: 'text', required: true, maxLength: 32 }, { name: 'at', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } }] },
        { type: 'row', fields: [{ name: 'userId', type: 'number' }, { name: 'userName', type: 'text', maxLength: 200 }] },
      ],
    },
    ...auditFields(),
  ],
}
