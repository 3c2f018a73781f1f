/**
 * The parent's side of the heartbeat (see heartbeat.ts): each watched child must beat within
 * `stallAfterMs` of its last beat, or `onStall` is called once for it, and the caller kills it
 * (SIGKILL: a blocked event loop never runs a SIGTERM handler) and starts a replacement.
 *
 * Written by hand rather than taken from a library: the packages that watch event loops
 * (blocked-at, event-loop-lag) measure a process from inside it, which is no help once that
 * process has stopped; what is needed is a dozen lines of bookkeeping in the parent.
 */

export type WatchdogOptions<Id> = {
  /** Longest silence allowed after a beat. */
  readonly stallAfterMs: number
  /** Called once when `id` stayed silent too long; it is no longer watched afterwards. */
  readonly onStall: (id: Id, silentMs: number) => void
  /** How often deadlines are checked; a fifth of the allowance by default. */
  readonly checkEveryMs?: number
  readonly now?: () => number
}

export type Watchdog<Id> = {
  /** Starts watching `id`, which must beat for the first time within `firstBeatWithinMs`. */
  watch(id: Id, firstBeatWithinMs: number): void
  /** Records a beat of `id` (ignored when `id` is not watched: it was forgotten or killed). */
  beat(id: Id): void
  /** Stops watching `id` (it exited). */
  forget(id: Id): void
  /** Checks every deadline now (the timer calls this; tests may too). */
  check(): void
  /** Stops the timer; nothing is watched any more. */
  stop(): void
}

export function createWatchdog<Id>(options: WatchdogOptions<Id>): Watchdog<Id> {
  if (!Number.isInteger(options.stallAfterMs) || options.stallAfterMs < 100) {
    throw new Error(`The watchdog's allowance must be a whole number of ms, 100 or more; got ${options.stallAfterMs}.`)
  }
  const now = options.now ?? Date.now
  const watched = new Map<Id, { deadline: number; lastBeat: number }>()

  const check = () => {
    const time = now()
    for (const [id, entry] of watched) {
      if (time <= entry.deadline) continue
      watched.delete(id)
      options.onStall(id, time - entry.lastBeat)
    }
  }
  const timer = setInterval(check, options.checkEveryMs ?? Math.max(50, Math.floor(options.stallAfterMs / 5)))
  timer.unref()

  return {
    watch(id, firstBeatWithinMs) {
      const time = now()
      watched.set(id, { deadline: time + firstBeatWithinMs, lastBeat: time })
    },
    beat(id) {
      const entry = watched.get(id)
      if (entry === undefined) return
      const time = now()
      entry.lastBeat = time
      entry.deadline = time + options.stallAfterMs
    },
    forget(id) {
      watched.delete(id)
    },
    check,
    stop() {
      clearInterval(timer)
      watched.clear()
    },
  }
}
