/**
 * The totals `npm run test:security` ends with, added up from the figure lines the tests print
 * (see FIGURE_PATTERNS): bad input, hostile content, stored XSS, uploads, headers, outages, npm audit. Also says
 * whether any of them is a failure on its own (a 5xx, a payload that runs, a failed check).
 */
export type SecurityTotals = { lines: string[]; failed: boolean }

function sum(figures: readonly string[], pattern: RegExp): [number, number, number] {
  let first = 0
  let second = 0
  let seen = 0
  for (const figure of figures) {
    const match = pattern.exec(figure)
    if (!match) continue
    first += Number(match[1])
    second += Number(match[2])
    seen += 1
  }
  return [first, second, seen]
}

export function summariseFigures(figures: readonly string[]): SecurityTotals {
  const [inputs, serverErrors, fuzzRuns] = sum(figures, /fuzz: (\d+) inputs tried, (\d+) answered 5xx/)
  const [payloads, inert, xssRuns] = sum(figures, /xss: (\d+) payloads, (\d+) inert/)
  const [uploadChecks, uploadFailures, uploadRuns] = sum(figures, /uploads: (\d+) checks, (\d+) failed/)
  const [responses, withoutHeaders, headerRuns] = sum(figures, /headers: (\d+) responses checked .*?, (\d+) without/)
  const [outageChecks, outageFailures, outageRuns] = sum(figures, /outages: (\d+) checks, (\d+) failed/)
  // Issue 10: hostile content saved and imported, then the pages showing it requested.
  const [contentDocuments, contentPages, contentRuns] = sum(figures, /^content fuzz: (\d+) documents tried, (\d+) pages checked/)
  const [, contentFailures] = sum(figures, /^content fuzz: (\d+) documents tried, \d+ pages checked, (\d+) failures/)
  // Issue 18's areas, each a counted-check suite (tests/support/checkCounter.ts).
  const areas = [['ssrf', 'SSRF'], ['body limits', 'body limits'], ['anonymous read limits', 'anonymous read limits'], ['cache abuse', 'cache abuse'], ['preview tokens', 'preview tokens'], ['sign-in', 'sign-in'], ['privacy', 'privacy']].map(([prefix, label]) => {
    const [run, failedChecks, runs] = sum(figures, new RegExp(`^${prefix}: (\\d+) checks, (\\d+) failed`))
    return { line: runs ? `${label}: ${run} checks, ${failedChecks} failed` : `${label}: not run`, failed: failedChecks > 0 }
  })
  const audit = figures.find((figure) => figure.startsWith('npm audit: ')) ?? 'npm audit: not run'
  const auditHigh = /npm audit: (\d+) high, (\d+) critical/.exec(audit)
  const lines = [
    fuzzRuns ? `bad input (fuzz): ${inputs} inputs tried, ${serverErrors} answered 5xx` : 'bad input (fuzz): not run',
    contentRuns ? `content fuzz: ${contentDocuments} documents tried, ${contentPages} pages checked, ${contentFailures} failures` : 'content fuzz: not run',
    xssRuns ? `stored XSS: ${payloads} payloads, ${inert} inert` : 'stored XSS: not run',
    uploadRuns ? `uploads: ${uploadChecks} checks, ${uploadFailures} failed` : 'uploads: not run',
    headerRuns ? `security headers: ${responses} responses checked, ${withoutHeaders} without them` : 'security headers: not run',
    outageRuns ? `outages: ${outageChecks} checks, ${outageFailures} failed` : 'outages: not run',
    ...areas.map((area) => area.line),
    auditHigh ? `npm audit (production dependencies): ${auditHigh[1]} high, ${auditHigh[2]} critical` : `${audit.replace(/^npm audit: /, 'npm audit (production dependencies): ')}`,
  ]
  const failed = serverErrors > 0 || contentFailures > 0 || inert < payloads || uploadFailures > 0 || withoutHeaders > 0 || outageFailures > 0 || areas.some((area) => area.failed)
  return { lines, failed }
}
