import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

/** Another process (a second CMS machine, or a by-hand run) holds the same work's lock. */
export class AlreadyRunningError extends Error {
  constructor(lockName: string) {
    super(`"${lockName}" is already running in another process; this run changed nothing and will be retried.`)
    this.name = 'AlreadyRunningError'
  }
}

/**
 * Runs `work` as one database transaction holding a Postgres advisory lock named `lockName`.
 * Payload's concurrency key keeps one process from starting a task twice, but two CMS machines
 * can each pick up a job between one's check and the other's update; the lock closes that gap.
 * A second holder fails at once instead of waiting (its job is retried later), and the lock is
 * released with the transaction, even when the process dies. All of `work`'s writes (through the
 * `req` it is given) commit together or not at all, and the purge jobs they queue with them.
 */
export async function runExclusively<T>(payload: Payload, lockName: string, work: (req: PayloadRequest) => Promise<T>): Promise<T> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const transactionID = await req.transactionID
    const session = transactionID === undefined ? undefined : (payload.db as unknown as PostgresAdapter).sessions[String(transactionID)]
    if (session === undefined) throw new Error('The database adapter gave no transaction to lock in.')
    const result = await session.db.execute(sql`SELECT pg_try_advisory_xact_lock(hashtext('pydotorg-jobs'), hashtext(${lockName})) AS "locked"`)
    if (result.rows[0]?.locked !== true) throw new AlreadyRunningError(lockName)
    const value = await work(req)
    await commitTransaction(req)
    return value
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
