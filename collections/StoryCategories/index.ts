import type { CollectionConfig } from 'payload'

import { storyAccess } from '../access/storyAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { slugField } from '../fields/slugField'

/** python.org's 7 success-story categories (arts, business, education, ...). */
export const StoryCategories: CollectionConfig = {
  slug: 'story-categories',
  admin: { useAsTitle: 'name', group: 'Success stories' },
  access: storyAccess(false),
  defaultSort: 'name',
  hooks: { beforeChange: [recordAuthors] },
  fields: [{ name: 'name', type: 'text', required: true, maxLength: 200 }, slugField('name'), ...auditFields()],
}
