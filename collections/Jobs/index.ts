import { validations, type CollectionConfig, type EmailFieldValidation } from 'payload'

import { allowRolesOnField } from '../access/allowRoles'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { validateOptionalHttpUrl } from '../fields/validateOptionalHttpUrl'
import { jobAccess } from './access/jobAccess'
import { jobEndpoints } from './endpoints/reviewEndpoints'
import { enforceJobWorkflow } from './hooks/enforceJobWorkflow'
import { notifyJobStatusChange } from './hooks/notifyJobStatusChange'
import { setLocationSlug } from './hooks/setLocationSlug'
import { setSubmitter } from './hooks/setSubmitter'
import { JOB_STATUSES } from './workflow'
import { renderedMarkup } from '../fields/renderedMarkup'
import { markdownHtml } from '../../lib/markup/storedMarkup'

/** Markdown a visitor writes: bounded, so no posting can make a page slow to render. */
const MARKDOWN_LIMITS = { description: 10_000, requirements: 5_000, companyDescription: 3_000 } as const

function requiredHttpUrl(value: string | null | undefined): true | string {
  return typeof value === 'string' && value !== '' && validateOptionalHttpUrl(value) === true ? true : 'Enter the http(s) address of the job or the company.'
}

/** RFC 5321's longest address: the email field type has no maxLength of its own. */
const EMAIL_MAX_LENGTH = 254

const boundedEmail: EmailFieldValidation = (value, options) =>
  typeof value === 'string' && value.length > EMAIL_MAX_LENGTH ? `Use at most ${EMAIL_MAX_LENGTH} characters.` : validations.email(value, options)

const moderatorsOnly = { create: allowRolesOnField('jobs-moderator'), update: allowRolesOnField('jobs-moderator') }

/** The poster's Markdown as HTML, rendered when saved (the boxes' allowlist). */
const markup = renderedMarkup('jobs', [
  { name: 'descriptionHtml', label: 'Description HTML', from: ['description'], source: 'markup', render: markdownHtml },
  { name: 'requirementsHtml', label: 'Requirements HTML', from: ['requirements'], source: 'markup', render: markdownHtml },
  { name: 'companyDescriptionHtml', label: 'Company description HTML', from: ['companyDescription'], source: 'markup', render: markdownHtml },
])


/**
 * The job board (python.org's `apps/jobs` Job): postings by companies, reviewed by the jobs
 * moderators, listed at /jobs/ while approved and unexpired. The state machine is in workflow.ts
 * and enforced for every write by enforceJobWorkflow.
 */
export const Jobs: CollectionConfig = {
  slug: 'jobs',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'companyName', 'status', 'expires', 'updatedAt'],
    group: 'Jobs',
    listSearchableFields: ['title', 'companyName'],
  },
  access: jobAccess,
  endpoints: jobEndpoints,
  defaultSort: '-createdAt',
  custom: markup.custom,
  hooks: {
    beforeValidate: [markup.beforeValidate],
    beforeChange: [recordAuthors, setSubmitter, enforceJobWorkflow, setLocationSlug, markup.beforeChange],
    afterChange: [notifyJobStatusChange],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 100 },
    { name: 'companyName', type: 'text', required: true, maxLength: 100 },
    { name: 'category', type: 'relationship', relationTo: 'job-categories', required: true, index: true },
    { name: 'types', type: 'relationship', relationTo: 'job-types', hasMany: true, maxRows: 20 },
    { name: 'otherJobType', type: 'text', maxLength: 100 },
    {
      type: 'row',
      fields: [
        { name: 'city', type: 'text', required: true, maxLength: 100 },
        { name: 'region', type: 'text', maxLength: 100 },
        { name: 'country', type: 'text', required: true, maxLength: 100, index: true },
      ],
    },
    { name: 'locationSlug', type: 'text', index: true, maxLength: 300, admin: { readOnly: true, position: 'sidebar', description: 'Built from city, region and country: /jobs/location/<slug>/.' } },
    { name: 'remote', type: 'checkbox', defaultValue: false, index: true, label: 'Remote (telecommuting) allowed' },
    { name: 'agencies', type: 'checkbox', defaultValue: true, label: 'Agencies may get in touch' },
    { name: 'description', type: 'textarea', required: true, maxLength: MARKDOWN_LIMITS.description, admin: { description: 'Markdown.' } },
    { name: 'requirements', type: 'textarea', required: true, maxLength: MARKDOWN_LIMITS.requirements, admin: { description: 'Markdown.' } },
    { name: 'companyDescription', type: 'textarea', maxLength: MARKDOWN_LIMITS.companyDescription, admin: { description: 'Markdown.' } },
    ...markup.fields,
    { name: 'contactName', type: 'text', maxLength: 100 },
    { name: 'email', type: 'email', required: true, validate: boundedEmail, admin: { description: 'Shown on the job page, as on python.org.' } },
    { name: 'url', type: 'text', required: true, maxLength: 1000, validate: requiredHttpUrl },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: JOB_STATUSES.map((status) => ({ label: status, value: status })),
      admin: { position: 'sidebar', description: 'Moves are checked against the job workflow (collections/Jobs/workflow.ts).' },
    },
    {
      // The id of the visitor's account that posted it (the site's form sets it); deleting the
      // account deletes its postings (collections/Accounts/ownedRecords.ts). A plain id, not a
      // relationship: accounts have no GraphQL (none of Payload's auth mutations for visitors),
      // and Payload cannot build a GraphQL type for a relation to such a collection.
      name: 'submittedBy',
      type: 'number',
      index: true,
      access: moderatorsOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    { name: 'featured', type: 'checkbox', defaultValue: false, access: moderatorsOnly, admin: { position: 'sidebar' } },
    { name: 'expires', type: 'date', index: true, access: moderatorsOnly, admin: { position: 'sidebar', description: 'Set on the first approval; the listing ends then.' } },
    // Set by the workflow on the first approval (the field access keeps it from submitters).
    { name: 'approvedAt', type: 'date', access: moderatorsOnly, admin: { position: 'sidebar', readOnly: true } },
    ...auditFields(),
  ],
}
