import type { Logger } from 'pino'

/**
 * Answers from the response cache are counted, not logged one by one: a request line cost a
 * CMS worker about a fifth of its throughput on cached reads (measured under wrk, issue 14),
 * more than the rest of such an answer. The renderer logs no line for a page-cache hit either.
 * Every `everyMs` with hits, one line says how many; `stop` writes the last count.
 */
export function startHitSummary(log: Logger, everyMs: number): { count: () => void; stop: () => void } {
  let hits = 0
  let since = Date.now()
  const write = () => {
    if (hits > 0) log.info({ responseCacheHits: hits, seconds: Math.round((Date.now() - since) / 1000) }, 'answers from the response cache')
    hits = 0
    since = Date.now()
  }
  const timer = setInterval(write, everyMs)
  timer.unref()
  return {
    count: () => {
      hits += 1
    },
    stop: () => {
      clearInterval(timer)
      write()
    },
  }
}
