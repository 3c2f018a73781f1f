/**
 * The cluster primary: forks WEB_WORKERS renderer processes, replaces any that die or stall,
 * relays purges between them, and stops them all on SIGTERM/SIGINT. It serves no requests
 * itself; node:cluster hands connections to the workers.
 *
 * A worker whose event loop is blocked (a runaway render) answers nothing and ignores SIGTERM,
 * yet node:cluster keeps handing it connections. Each worker therefore sends a heartbeat every
 * second (lib/watchdog); one silent for WEB_WORKER_STALL_MS is killed with SIGKILL and replaced
 * like a crashed one. The connections it held are reset (a proxy in front retries them); the
 * other workers and the replacement answer everything after.
 */
import cluster, { type Worker } from 'node:cluster';
import { createWatchdog } from '../../../lib/watchdog/createWatchdog';
import { isHeartbeat } from '../../../lib/watchdog/heartbeat';
import type { WebConfig } from '../config';
import { isPurgeApplied, isPurgeRequest, type PurgeApplyMessage, type PurgeRelayedMessage } from './purgeMessages';
import { webLog } from '../log';
import { workerExecArgv } from './workerExecArgv';

/** A worker that does not confirm a purge by then is counted out (and logged). */
const confirmTimeoutMs = 4_000;
/** Wait this long before replacing a dead worker, so a crash loop does not spin the CPU. */
const respawnDelayMs = 1_000;
const shutdownGraceMs = 12_000;
/** A new worker compiles its modules and templates first; its first heartbeat may take a while. */
const firstHeartbeatWithinMs = 60_000;

interface PendingRelay {
  readonly origin: Worker;
  readonly originId: number;
  readonly waitingFor: Set<number>;
  pages: number;
  workers: number;
  readonly timer: NodeJS.Timeout;
}

export function runPrimary(config: Pick<WebConfig, 'workers' | 'port' | 'workerStallMs'>): void {
  let stopping = false;
  let nextRelayId = 1;
  const relays = new Map<number, PendingRelay>();
  // Also while stopping: a blocked worker would never act on the SIGTERM.
  const watchdog = createWatchdog<number>({
    stallAfterMs: config.workerStallMs,
    onStall(workerId, silentMs) {
      const worker = cluster.workers?.[workerId];
      if (worker === undefined) return;
      webLog.error(`worker ${workerId} (pid ${worker.process.pid}) sent no heartbeat for ${silentMs} ms (event loop blocked); killing it (SIGKILL)`);
      worker.process.kill('SIGKILL');
    },
  });
  // The workers' young generation is sized for cold renders (workerExecArgv.ts).
  cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS) });
  const fork = () => watchdog.watch(cluster.fork().id, firstHeartbeatWithinMs);

  const finishRelay = (relayId: number) => {
    const relay = relays.get(relayId);
    if (relay === undefined) return;
    clearTimeout(relay.timer);
    relays.delete(relayId);
    if (relay.waitingFor.size > 0) {
      webLog.error(`purge not confirmed by worker(s) ${[...relay.waitingFor].join(', ')}`);
    }
    const reply: PurgeRelayedMessage = { type: 'pydotorg:purge-relayed', id: relay.originId, pages: relay.pages, workers: relay.workers };
    if (relay.origin.isConnected()) relay.origin.send(reply);
  };

  const onMessage = (worker: Worker, message: unknown) => {
    if (isHeartbeat(message)) {
      watchdog.beat(worker.id);
    } else if (isPurgeRequest(message)) {
      const relayId = nextRelayId++;
      const others = Object.values(cluster.workers ?? {}).filter(
        (other): other is Worker => other !== undefined && other !== worker && other.isConnected(),
      );
      relays.set(relayId, {
        origin: worker,
        originId: message.id,
        waitingFor: new Set(others.map((other) => other.id)),
        pages: 0,
        workers: 0,
        timer: setTimeout(() => finishRelay(relayId), confirmTimeoutMs),
      });
      const apply: PurgeApplyMessage = { type: 'pydotorg:purge-apply', id: relayId, order: message.order };
      for (const other of others) other.send(apply);
      if (others.length === 0) finishRelay(relayId);
    } else if (isPurgeApplied(message)) {
      const relay = relays.get(message.id);
      if (relay === undefined || !relay.waitingFor.delete(worker.id)) return;
      relay.pages += message.pages;
      relay.workers += 1;
      if (relay.waitingFor.size === 0) finishRelay(message.id);
    }
  };

  cluster.on('message', onMessage);
  cluster.on('exit', (worker, code, signal) => {
    watchdog.forget(worker.id);
    // A dead worker will never confirm: stop waiting for it.
    for (const [relayId, relay] of relays) if (relay.waitingFor.delete(worker.id) && relay.waitingFor.size === 0) finishRelay(relayId);
    if (stopping) return;
    webLog.error(`worker ${worker.id} stopped (${signal ?? `exit ${code}`}); starting a replacement`);
    setTimeout(() => {
      if (!stopping) fork();
    }, respawnDelayMs).unref();
  });

  let listening = 0;
  cluster.on('listening', () => {
    listening += 1;
    if (listening === config.workers) webLog.info(`${config.workers} workers listening on port ${config.port}`);
  });

  for (let index = 0; index < config.workers; index += 1) fork();

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    webLog.info(`${signal} received, stopping ${config.workers} workers`);
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    let remaining = workers.length;
    if (remaining === 0) process.exit(0);
    for (const worker of workers) {
      worker.once('exit', () => {
        remaining -= 1;
        if (remaining > 0) return;
        webLog.info('all workers stopped');
        process.exit(0);
      });
      worker.process.kill('SIGTERM');
    }
    setTimeout(() => {
      webLog.error(`workers still running after ${shutdownGraceMs} ms; killing them (SIGKILL)`);
      for (const worker of workers) if (worker.process.exitCode === null && worker.process.signalCode === null) worker.process.kill('SIGKILL');
      setTimeout(() => process.exit(1), 500).unref();
    }, shutdownGraceMs).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
