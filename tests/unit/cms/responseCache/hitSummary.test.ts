import { Writable } from 'node:stream'

import pino from 'pino'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { startHitSummary } from '../../../../cms/responseCache/hitSummary'

function recordingLogger(): { log: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>)
      done()
    },
  })
  return { log: pino(sink), lines }
}

afterEach(() => vi.useRealTimers())

describe('startHitSummary', () => {
  it('writes one line per period with hits, none for a period without, and the rest on stop', async () => {
    vi.useFakeTimers()
    const { log, lines } = recordingLogger()
    const summary = startHitSummary(log, 60_000)
    for (let index = 0; index < 5; index += 1) summary.count()
    vi.advanceTimersByTime(60_000)
    vi.advanceTimersByTime(60_000)
    summary.count()
    summary.stop()
    vi.useRealTimers()
    await new Promise((resolve) => setImmediate(resolve))
    expect(lines.map((line) => [line.msg, line.responseCacheHits])).toEqual([
      ['answers from the response cache', 5],
      ['answers from the response cache', 1],
    ])
  })
})
