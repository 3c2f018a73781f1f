import { nestingDepthExceeds } from './nestingDepth'

/** and/or nesting and list sizes past anything the site, the admin or a tool sends. */
export const MAX_WHERE_DEPTH = 40
export const MAX_WHERE_LIST = 5000

/**
 * Operators Payload's query language has but its Postgres adapter does not implement: `all`,
 * and the geographic ones (there is no point field here). Payload passed them on and crashed
 * with "operators[...] is not a function", a 500.
 */
const UNSUPPORTED_OPERATORS = new Set(['all', 'near', 'within', 'intersects'])
/** Text matching; on a date, number or checkbox Payload built SQL Postgres could not parse. */
const TEXT_OPERATORS = new Set(['like', 'not_like', 'contains'])
const NON_TEXT_TYPES = new Set(['date', 'number', 'checkbox'])

/** Field name -> Payload field type, for the collection's top-level fields. */
export type FieldTypes = ReadonlyMap<string, string>

function operatorProblem(path: string, operator: string, value: unknown, fieldTypes: FieldTypes): string | null {
  if (UNSUPPORTED_OPERATORS.has(operator)) return `The operator "${operator}" is not supported here; use equals, not_equals, in, not_in, exists, like, not_like, contains or a comparison.`
  const type = fieldTypes.get(path)
  if (TEXT_OPERATORS.has(operator) && type !== undefined && NON_TEXT_TYPES.has(type)) {
    return `The operator "${operator}" matches text, and "${path}" is a ${type} field: use equals, not_equals, in or a comparison.`
  }
  // `in: "1,2,3"` arrives as one comma-separated string from a URL.
  const size = Array.isArray(value) ? value.length : typeof value === 'string' && (operator === 'in' || operator === 'not_in') ? value.split(',').length : 0
  if (size > MAX_WHERE_LIST) return `The list for "${path}" has ${size} values; the limit is ${MAX_WHERE_LIST}.`
  return null
}

/**
 * Finds the first problem in a `where` ({ and/or: [...] } or { path: { operator: value } }),
 * walking it without recursion; null when it is fine or not understood (Payload judges those).
 */
export function whereQueryProblem(where: unknown, fieldTypes: FieldTypes): string | null {
  if (where === undefined || where === null) return null
  if (nestingDepthExceeds(where, MAX_WHERE_DEPTH)) return `The query's "where" nests deeper than ${MAX_WHERE_DEPTH} levels.`
  const pending: unknown[] = [where]
  while (pending.length > 0) {
    const node = pending.pop()
    if (typeof node !== 'object' || node === null) continue
    if (Array.isArray(node)) {
      if (node.length > MAX_WHERE_LIST) return `A list in the query's "where" has ${node.length} values; the limit is ${MAX_WHERE_LIST}.`
      pending.push(...node)
      continue
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'and' || key === 'or' || key === 'AND' || key === 'OR') {
        pending.push(value)
        continue
      }
      // A path takes an object of operators. Payload read a bare value's characters as
      // operators and listed each in its error: a 40 kB string made a 19 MB answer (the fuzz
      // found it, through a query qs had cut at its depth limit).
      if (value === undefined) continue
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return `The condition on "${key.slice(0, 100)}" needs an operator, as in where[${key.slice(0, 100)}][equals]=...`
      }
      for (const [operator, operand] of Object.entries(value)) {
        const problem = operatorProblem(key, operator, operand, fieldTypes)
        if (problem) return problem
      }
    }
  }
  return null
}
