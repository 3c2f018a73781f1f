import type { Payload } from 'payload'

type PoolLike = { on: (event: 'error', listener: (error: Error) => void) => unknown }

/**
 * node-postgres reports an idle pooled connection that the server closed (Postgres restarting or
 * shutting down: "terminating connection due to administrator command") as an `error` event on
 * the pool, and an `error` event nobody listens to ends the process with a stack trace. The pool
 * has already dropped that connection and opens a new one for the next query, so a warning is
 * all it deserves; queries made while the database is down fail on their own (a 503).
 */
export function logLostDatabaseConnections(payload: Payload): void {
  const pool = (payload.db as { pool?: PoolLike }).pool
  pool?.on('error', (error) => payload.logger.warn(`A pooled database connection was closed by the server (${error.message}); the next query opens a new one.`))
}
