/**
 * The renderer's logger (lib/log): named `web` in a single process or the cluster's primary,
 * `web[<worker id>]` in a worker, so readable lines read as they always have.
 */
import cluster from 'node:cluster';
import { createLogger } from '../../lib/log/createLogger';

export const webLog = createLogger(cluster.worker === undefined ? 'web' : `web[${cluster.worker.id}]`);

/** The request's own logger (its lines carry the request id), or the process's outside a request. */
export function logFor(req: { log?: typeof webLog }): typeof webLog {
  return req.log ?? webLog;
}
