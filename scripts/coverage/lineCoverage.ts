/**
 * Line coverage from istanbul's per-file JSON: a line is covered when a statement starting on
 * it ran. Two reports of the same file built by different converters (vitest's in-process one,
 * v8-to-istanbul for the processes) do not share statement ids, but they agree on lines, so
 * lines are what is merged.
 */
export type IstanbulFileCoverage = {
  readonly path: string
  readonly statementMap: Readonly<Record<string, { readonly start: { readonly line: number } }>>
  readonly s: Readonly<Record<string, number>>
}

export type LineCoverage = { readonly lines: Set<number>; readonly covered: Set<number> }

export function lineCoverageOf(file: IstanbulFileCoverage): LineCoverage {
  const lines = new Set<number>()
  const covered = new Set<number>()
  for (const [id, statement] of Object.entries(file.statementMap)) {
    const line = statement.start.line
    lines.add(line)
    if ((file.s[id] ?? 0) > 0) covered.add(line)
  }
  return { lines, covered }
}
