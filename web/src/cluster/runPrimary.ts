/**
 * The cluster primary: forks WEB_WORKERS renderer processes, replaces any that die, relays
 * purges between them, and stops them all on SIGTERM/SIGINT. It serves no requests itself;
 * node:cluster hands connections to the workers.
 */
import cluster, { type Worker } from 'node:cluster';
import type { WebConfig } from '../config';
import { isPurgeApplied, isPurgeRequest, type PurgeApplyMessage, type PurgeRelayedMessage } from './purgeMessages';

/** A worker that does not confirm a purge by then is counted out (and logged). */
const confirmTimeoutMs = 4_000;
/** Wait this long before replacing a dead worker, so a crash loop does not spin the CPU. */
const respawnDelayMs = 1_000;
const shutdownGraceMs = 12_000;

interface PendingRelay {
  readonly origin: Worker;
  readonly originId: number;
  readonly waitingFor: Set<number>;
  pages: number;
  workers: number;
  readonly timer: NodeJS.Timeout;
}

export function runPrimary(config: Pick<WebConfig, 'workers' | 'port'>): void {
  let stopping = false;
  let nextRelayId = 1;
  const relays = new Map<number, PendingRelay>();

  const finishRelay = (relayId: number) => {
    const relay = relays.get(relayId);
    if (relay === undefined) return;
    clearTimeout(relay.timer);
    relays.delete(relayId);
    if (relay.waitingFor.size > 0) {
      console.error(`web: purge not confirmed by worker(s) ${[...relay.waitingFor].join(', ')}`);
    }
    const reply: PurgeRelayedMessage = { type: 'pydotorg:purge-relayed', id: relay.originId, pages: relay.pages, workers: relay.workers };
    if (relay.origin.isConnected()) relay.origin.send(reply);
  };

  const onMessage = (worker: Worker, message: unknown) => {
    if (isPurgeRequest(message)) {
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
    // A dead worker will never confirm: stop waiting for it.
    for (const [relayId, relay] of relays) if (relay.waitingFor.delete(worker.id) && relay.waitingFor.size === 0) finishRelay(relayId);
    if (stopping) return;
    console.error(`web: worker ${worker.id} stopped (${signal ?? `exit ${code}`}); starting a replacement`);
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, respawnDelayMs).unref();
  });

  let listening = 0;
  cluster.on('listening', () => {
    listening += 1;
    if (listening === config.workers) console.log(`web: ${config.workers} workers listening on port ${config.port}`);
  });

  for (let index = 0; index < config.workers; index += 1) cluster.fork();

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`web: ${signal} received, stopping ${config.workers} workers`);
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    let remaining = workers.length;
    if (remaining === 0) process.exit(0);
    for (const worker of workers) {
      worker.once('exit', () => {
        remaining -= 1;
        if (remaining === 0) process.exit(0);
      });
      worker.process.kill('SIGTERM');
    }
    setTimeout(() => {
      console.error(`web: workers still running after ${shutdownGraceMs} ms, exiting anyway`);
      process.exit(1);
    }, shutdownGraceMs).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
