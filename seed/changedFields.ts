/**
 * The fields of `wanted` whose value differs from `existing`, so an importer writes only what
 * changed (and a second run writes nothing). Relations compare by id, date strings by instant,
 * and objects by content whatever their key order (Postgres' jsonb reorders keys).
 */
export function changedFields<T extends Record<string, unknown>>(existing: Record<string, unknown>, wanted: T): Partial<T> {
  const changes: Partial<T> = {}
  for (const [key, value] of Object.entries(wanted) as [keyof T & string, unknown][]) {
    if (canonical(relationToId(existing[key])) !== canonical(relationToId(value))) changes[key] = value as T[typeof key]
  }
  return changes
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/

/** A populated relation (or a list of them) stands for its id. */
function relationToId(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relationToId)
  if (value && typeof value === 'object' && 'id' in value && !('root' in value)) return (value as { id: unknown }).id
  return value
}

/** A string that is equal for equal content: sorted keys, dates as instants, blanks as null. */
function canonical(value: unknown): string {
  if (value === undefined || value === '' || value === null) return 'null'
  if (typeof value === 'string') return JSON.stringify(ISO_DATE.test(value) ? new Date(value).toISOString() : value)
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
