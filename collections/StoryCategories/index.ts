import type { CollectionConfig } from 'payload'

import { storyAccess } from '../access/storyAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { slugField } from '../fields/slugField'
import { refuseDeleteWhileReferenced } from '../hooks/refuseDeleteWhileReferenced'

/** python.org's 7 success-story categories (arts, business, education, ...). */
export const StoryCategories: CollectionConfig = {
  slug: 'story-categories',
  admin: { useAsTitle: 'name', group: 'Success stories' },
  access: storyAccess(false),
  defaultSort: 'name',
  hooks: { beforeChange: [recordAuthors], beforeDelete: [refuseDeleteWhileReferenced('success-stories', 'category', 'success stories')] },
  fields: [{ name: 'name', type: 'text', required: true, maxLength: 200 }, slugField('name'), ...auditFields()],
}
