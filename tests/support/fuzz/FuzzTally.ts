import { judgeAnswer, type Answer } from './judgeAnswer'

/** One request of a fuzz run: where it goes and what it carries. */
export type FuzzRequest = {
  readonly method: string
  readonly url: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
}

export type Finding = { target: string; request: string; problem: string }

/** How long one fuzzed request may take before it counts as unanswered. */
export const FUZZ_REQUEST_TIMEOUT_MS = 15_000

function describe(request: FuzzRequest): string {
  const body = request.body === undefined ? '' : ` body=${JSON.stringify(request.body.length > 300 ? `${request.body.slice(0, 300)}... (${request.body.length} chars)` : request.body)}`
  const url = request.url.length > 400 ? `${request.url.slice(0, 400)}... (${request.url.length} chars)` : request.url
  const type = request.headers?.['content-type']
  return `${request.method} ${url}${type ? ` (${type})` : ''}${body}`
}

/**
 * Sends fuzzed requests and keeps the score: inputs tried and 5xx answers per target, and every
 * finding (a 5xx, a 4xx without a message, a timeout) with the request that caused it.
 */
export class FuzzTally {
  readonly tried = new Map<string, number>()
  readonly statuses = new Map<number, number>()
  readonly findings: Finding[] = []
  /** The slowest requests, to show where the time went. */
  readonly slowest: { ms: number; target: string; request: string; status: number }[] = []
  serverErrors = 0

  get total(): number {
    return [...this.tried.values()].reduce((sum, count) => sum + count, 0)
  }

  /** `mustRefuse`: every input of this target is invalid, so a 2xx is a finding too. */
  async send(target: string, request: FuzzRequest, options: { mustRefuse?: boolean } = {}): Promise<Answer | null> {
    this.tried.set(target, (this.tried.get(target) ?? 0) + 1)
    let answer: Answer
    const started = performance.now()
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(FUZZ_REQUEST_TIMEOUT_MS),
      })
      answer = {
        method: request.method,
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        location: response.headers.get('location'),
        text: await response.text(),
      }
    } catch (error) {
      this.record({ target, request: describe(request), problem: `no answer: ${error instanceof Error ? error.message : String(error)}` })
      return null
    }
    this.noteDuration(performance.now() - started, target, request, answer.status)
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1)
    if (answer.status >= 500) this.serverErrors += 1
    const problem = options.mustRefuse && answer.status < 300 ? `accepted (${answer.status}) a request that must be refused: ${answer.text.slice(0, 200)}` : judgeAnswer(answer)
    if (problem !== null) this.record({ target, request: describe(request), problem })
    return answer
  }

  /** Kept, and printed at once: a request that hangs the server should not hide the earlier ones. */
  private record(finding: Finding): void {
    this.findings.push(finding)
    console.log(`fuzz finding [${finding.target}] ${finding.problem}\n  ${finding.request}`)
  }

  private noteDuration(ms: number, target: string, request: FuzzRequest, status: number): void {
    this.slowest.push({ ms: Math.round(ms), target, request: describe(request).slice(0, 200), status })
    this.slowest.sort((a, b) => b.ms - a.ms)
    this.slowest.length = Math.min(this.slowest.length, 5)
  }

  summaryLine(): string {
    return `fuzz: ${this.total} inputs tried, ${this.serverErrors} answered 5xx`
  }

  breakdown(): string {
    const targets = [...this.tried].map(([target, count]) => `${target} ${count}`).join(', ')
    const statuses = [...this.statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}x${count}`).join(' ')
    const slowest = this.slowest.map((entry) => `  ${entry.ms} ms [${entry.target}] ${entry.status} ${entry.request}`).join('\n')
    return `fuzz targets: ${targets}\nfuzz statuses: ${statuses}\nfuzz slowest:\n${slowest}`
  }
}
