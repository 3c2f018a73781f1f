import type { CollectionConfig } from 'payload'

import { releaseDataAccess } from '../access/releaseDataAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { slugField } from '../fields/slugField'
import { refuseDeleteWhileReferenced } from '../hooks/refuseDeleteWhileReferenced'

/**
 * The platforms release files are built for. Ids are kept as python.org's: the release
 * tooling assumes `source` is 3.
 */
export const OperatingSystems: CollectionConfig = {
  slug: 'operating-systems',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'], group: 'Downloads' },
  access: releaseDataAccess(),
  defaultSort: 'name',
  // Populated into every release file: the name and slug are what readers need.
  defaultPopulate: { name: true, slug: true },
  hooks: { beforeChange: [recordAuthors], beforeDelete: [refuseDeleteWhileReferenced('release-files', 'os', 'release files')] },
  fields: [{ name: 'name', type: 'text', required: true, maxLength: 200 }, slugField('name'), ...auditFields()],
}
