/**
 * `npm audit --omit=dev`, reduced to one line `npm run test:security` collects:
 * `npm audit: H high, C critical (N advisories in production dependencies)`. High and critical
 * advisories must each be explained (docs/security.md: why it cannot reach us) and listed in
 * EXPLAINED_ADVISORIES, or the audit fails. When the registry's audit endpoint cannot be reached
 * (a network that allows only GET to the registry answers its POST with 405), it says so and
 * exits with UNAVAILABLE, which is not a pass.
 */
import { spawn } from 'node:child_process'

/** GitHub advisory ids (GHSA-...) of high/critical advisories docs/security.md explains. */
export const EXPLAINED_ADVISORIES: readonly string[] = []

export const UNAVAILABLE = 3

type AuditReport = {
  metadata?: { vulnerabilities?: Record<string, number> }
  vulnerabilities?: Record<string, { severity: string; via: (string | { url?: string; severity?: string; title?: string })[] }>
  error?: { summary?: string; code?: string }
  message?: string
}

function runAudit(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['audit', '--omit=dev', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    // npm audit exits non-zero when it finds advisories: the JSON decides, not the exit code.
    child.on('exit', () => resolve(output))
  })
}

/** The GHSA ids of the high and critical advisories in a report. */
export function severeAdvisories(report: AuditReport): string[] {
  const ids = new Set<string>()
  for (const vulnerability of Object.values(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via) {
      if (typeof via === 'object' && (via.severity === 'high' || via.severity === 'critical') && via.url) ids.add(via.url.split('/').at(-1) ?? via.url)
    }
  }
  return [...ids].sort()
}

async function main(): Promise<void> {
  let report: AuditReport
  try {
    report = JSON.parse(await runAudit()) as AuditReport
  } catch (error) {
    console.log(`npm audit: unavailable (${error instanceof Error ? error.message : String(error)})`)
    process.exit(UNAVAILABLE)
  }
  const counts = report.metadata?.vulnerabilities
  if (!counts) {
    console.log(`npm audit: unavailable (${report.error?.summary || report.message || 'no report'})`.replace(/\s+/g, ' '))
    process.exit(UNAVAILABLE)
  }
  const total = Object.entries(counts).filter(([severity]) => severity !== 'total').reduce((sum, [, count]) => sum + count, 0)
  console.log(`npm audit: ${counts.high ?? 0} high, ${counts.critical ?? 0} critical (${total} advisories in production dependencies)`)
  const unexplained = severeAdvisories(report).filter((id) => !EXPLAINED_ADVISORIES.includes(id))
  if (unexplained.length > 0) {
    console.log(`npm audit: high or critical advisories not explained in docs/security.md: ${unexplained.join(', ')}`)
    process.exit(1)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
