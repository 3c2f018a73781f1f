/**
 * `npm run test:security`: the security suites (scripts/security/securitySuites.ts), one vitest
 * run per project, system tests under the system lock as everywhere else, then `npm audit
 * --omit=dev`; then the figures the tests printed (access matrix cases and mismatches, throttles,
 * login, fuzz inputs and 5xx, XSS payloads, uploads, headers and outage checks, audit counts)
 * gathered at the end. Exits non-zero when a suite fails, a matrix has a mismatch or a total is a
 * failure.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'

import { FIGURE_PATTERNS, SECURITY_SUITES, type SecuritySuite } from './securitySuites'
import { summariseFigures } from './summariseFigures'

const SYSTEM_LOCK = '/tmp/pydotorg-system.lock'

/** Runs one project's files, passing the output through and keeping its lines. */
function runSuite(suite: SecuritySuite, lines: string[]): Promise<boolean> {
  const vitest = ['npx', 'vitest', 'run', '--project', suite.project, ...suite.files]
  // System tests start processes on shared ports and data: one run at a time on this machine.
  const command = suite.project === 'system' && existsSync('/usr/bin/flock') ? ['flock', SYSTEM_LOCK, ...vitest] : vitest
  console.log(`\n== ${suite.project}: ${suite.files.join(' ')}`)
  return runKeepingLines(command, lines)
}

/** Runs a command, passing its output through and keeping its lines; resolves true on exit 0. */
function runKeepingLines(command: string[], lines: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    // Without colours, so the figures can be matched on the text.
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' } })
    let pending = ''
    const keep = (chunk: Buffer, to: NodeJS.WriteStream) => {
      to.write(chunk)
      pending += chunk.toString()
      const complete = pending.split('\n')
      pending = complete.pop() ?? ''
      lines.push(...complete)
    }
    child.stdout.on('data', (chunk: Buffer) => keep(chunk, process.stdout))
    child.stderr.on('data', (chunk: Buffer) => keep(chunk, process.stderr))
    child.on('error', () => resolve(false))
    child.on('exit', (code) => {
      if (pending !== '') lines.push(pending)
      resolve(code === 0)
    })
  })
}

async function main(): Promise<void> {
  const lines: string[] = []
  const failed: string[] = []
  for (const suite of SECURITY_SUITES) if (!(await runSuite(suite, lines))) failed.push(suite.project)
  console.log('\n== npm audit --omit=dev')
  // Unavailable (the registry refuses the audit request) is reported, not counted as a failure.
  const audited = await runKeepingLines(['npx', 'tsx', 'scripts/security/auditDependencies.ts'], lines)
  if (!audited && !lines.some((line) => line.startsWith('npm audit: unavailable'))) failed.push('npm audit')

  const figures = lines.flatMap((line) => FIGURE_PATTERNS.map((pattern) => pattern.exec(line)?.[0]).filter((match) => match !== undefined))
  const matrices = figures.map((figure) => /access matrix: (\d+) cases, (\d+) mismatches/.exec(figure)).filter((match) => match !== null)
  const cases = matrices.reduce((sum, match) => sum + Number(match[1]), 0)
  const mismatches = matrices.reduce((sum, match) => sum + Number(match[2]), 0)

  console.log('\n== security figures')
  for (const figure of figures) console.log(figure)
  console.log(`access matrix, all surfaces: ${cases} cases, ${mismatches} mismatches`)
  const totals = summariseFigures(figures)
  for (const line of totals.lines) console.log(line)
  console.log(failed.length === 0 ? 'all security suites passed' : `FAILED suites: ${failed.join(', ')}`)
  if (failed.length > 0 || mismatches > 0 || matrices.length === 0 || totals.failed) process.exit(1)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
