import type { CollectionConfig } from 'payload'

import { contentAccess } from '../access/contentAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { richTextWithMarkup } from '../fields/richTextWithMarkup'
import { meetingDayAtNoon } from './hooks/meetingDayAtNoon'
import { renderedMarkup } from '../fields/renderedMarkup'
import { trustedRichTextHtml } from '../../lib/markup/storedMarkup'

/** The minutes' HTML, rendered from their content when saved (staff-written: the pages' allowlist). */
const markup = renderedMarkup('minutes', [{ name: 'contentHtml', label: 'Content HTML', from: ['content'], source: 'richText', render: trustedRichTextHtml }])


/**
 * PSF Board meeting minutes (python.org's `apps/minutes`): one document per meeting day, written
 * by staff (usually reStructuredText in a raw-markup block, as python.org keeps them) and public
 * once published, at /psf/records/board/minutes/<YYYY-MM-DD>/, in the archive, the RSS feed and
 * the site search. Drafts are for staff only (python.org leaked draft dates as dead links).
 */
export const Minutes: CollectionConfig = {
  slug: 'minutes',
  labels: { singular: 'Board minutes', plural: 'Board minutes' },
  typescript: { interface: 'BoardMinutes' },
  // Singular and plural labels are the same words; GraphQL needs two distinct names.
  graphQL: { singularName: 'BoardMeetingMinutes', pluralName: 'BoardMinutes' },
  admin: {
    useAsTitle: 'meetingDate',
    defaultColumns: ['meetingDate', '_status', 'updatedAt'],
    group: 'PSF',
    description: "Minutes of the PSF Board's meetings, one per meeting day.",
  },
  access: contentAccess({ kind: 'drafts' }),
  versions: { drafts: true, maxPerDoc: 20 },
  defaultSort: '-meetingDate',
  hooks: { beforeValidate: [markup.beforeValidate], beforeChange: [recordAuthors, markup.beforeChange] },
  custom: markup.custom,
  fields: [
    {
      name: 'meetingDate',
      type: 'date',
      required: true,
      unique: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
      hooks: { beforeValidate: [meetingDayAtNoon] },
    },
    richTextWithMarkup('content'),
    ...markup.fields,
    ...auditFields(),
  ],
}
