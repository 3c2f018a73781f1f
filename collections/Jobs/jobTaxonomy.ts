import type { CollectionConfig } from 'payload'

import { allowRoles } from '../access/allowRoles'
import { anyone } from '../access/anyone'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { slugField } from '../fields/slugField'
import { refuseDeleteWhileReferenced } from '../hooks/refuseDeleteWhileReferenced'

/**
 * Job types and job categories (python.org's JobType and JobCategory): a name, its slug for
 * /jobs/type/<slug>/ and /jobs/category/<slug>/, and whether new jobs may choose it. Public, so
 * the filters can be listed; written by the jobs moderators.
 */
export function jobTaxonomy(slug: 'job-types' | 'job-categories', labels: { singular: string; plural: string }): CollectionConfig {
  return {
    slug,
    labels,
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'active'], group: 'Jobs' },
    access: { create: allowRoles('jobs-moderator'), read: anyone, update: allowRoles('jobs-moderator'), delete: allowRoles('jobs-moderator') },
    defaultSort: 'name',
    // Jobs keep their type and category: one that is still used is made inactive, not deleted.
    hooks: { beforeChange: [recordAuthors], beforeDelete: [refuseDeleteWhileReferenced('jobs', slug === 'job-types' ? 'types' : 'category', 'jobs')] },
    fields: [
      { name: 'name', type: 'text', required: true, unique: true, maxLength: 200 },
      slugField('name'),
      { name: 'active', type: 'checkbox', defaultValue: true, index: true, admin: { description: 'Inactive ones are kept for old jobs but offered no more.' } },
      ...auditFields(),
    ],
  }
}
