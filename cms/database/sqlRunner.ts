import type { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

export type Sql = ReturnType<typeof sql>

/** The part of a node-postgres Drizzle database (or transaction) that raw SQL needs. */
export type SqlRunner = { execute(query: Sql): Promise<{ rows: Record<string, unknown>[] }> }

/**
 * Where raw SQL runs (the Postgres search index, a release's demotion): inside `req`'s
 * transaction when it has one (a hook during a save, so the write commits or rolls back with the
 * content), else on the adapter's pool.
 */
export async function sqlRunnerFor(payload: Payload, req?: PayloadRequest): Promise<SqlRunner> {
  const transactionID = req?.transactionID === undefined ? undefined : await req.transactionID
  const session = transactionID === undefined ? undefined : payload.db.sessions?.[transactionID]
  const db: unknown = session?.db ?? payload.db.drizzle
  if (!isSqlRunner(db)) throw new Error('Raw SQL needs the Postgres database adapter (@payloadcms/db-postgres).')
  return db
}

function isSqlRunner(db: unknown): db is SqlRunner {
  return typeof db === 'object' && db !== null && 'execute' in db && typeof db.execute === 'function'
}
