/**
 * A child process for the watchdog tests: beats every 50 ms (lib/watchdog/heartbeat) until its
 * parent sends `block`, then spins for 30 s without yielding, as a runaway render would.
 */
import { startHeartbeat } from '../../lib/watchdog/heartbeat'

startHeartbeat(process, 50)
process.on('message', (message) => {
  if (message !== 'block') return
  const until = Date.now() + 30_000
  while (Date.now() < until) {
    // Busy: the heartbeat timer cannot fire.
  }
})
// Stay alive (the heartbeat timer is unref'd) until killed.
setInterval(() => undefined, 60_000)
