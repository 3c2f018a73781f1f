/**
 * The score of a content-fuzz run: documents tried (saved or refused), pages checked, and every
 * failure (a save that crashed instead of refusing, a page that answered 5xx, took longer than
 * its budget or did not answer) with what caused it. Prints
 * `content fuzz: N documents tried, M pages checked, F failures` (read by `npm run test:security`).
 */
export type ContentFuzzFailure = { target: string; problem: string; input: string }

/** How long one page may take, cold (the cache purged), before it counts as a failure. */
export const PAGE_BUDGET_MS = 2_000

/** Past this a page has not answered at all. */
const PAGE_TIMEOUT_MS = 15_000

export function describeInput(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value)
  return json.length > 600 ? `${json.slice(0, 600)}... (${json.length} chars)` : json
}

export class ContentFuzzTally {
  documents = 0
  saved = 0
  refused = 0
  pages = 0
  /** Pages over budget once that answered within it when asked again (a busy machine, not the content). */
  retried = 0
  readonly failures: ContentFuzzFailure[] = []
  readonly perTarget = new Map<string, { tried: number; saved: number }>()
  private readonly slowest: { ms: number; path: string; status: number }[] = []

  /** Why saves were refused, counted: shows whether the generators get past validation. */
  readonly refusals = new Map<string, number>()

  refusal(target: string, reason: string): void {
    const key = `${target}: ${reason.replace(/\s+/g, ' ').slice(0, 160)}`
    this.refusals.set(key, (this.refusals.get(key) ?? 0) + 1)
  }

  document(target: string, saved: boolean): void {
    this.documents += 1
    if (saved) this.saved += 1
    else this.refused += 1
    const entry = this.perTarget.get(target) ?? { tried: 0, saved: 0 }
    entry.tried += 1
    if (saved) entry.saved += 1
    this.perTarget.set(target, entry)
  }

  /** Printed at once, so a failure that later wedges the stack is not lost. */
  fail(failure: ContentFuzzFailure): void {
    this.failures.push(failure)
    console.log(`content fuzz failure [${failure.target}] ${failure.problem}\n  input: ${failure.input}`)
  }

  failuresOf(target: string): ContentFuzzFailure[] {
    return this.failures.filter((failure) => failure.target === target)
  }

  /**
   * GETs a site page as a visitor would and checks it: an answer, not a 5xx, within the budget.
   * `purge` empties the site's cache; a page over budget is asked again once, cold, so that a
   * moment of load on a shared machine is not taken for content that makes rendering slow.
   */
  async checkPage(webUrl: string, path: string, target: string, input: string, purge: () => Promise<void>): Promise<void> {
    this.pages += 1
    let answer = await this.timedGet(webUrl, path)
    if (answer.ok && answer.ms > PAGE_BUDGET_MS) {
      this.retried += 1
      await purge()
      answer = await this.timedGet(webUrl, path)
    }
    if (!answer.ok) {
      this.fail({ target, problem: `GET ${path}: no answer within ${PAGE_TIMEOUT_MS} ms (${answer.error})`, input })
      return
    }
    this.slowest.push({ ms: answer.ms, path, status: answer.status })
    this.slowest.sort((a, b) => b.ms - a.ms)
    this.slowest.length = Math.min(this.slowest.length, 5)
    if (answer.status >= 500) this.fail({ target, problem: `GET ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`, input })
    else if (answer.ms > PAGE_BUDGET_MS) this.fail({ target, problem: `GET ${path} took ${answer.ms} ms (budget ${PAGE_BUDGET_MS} ms), twice`, input })
  }

  private async timedGet(webUrl: string, path: string): Promise<{ ok: true; status: number; ms: number; text: string } | { ok: false; error: string }> {
    const started = performance.now()
    try {
      const response = await fetch(`${webUrl}${path}`, { redirect: 'manual', signal: AbortSignal.timeout(PAGE_TIMEOUT_MS) })
      const text = await response.text()
      return { ok: true, status: response.status, ms: Math.round(performance.now() - started), text }
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) }
    }
  }

  summaryLine(): string {
    return `content fuzz: ${this.documents} documents tried, ${this.pages} pages checked, ${this.failures.length} failures`
  }

  breakdown(): string {
    const targets = [...this.perTarget].map(([target, { tried, saved }]) => `${target} ${saved}/${tried}`).join(', ')
    const slowest = this.slowest.map((entry) => `  ${entry.ms} ms ${entry.status} ${entry.path.slice(0, 200)}`).join('\n')
    const refusals = [...this.refusals].sort(([, a], [, b]) => b - a).slice(0, 40).map(([reason, count]) => `  ${count}x ${reason}`).join('\n')
    return `content fuzz refusals (most frequent):\n${refusals}\ncontent fuzz: ${this.saved} saved and rendered, ${this.refused} refused; per target (saved/tried): ${targets}\ncontent fuzz: ${this.retried} pages over budget once, within it when asked again\ncontent fuzz slowest pages:\n${slowest}`
  }
}
