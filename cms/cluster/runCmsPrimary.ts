/**
 * The CMS's cluster primary (CMS_WORKERS > 1): forks the serving processes, replaces any that die
 * or stall, and stops them all on SIGTERM/SIGINT, as the renderer's primary does
 * (web/src/cluster/runPrimary.ts) with the same watchdog (lib/watchdog). It serves nothing;
 * node:cluster hands connections to the workers.
 *
 * Jobs and schedules run in exactly one worker (CMS_RUNS_JOBS=1 in its environment, 0 in the
 * others; its replacement inherits the duty): the crons are started there only, so scheduled
 * work is queued once per machine. Any worker may still run a job it just queued (the site purge
 * nudge); tasks that must not overlap take their Postgres advisory lock (cms/jobs/runExclusively),
 * as with several CMS machines. Cache drops need no relay here: each worker LISTENs to Postgres
 * for committed changes (cms/responseCache/).
 */
import cluster, { type Worker } from 'node:cluster'

import { createWatchdog } from '../../lib/watchdog/createWatchdog'
import { isHeartbeat } from '../../lib/watchdog/heartbeat'
import { cmsLog } from '../../lib/log/cmsLog'

export type CmsPrimarySettings = {
  readonly workers: number
  readonly port: number
  readonly workerStallMs: number
}

/** Wait this long before replacing a dead worker, so a crash loop does not spin the CPU. */
const respawnDelayMs = 1_000
/** Each worker gets 5 s to finish its requests (cms/server.ts); then it is killed. */
const shutdownGraceMs = 8_000
/** A new worker starts Next.js and Payload first; its first heartbeat may take a while. */
const firstHeartbeatWithinMs = 120_000

export function runCmsPrimary(settings: CmsPrimarySettings): void {
  let stopping = false
  let jobsWorker: number | undefined
  const watchdog = createWatchdog<number>({
    stallAfterMs: settings.workerStallMs,
    onStall(workerId, silentMs) {
      const worker = cluster.workers?.[workerId]
      if (worker === undefined) return
      cmsLog.error(`worker ${workerId} (pid ${worker.process.pid}) sent no heartbeat for ${silentMs} ms (event loop blocked); killing it (SIGKILL)`)
      worker.process.kill('SIGKILL')
    },
  })
  const fork = () => {
    const runsJobs = jobsWorker === undefined
    const worker = cluster.fork({ CMS_RUNS_JOBS: runsJobs ? '1' : '0' })
    if (runsJobs) jobsWorker = worker.id
    watchdog.watch(worker.id, firstHeartbeatWithinMs)
  }

  cluster.on('message', (worker: Worker, message: unknown) => {
    if (isHeartbeat(message)) watchdog.beat(worker.id)
  })
  cluster.on('exit', (worker, code, signal) => {
    watchdog.forget(worker.id)
    if (worker.id === jobsWorker) jobsWorker = undefined
    if (stopping) return
    cmsLog.error(`worker ${worker.id} stopped (${signal ?? `exit ${code}`}); starting a replacement`)
    setTimeout(() => {
      if (!stopping) fork()
    }, respawnDelayMs).unref()
  })
  let listening = 0
  cluster.on('listening', () => {
    listening += 1
    if (listening === settings.workers) cmsLog.info(`${settings.workers} workers listening on port ${settings.port}`)
  })

  for (let index = 0; index < settings.workers; index += 1) fork()

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    cmsLog.info(`${signal} received, stopping ${settings.workers} workers`)
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined)
    let remaining = workers.length
    if (remaining === 0) process.exit(0)
    for (const worker of workers) {
      worker.once('exit', () => {
        remaining -= 1
        if (remaining > 0) return
        cmsLog.info('all workers stopped')
        process.exit(0)
      })
      worker.process.kill('SIGTERM')
    }
    setTimeout(() => {
      cmsLog.error(`workers still running after ${shutdownGraceMs} ms; killing them (SIGKILL)`)
      for (const worker of workers) if (worker.process.exitCode === null && worker.process.signalCode === null) worker.process.kill('SIGKILL')
      setTimeout(() => process.exit(1), 500).unref()
    }, shutdownGraceMs).unref()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}
