import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { nullContainerProblem } from '../../../../cms/requestGuards/nullContainerProblem'

const fields: Field[] = [
  { name: 'title', type: 'text' },
  { name: 'contacts', type: 'array', fields: [{ name: 'name', type: 'text' }, { name: 'phones', type: 'array', fields: [{ name: 'number', type: 'text' }] }] },
  { name: 'recurrence', type: 'group', fields: [{ name: 'rrule', type: 'text' }, { name: 'exceptions', type: 'array', fields: [{ name: 'date', type: 'date' }] }] },
  { type: 'row', fields: [{ name: 'links', type: 'array', fields: [{ name: 'url', type: 'text' }] }] },
  { type: 'tabs', tabs: [{ label: 'Plain', fields: [{ name: 'notes', type: 'array', fields: [{ name: 'text', type: 'text' }] }] }, { name: 'seo', label: 'SEO', fields: [{ name: 'title', type: 'text' }] }] },
  { name: 'layout', type: 'blocks', blocks: [{ slug: 'gallery', fields: [{ name: 'images', type: 'array', fields: [{ name: 'alt', type: 'text' }] }] }] },
]

describe('nullContainerProblem', () => {
  it('names a list or group set to null, at any depth of the config, and says what to send instead', () => {
    expect(nullContainerProblem(fields, { contacts: null })).toBe('"contacts" is a list: send [] to remove every row, not null.')
    expect(nullContainerProblem(fields, { recurrence: null })).toBe('"recurrence" is a group: send an object of its fields, not null.')
    expect(nullContainerProblem(fields, { contacts: [{ name: 'A' }, { name: 'B', phones: null }] })).toBe('"contacts.1.phones" is a list: send [] to remove every row, not null.')
    expect(nullContainerProblem(fields, { recurrence: { rrule: null, exceptions: null } })).toBe('"recurrence.exceptions" is a list: send [] to remove every row, not null.')
    expect(nullContainerProblem(fields, { links: null })).toBe('"links" is a list: send [] to remove every row, not null.')
    expect(nullContainerProblem(fields, { notes: null })).toBe('"notes" is a list: send [] to remove every row, not null.')
    expect(nullContainerProblem(fields, { seo: null })).toBe('"seo" is a group: send an object of its fields, not null.')
    expect(nullContainerProblem(fields, { layout: null })).toBe('"layout" is a list of blocks: send [] to remove every block, not null.')
    expect(nullContainerProblem(fields, { layout: [{ blockType: 'gallery', images: null }] })).toBe('"layout.0.images" is a list: send [] to remove every row, not null.')
  })

  it('lets through absent, empty and filled containers, null scalars and shapes Payload\'s own validation refuses', () => {
    expect(nullContainerProblem(fields, {})).toBeNull()
    expect(nullContainerProblem(fields, { title: null, contacts: [], recurrence: {}, links: [], layout: [] })).toBeNull()
    expect(nullContainerProblem(fields, { contacts: [{ name: null, phones: [] }], recurrence: { rrule: null }, seo: { title: null } })).toBeNull()
    expect(nullContainerProblem(fields, { contacts: 'x', recurrence: [], layout: [{ blockType: 'unknown', images: null }, null, 5] })).toBeNull()
  })
})
