import type { CollectionConfig } from 'payload'

import { allowRoles } from '../access/allowRoles'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { notifyOfReviewComment } from './hooks/notifyOfReviewComment'

/**
 * The review discussion of a job posting (python.org's JobReviewComment): moderators comment, the
 * posting's contact is told each time, and a rejection quotes the latest comment. Never public.
 */
export const JobReviewComments: CollectionConfig = {
  slug: 'job-review-comments',
  labels: { singular: 'Job review comment', plural: 'Job review comments' },
  admin: { useAsTitle: 'comment', defaultColumns: ['job', 'comment', 'createdAt'], group: 'Jobs' },
  access: {
    create: allowRoles('jobs-moderator'),
    read: allowRoles('jobs-moderator'),
    update: allowRoles('jobs-moderator'),
    delete: allowRoles('jobs-moderator'),
  },
  defaultSort: '-createdAt',
  hooks: { beforeChange: [recordAuthors], afterChange: [notifyOfReviewComment] },
  fields: [
    { name: 'job', type: 'relationship', relationTo: 'jobs', required: true, index: true },
    { name: 'comment', type: 'textarea', required: true, maxLength: 5_000 },
    ...auditFields(),
  ],
}
