import type { CollectionConfig } from 'payload'

import { generatedBoxAccess } from '../access/generatedBoxAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { markupTypeField } from '../fields/markupTypeField'
import { renderedMarkup } from '../fields/renderedMarkup'
import { boxHtml } from '../../lib/markup/storedMarkup'

/** The box's HTML, rendered from its content in its markup type when saved (the boxes' allowlist). */
const markup = renderedMarkup('boxes', [{ name: 'contentHtml', label: 'Content HTML', from: ['content', 'markupType'], source: 'markup', render: boxHtml }])


/** Labelled, reusable HTML blocks (python.org's `{% box 'label' %}` and `/box/<label>/`). */
export const Boxes: CollectionConfig = {
  slug: 'boxes',
  admin: { useAsTitle: 'label', defaultColumns: ['label', 'generated', 'updatedAt'], group: 'Content' },
  // Editors write boxes, except the generated download boxes: those only the regeneration writes.
  access: generatedBoxAccess(),
  defaultSort: 'label',
  hooks: { beforeValidate: [markup.beforeValidate], beforeChange: [recordAuthors, markup.beforeChange] },
  custom: markup.custom,
  fields: [
    {
      name: 'label',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: 100,
      validate: (value: string | null | undefined) =>
        typeof value === 'string' && /^[a-z0-9_-]+$/.test(value)
          ? true
          : 'A label holds only lower-case letters, digits, dashes and underscores.',
    },
    markupTypeField(),
    { name: 'content', type: 'code', required: true, admin: { language: 'html' } },
    ...markup.fields,
    {
      name: 'generated',
      type: 'checkbox',
      defaultValue: false,
      // Set by the regeneration (overrideAccess) only: nobody marks a box generated, or unmarks one.
      access: { create: () => false, update: () => false },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Rebuilt from release data whenever releases change: edits here are overwritten.',
      },
    },
    ...auditFields(),
  ],
}
