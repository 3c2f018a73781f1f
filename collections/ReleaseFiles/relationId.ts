/** A relationship value as Payload hands it over: an id, a populated document, or nothing. */
export function relationId(value: unknown): number | string | null {
  if (value == null || value === '') return null
  if (typeof value === 'object' && 'id' in value) return (value as { id: number | string }).id
  if (typeof value === 'number' || typeof value === 'string') return value
  return null
}
