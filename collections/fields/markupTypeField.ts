import type { SelectField } from 'payload'

/** python.org's markup types for stored content: HTML, Markdown or reStructuredText. */
export function markupTypeField(): SelectField {
  return {
    name: 'markupType',
    type: 'select',
    required: true,
    defaultValue: 'html',
    options: [
      { label: 'HTML', value: 'html' },
      { label: 'Markdown', value: 'markdown' },
      { label: 'reStructuredText', value: 'restructuredtext' },
    ],
  }
}
