/**
 * The heartbeat a child process (a renderer worker, later a CMS worker) sends its parent over
 * the IPC channel. It is sent by a timer, so it stops exactly when the child's event loop stops
 * turning: a busy loop, a catastrophic regular expression or a synchronous render that never
 * ends. The parent's watchdog (createWatchdog) notices the silence and replaces the child.
 */

export const HEARTBEAT_MESSAGE_TYPE = 'pydotorg:heartbeat'

export type HeartbeatMessage = { readonly type: typeof HEARTBEAT_MESSAGE_TYPE }

/** What the heartbeat needs of `process`: its IPC channel, when it has one. */
export type HeartbeatChannel = {
  readonly connected?: boolean
  send?: (message: unknown, sendHandle?: undefined, options?: undefined, callback?: (error: Error | null) => void) => boolean
}

export function isHeartbeat(message: unknown): message is HeartbeatMessage {
  return typeof message === 'object' && message !== null && (message as Record<string, unknown>)['type'] === HEARTBEAT_MESSAGE_TYPE
}

/**
 * How often to beat for a watchdog that allows `stallAfterMs` of silence: five beats per
 * allowance, so a few late timers (a long garbage collection, a loaded machine) never add up
 * to a stall, and at most once a second, so the IPC traffic stays negligible.
 */
export function heartbeatIntervalFor(stallAfterMs: number): number {
  return Math.max(50, Math.min(1_000, Math.floor(stallAfterMs / 5)))
}

/**
 * Sends a heartbeat now and then every `intervalMs` until the returned function is called.
 * Does nothing without an IPC channel (a process started on its own). The timer does not keep
 * the process alive, and a closed channel (the parent is gone) is not an error.
 */
export function startHeartbeat(channel: HeartbeatChannel, intervalMs: number): () => void {
  if (channel.send === undefined) return () => undefined
  const message: HeartbeatMessage = { type: HEARTBEAT_MESSAGE_TYPE }
  const beat = () => {
    if (channel.connected === false) return
    // With a callback, a failed send is reported there instead of as an 'error' event.
    channel.send?.(message, undefined, undefined, () => undefined)
  }
  beat()
  const timer = setInterval(beat, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
