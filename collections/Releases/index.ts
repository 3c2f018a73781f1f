import type { CollectionConfig } from 'payload'

import { releaseDataAccess } from '../access/releaseDataAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { validateOptionalHttpUrl } from '../fields/validateOptionalHttpUrl'
import { richTextWithMarkup } from '../fields/richTextWithMarkup'
import { slugField } from '../fields/slugField'
import { deleteFilesWithRelease } from './hooks/deleteFilesWithRelease'
import { demoteOtherLatest } from './hooks/demoteOtherLatest'
import {
  regenerateDownloadBoxesAfterChange,
  regenerateDownloadBoxesAfterDelete,
} from './hooks/regenerateDownloadBoxes'
import { validateReleaseName } from './releaseName'
import { RELEASE_VERSIONS, validateReleaseVersion } from './releaseVersions'
import { sitePreviewUrl } from '../preview/sitePreviewUrl'
import { renderedMarkup } from '../fields/renderedMarkup'
import { untrustedRichTextHtml } from '../../lib/markup/storedMarkup'

/** The release notes' HTML, rendered when saved (the boxes' allowlist). */
const markup = renderedMarkup('releases', [{ name: 'contentHtml', label: 'Content HTML', from: ['content'], source: 'richText', render: untrustedRichTextHtml }])


/** A CPython (or install manager) release, with its files joined in. */
export const Releases: CollectionConfig = {
  slug: 'releases',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'releaseDate', 'isPublished', 'isLatest', 'preRelease'],
    listSearchableFields: ['name', 'slug'],
    group: 'Downloads',
    description: 'Newest first. Files are listed on each release and added there, or by the release tooling.',
    preview: sitePreviewUrl('releases'),
  },
  access: releaseDataAccess('isPublished'),
  // "Newest first" on python.org: by release date, then by version (the name sorts 3.14.7 after 3.14.6).
  defaultSort: ['-releaseDate', '-name'],
  // A release populated into a file (depth >= 1) carries its identity, not its content or files.
  defaultPopulate: { name: true, slug: true, version: true, isLatest: true, isPublished: true, preRelease: true, releaseDate: true },
  custom: markup.custom,
  hooks: {
    beforeValidate: [markup.beforeValidate],
    beforeChange: [recordAuthors, demoteOtherLatest, markup.beforeChange],
    afterChange: [regenerateDownloadBoxesAfterChange],
    beforeDelete: [deleteFilesWithRelease],
    afterDelete: [regenerateDownloadBoxesAfterDelete],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      unique: true,
      validate: validateReleaseName,
      admin: { placeholder: 'Python 3.X.YaN' },
    },
    slugField('name'),
    {
      name: 'version',
      type: 'number',
      required: true,
      defaultValue: 3,
      index: true,
      validate: validateReleaseVersion,
      admin: { description: RELEASE_VERSIONS.map((v) => `${v.value} = ${v.label}`).join(', ') },
    },
    {
      type: 'row',
      fields: [
        { name: 'isLatest', type: 'checkbox', defaultValue: false, index: true, admin: { description: 'Clears "latest" on the other releases of this version.' } },
        { name: 'isPublished', type: 'checkbox', defaultValue: false, index: true },
        { name: 'preRelease', type: 'checkbox', defaultValue: false, admin: { description: 'Alpha, beta or release candidate.' } },
        { name: 'showOnDownloadPage', type: 'checkbox', defaultValue: true },
      ],
    },
    {
      name: 'releaseDate',
      type: 'date',
      required: true,
      index: true,
      defaultValue: () => new Date().toISOString(),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'releaseNotesUrl', type: 'text', validate: validateOptionalHttpUrl },
    { name: 'releasePage', type: 'relationship', relationTo: 'pages' },
    richTextWithMarkup('content'),
    ...markup.fields,
    {
      name: 'files',
      type: 'join',
      collection: 'release-files',
      on: 'release',
      defaultSort: 'name',
      defaultLimit: 50,
      admin: { defaultColumns: ['name', 'os', 'downloadButton', 'url'] },
    },
    ...auditFields(),
  ],
}
