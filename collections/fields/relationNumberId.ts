/**
 * The id of a relationship value as Payload hands it over (the id itself, or the populated
 * document at depth > 0), when it is a whole number as every id here is; null otherwise.
 */
export function relationNumberId(value: unknown): number | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  return typeof id === 'number' && Number.isInteger(id) ? id : null
}
