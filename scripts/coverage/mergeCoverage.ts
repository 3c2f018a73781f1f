/**
 * `npm run test:coverage`, second half: merges vitest's in-process line coverage with what the
 * CMS and renderer processes ran (see tests/support/childCoverageEnv.ts) and prints line
 * coverage per area and in total.
 *
 * Usage: tsx scripts/coverage/mergeCoverage.ts <vitest coverage-final.json> <processes' V8 dir>
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { lineCoverageOf, type IstanbulFileCoverage, type LineCoverage } from './lineCoverage'
import { readProcessCoverage } from './processCoverage'

const AREAS = ['collections/', 'web/', 'seed/', 'cms/', 'lib/']

async function main(): Promise<void> {
  const [inProcessFile, processDir] = process.argv.slice(2)
  if (inProcessFile === undefined || processDir === undefined) throw new Error('usage: mergeCoverage <coverage-final.json> <process coverage dir>')
  const repoRoot = process.cwd()
  const inProcess = JSON.parse(await readFile(inProcessFile, 'utf8')) as Record<string, IstanbulFileCoverage>

  // vitest lists every file in scope, run or not: its lines are the denominator.
  const merged = new Map<string, LineCoverage>()
  for (const file of Object.values(inProcess)) merged.set(path.resolve(file.path), lineCoverageOf(file))
  const fromProcesses = await readProcessCoverage(processDir, repoRoot)
  let linesOnlyProcessesRan = 0
  for (const file of fromProcesses) {
    const target = merged.get(file.path)
    if (target === undefined) continue
    for (const line of lineCoverageOf(file).covered) {
      if (target.lines.has(line) && !target.covered.has(line)) {
        target.covered.add(line)
        linesOnlyProcessesRan += 1
      }
    }
  }

  const rows = AREAS.map((area) => {
    const files = [...merged].filter(([file]) => path.relative(repoRoot, file).startsWith(area))
    return { area, files: files.length, ...sum(files.map(([, coverage]) => coverage)) }
  })
  const total = sum([...merged.values()])
  console.log('\nLine coverage (in-process tests plus the CMS and renderer processes the system tests ran):')
  for (const row of rows) console.log(`  ${row.area.padEnd(13)} ${percent(row.covered, row.lines).padStart(7)}  (${row.covered}/${row.lines} lines, ${row.files} files)`)
  console.log(`  ${'all'.padEnd(13)} ${percent(total.covered, total.lines).padStart(7)}  (${total.covered}/${total.lines} lines; ${linesOnlyProcessesRan} lines covered only in the processes)`)

  const worst = [...merged]
    .map(([file, coverage]) => ({ file: path.relative(repoRoot, file), missed: coverage.lines.size - coverage.covered.size }))
    .filter((entry) => entry.missed > 0)
    .sort((a, b) => b.missed - a.missed)
    .slice(0, 15)
  console.log('  most lines not covered:')
  for (const entry of worst) console.log(`    ${String(entry.missed).padStart(5)}  ${entry.file}`)
  await writeFile(path.join(path.dirname(inProcessFile), '..', 'line-coverage-summary.json'), JSON.stringify({ areas: rows, total }, null, 2))
}

function sum(coverages: readonly LineCoverage[]): { lines: number; covered: number } {
  return coverages.reduce((acc, coverage) => ({ lines: acc.lines + coverage.lines.size, covered: acc.covered + coverage.covered.size }), { lines: 0, covered: 0 })
}

function percent(covered: number, lines: number): string {
  return lines === 0 ? 'n/a' : `${((covered / lines) * 100).toFixed(1)}%`
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    process.exit(1)
  },
)
