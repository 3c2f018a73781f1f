import type { CollectionConfig } from 'payload'

import { releaseDataAccess } from '../access/releaseDataAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'

/** A release series (3.14, 2.7, ...): the downloads page's active-releases table and EOL notices. */
export const ReleaseCycles: CollectionConfig = {
  slug: 'release-cycles',
  admin: { useAsTitle: 'cycle', defaultColumns: ['cycle', 'status', 'firstRelease', 'endOfLife'], group: 'Downloads' },
  access: releaseDataAccess(),
  defaultSort: '-firstRelease',
  hooks: { beforeChange: [recordAuthors] },
  fields: [
    {
      name: 'cycle',
      type: 'text',
      required: true,
      unique: true,
      validate: (value: string | null | undefined) =>
        typeof value === 'string' && /^\d+\.\d+$/.test(value) ? true : 'A cycle is a major.minor version, like 3.14.',
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      options: [
        { label: 'feature', value: 'feature' },
        { label: 'pre-release', value: 'prerelease' },
        { label: 'bugfix', value: 'bugfix' },
        { label: 'security', value: 'security' },
        { label: 'end of life', value: 'end-of-life' },
      ],
    },
    { name: 'firstRelease', type: 'date', required: true },
    { name: 'endOfLife', type: 'date', required: true },
    { name: 'latestRelease', type: 'relationship', relationTo: 'releases' },
    { name: 'pep', type: 'number', admin: { description: 'The release schedule PEP.' } },
    ...auditFields(),
  ],
}
