import type { Block, Field } from 'payload'

/**
 * The first list (array, blocks) or group that the data sets to null, as a message naming its
 * path, or null when there is none. Payload and its Postgres adapter read such a value as an
 * object: `{ "contacts": null }` on a sponsor or `{ "recurrence": null }` on an event was a
 * TypeError answered 500 (a sweep of every field with wrong values found them). A list is
 * emptied with [], a group is an object of its fields.
 *
 * The walk follows the collection's field config, so its depth is the config's; the rows it
 * visits are the request's, bounded by the request size limit and the nesting guard before it.
 */
export function nullContainerProblem(fields: readonly Field[], data: Record<string, unknown>, path = ''): string | null {
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const problem = 'name' in tab && tab.name ? containerProblem('group', tab.name, tab.fields, data, path) : nullContainerProblem(tab.fields, data, path)
        if (problem) return problem
      }
      continue
    }
    if (!('name' in field) || typeof field.name !== 'string' || field.name === '') {
      // Rows and collapsibles hold no data of their own: their fields sit beside them.
      if ('fields' in field && Array.isArray(field.fields)) {
        const problem = nullContainerProblem(field.fields, data, path)
        if (problem) return problem
      }
      continue
    }
    if (field.type === 'array' || field.type === 'group') {
      const problem = containerProblem(field.type, field.name, field.fields, data, path)
      if (problem) return problem
    } else if (field.type === 'blocks') {
      const problem = blocksProblem(field.name, field.blocks, data, path)
      if (problem) return problem
    }
  }
  return null
}

function containerProblem(kind: 'array' | 'group', name: string, fields: readonly Field[], data: Record<string, unknown>, path: string): string | null {
  if (!(name in data)) return null
  const value = data[name]
  const where = `${path}${name}`
  if (value === null) return kind === 'array' ? `"${where}" is a list: send [] to remove every row, not null.` : `"${where}" is a group: send an object of its fields, not null.`
  if (kind === 'group') return isObject(value) ? nullContainerProblem(fields, value, `${where}.`) : null
  if (!Array.isArray(value)) return null
  for (const [index, row] of value.entries()) {
    if (!isObject(row)) continue
    const problem = nullContainerProblem(fields, row, `${where}.${index}.`)
    if (problem) return problem
  }
  return null
}

function blocksProblem(name: string, blocks: readonly Block[], data: Record<string, unknown>, path: string): string | null {
  if (!(name in data)) return null
  const value = data[name]
  const where = `${path}${name}`
  if (value === null) return `"${where}" is a list of blocks: send [] to remove every block, not null.`
  if (!Array.isArray(value)) return null
  for (const [index, row] of value.entries()) {
    if (!isObject(row)) continue
    const block = blocks.find((candidate) => candidate.slug === row.blockType)
    if (!block) continue
    const problem = nullContainerProblem(block.fields, row, `${where}.${index}.`)
    if (problem) return problem
  }
  return null
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
