import { fork } from 'node:child_process'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { createWatchdog, type Watchdog } from '../../../../lib/watchdog/createWatchdog'
import { heartbeatIntervalFor, isHeartbeat, startHeartbeat } from '../../../../lib/watchdog/heartbeat'

const watchdogs: Watchdog<unknown>[] = []

function watchdogAt(stallAfterMs: number) {
  let time = 1_000
  const stalls: Array<{ id: string; silentMs: number }> = []
  const watchdog = createWatchdog<string>({ stallAfterMs, onStall: (id, silentMs) => stalls.push({ id, silentMs }), now: () => time, checkEveryMs: 60_000 })
  watchdogs.push(watchdog as Watchdog<unknown>)
  return { watchdog, stalls, advance: (ms: number) => (time += ms) }
}

afterEach(() => {
  for (const watchdog of watchdogs.splice(0)) watchdog.stop()
})

describe('the watchdog', () => {
  it('reports a child that stops beating, once, with how long it was silent', () => {
    const { watchdog, stalls, advance } = watchdogAt(5_000)
    watchdog.watch('a', 60_000)
    watchdog.watch('b', 60_000)
    watchdog.beat('a')
    watchdog.beat('b')
    for (let second = 0; second < 10; second += 1) {
      advance(1_000)
      watchdog.beat('a')
      watchdog.check()
    }
    expect(stalls).toEqual([{ id: 'b', silentMs: 6_000 }])
    advance(10_000)
    watchdog.check()
    // "a" stopped too; "b" is not reported again.
    expect(stalls).toEqual([{ id: 'b', silentMs: 6_000 }, { id: 'a', silentMs: 10_000 }])
  })

  it('gives a new child its start-up allowance before the first beat, then the normal one', () => {
    const { watchdog, stalls, advance } = watchdogAt(5_000)
    watchdog.watch('new', 30_000)
    advance(29_000)
    watchdog.check()
    expect(stalls).toEqual([])
    watchdog.beat('new')
    advance(5_001)
    watchdog.check()
    expect(stalls).toEqual([{ id: 'new', silentMs: 5_001 }])
  })

  it('ignores beats of children it does not watch and forgets those that exited', () => {
    const { watchdog, stalls, advance } = watchdogAt(5_000)
    watchdog.beat('stranger')
    watchdog.watch('gone', 1_000)
    watchdog.forget('gone')
    advance(60_000)
    watchdog.check()
    expect(stalls).toEqual([])
  })

  it('refuses an allowance too small to tell a stall from a slow timer', () => {
    expect(() => createWatchdog({ stallAfterMs: 10, onStall: () => undefined })).toThrow(/100 or more/)
  })

  it('beats five times per allowance, at most once a second', () => {
    expect(heartbeatIntervalFor(5_000)).toBe(1_000)
    expect(heartbeatIntervalFor(2_000)).toBe(400)
    expect(heartbeatIntervalFor(60_000)).toBe(1_000)
  })

  it('sends nothing without an IPC channel and nothing once the channel closed', () => {
    expect(() => startHeartbeat({}, 50)()).not.toThrow()
    const sent: unknown[] = []
    const stop = startHeartbeat({ connected: false, send: (message) => sent.push(message) > 0 }, 50)
    stop()
    expect(sent).toEqual([])
  })

  it('tells a real process whose event loop is blocked from a healthy one, within the allowance', async () => {
    const child = fork(path.join(import.meta.dirname, '../../../support/heartbeatChild.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'ignore' })
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
    try {
      let stalledAt: number | undefined
      const watchdog = createWatchdog<number>({
        stallAfterMs: 500,
        onStall: () => {
          stalledAt = Date.now()
          child.kill('SIGKILL')
        },
      })
      watchdogs.push(watchdog as Watchdog<unknown>)
      watchdog.watch(1, 30_000)
      let beats = 0
      const firstBeat = new Promise<void>((resolve) =>
        child.on('message', (message) => {
          if (!isHeartbeat(message)) return
          beats += 1
          watchdog.beat(1)
          resolve()
        }),
      )
      await firstBeat
      // Healthy for a second: beating, never reported.
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      expect(stalledAt).toBeUndefined()
      expect(beats).toBeGreaterThan(5)
      const blockedAt = Date.now()
      child.send('block')
      expect(await exited).toBe('SIGKILL')
      expect(stalledAt).toBeDefined()
      // 500 ms of silence, checked every 100 ms: well under the 30 s the child would spin.
      expect(stalledAt! - blockedAt).toBeLessThan(2_000)
    } finally {
      child.kill('SIGKILL')
    }
  }, 30_000)
})
