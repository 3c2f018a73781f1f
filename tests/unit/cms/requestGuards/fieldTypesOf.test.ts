import type { CollectionConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { fieldTypesOf } from '../../../../cms/requestGuards/fieldTypesOf'

describe("a collection's queryable field types", () => {
  it('names top-level fields, looks through rows, collapsibles and unnamed tabs, and adds the id and timestamps', () => {
    const collection: CollectionConfig = {
      slug: 'things',
      fields: [
        { name: 'title', type: 'text' },
        { type: 'row', fields: [{ name: 'when', type: 'date' }] },
        { type: 'collapsible', label: 'More', fields: [{ name: 'count', type: 'number' }] },
        { type: 'tabs', tabs: [{ label: 'A', fields: [{ name: 'flag', type: 'checkbox' }] }, { name: 'named', fields: [{ name: 'inner', type: 'text' }] }] },
        { name: 'group', type: 'group', fields: [{ name: 'nested', type: 'text' }] },
      ],
    }
    expect(Object.fromEntries(fieldTypesOf(collection))).toEqual({
      id: 'number',
      createdAt: 'date',
      updatedAt: 'date',
      title: 'text',
      when: 'date',
      count: 'number',
      flag: 'checkbox',
      group: 'group',
    })
  })
})
