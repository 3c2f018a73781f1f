import type { Outcome } from './accessProbes'

export type Expected = 'allowed' | 'denied'

/** One cell of the access table as tested. */
export interface AccessCase {
  collection: string
  operation: string
  actor: string
  expected: Expected
  actual: Outcome
}

export function isMismatch(result: AccessCase): boolean {
  return result.actual !== result.expected
}

function cell(result: AccessCase | undefined): string {
  if (!result) return 'n/a'
  const short = (outcome: string) => (outcome === 'allowed' ? 'allow' : outcome === 'denied' ? 'deny' : 'ERROR')
  return isMismatch(result) ? `!! ${short(result.actual)} (want ${short(result.expected)})` : short(result.actual)
}

function renderRows(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  const line = (row: string[]) => `| ${row.map((value, column) => value.padEnd(widths[column])).join(' | ')} |`
  return [line(rows[0]), line(widths.map((width) => '-'.repeat(width))), ...rows.slice(1).map(line)].join('\n')
}

/** The access table as observed: one row per collection and operation, one column per actor. */
export function formatAccessTable(results: readonly AccessCase[], actors: readonly string[]): string {
  const keys = [...new Set(results.map((result) => `${result.collection}\u0000${result.operation}`))]
  const rows = keys.map((key) => {
    const [collection, operation] = key.split('\u0000')
    const cells = actors.map((actor) =>
      cell(results.find((result) => result.collection === collection && result.operation === operation && result.actor === actor)),
    )
    return [collection, operation, ...cells]
  })
  return renderRows([['collection', 'operation', ...actors], ...rows])
}

/** Every mismatch with what was expected and what happened (including unexpected errors). */
export function formatMismatches(results: readonly AccessCase[]): string {
  const mismatches = results.filter(isMismatch)
  if (mismatches.length === 0) return 'no mismatches'
  return renderRows([
    ['collection', 'operation', 'actor', 'expected', 'actual'],
    ...mismatches.map((result) => [result.collection, result.operation, result.actor, result.expected, result.actual]),
  ])
}
