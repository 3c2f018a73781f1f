import type { CollectionConfig, Field } from 'payload'

import type { FieldTypes } from './whereQueryProblem'

/**
 * The types of a collection's queryable top-level fields, by name, looking through the layout
 * fields that hold no data of their own (rows, collapsibles, unnamed tabs). Payload adds `id`,
 * `createdAt` and `updatedAt` itself.
 */
export function fieldTypesOf(collection: CollectionConfig): FieldTypes {
  const types = new Map<string, string>([
    ['id', 'number'],
    ['createdAt', 'date'],
    ['updatedAt', 'date'],
  ])
  const pending: Field[] = [...collection.fields]
  while (pending.length > 0) {
    const field = pending.pop() as Field
    if (field.type === 'tabs') {
      for (const tab of field.tabs) if (!('name' in tab && tab.name)) pending.push(...tab.fields)
    } else if ('name' in field && typeof field.name === 'string') {
      types.set(field.name, field.type)
    } else if ('fields' in field && Array.isArray(field.fields)) {
      pending.push(...field.fields)
    }
  }
  return types
}
