import type { Payload, PayloadRequest } from 'payload'

/** What waits for one transaction's commit, kept on the database adapter of its Payload. */
const WAITING = Symbol.for('pydotorg.collections.afterCommit')
/** The commit is wrapped once per adapter. */
const WRAPPED = Symbol.for('pydotorg.collections.afterCommitWrapped')

type TransactionId = number | string
type Waiting = { run: () => Promise<void>; discard?: () => void }
type Adapter = {
  [WAITING]?: Map<string, Waiting[]>
  [WRAPPED]?: true
  commitTransaction?: (id: Promise<TransactionId> | TransactionId) => Promise<void>
  rollbackTransaction?: (id: Promise<TransactionId> | TransactionId) => Promise<void>
}

/**
 * The longest a commit waits for its after-commit work (a purge delivery): the writer's answer
 * then usually means "the site shows it"; a renderer that does not answer delays no writer more.
 */
export const AFTER_COMMIT_WAIT_MS = 1000

/**
 * Runs `work` once the transaction of `req` has committed (never if it rolls back), before the
 * writer gets its answer (waiting at most AFTER_COMMIT_WAIT_MS). Payload has no after-commit
 * hook: hooks run inside the transaction, so side effects that others must see only after the
 * commit (a site purge that makes renderers read again) are wrapped around the adapter's
 * commitTransaction, as cms/responseCache/dropOnContentChange does for the response cache.
 * Without a transaction the change is already committed, and `work` runs at once.
 * `work` must not throw: its failures are its own to handle (a job retries the purge).
 * `discard` is called instead when the transaction rolls back. Resolves with the transaction's
 * id, or null when `work` already ran.
 */
export async function runAfterCommit(req: PayloadRequest, work: () => Promise<void>, discard?: () => void): Promise<string | null> {
  const transactionID = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const adapter = req.payload.db as unknown as Adapter
  if (transactionID === undefined || transactionID === null || !wrapCommit(adapter)) {
    await work()
    return null
  }
  const waiting = (adapter[WAITING] ??= new Map())
  const key = String(transactionID)
  waiting.set(key, [...(waiting.get(key) ?? []), { run: work, discard }])
  return key
}

/** The id of `req`'s transaction, or null when it has none (its writes commit one by one). */
export async function transactionOf(req: PayloadRequest): Promise<string | null> {
  const transactionID = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  return transactionID === undefined || transactionID === null ? null : String(transactionID)
}

function wrapCommit(adapter: Adapter): boolean {
  if (adapter[WRAPPED] === true) return true
  const commit = adapter.commitTransaction
  const rollback = adapter.rollbackTransaction
  // An adapter without transactions commits each write before the hooks run.
  if (typeof commit !== 'function' || typeof rollback !== 'function') return false
  adapter[WRAPPED] = true
  adapter.commitTransaction = async function commitThenRun(this: unknown, id) {
    const transactionID = id instanceof Promise ? await id : id
    await commit.call(this, transactionID)
    const work = takeWaiting(adapter, transactionID)
    if (work.length === 0) return
    // The commit succeeded: nothing after it may turn the writer's answer into an error.
    const done = Promise.all(work.map((waiting) => waiting.run().catch(() => undefined)))
    let timer: NodeJS.Timeout | undefined
    await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, AFTER_COMMIT_WAIT_MS)))])
    clearTimeout(timer)
  }
  adapter.rollbackTransaction = async function rollbackThenForget(this: unknown, id) {
    const transactionID = id instanceof Promise ? await id : id
    for (const waiting of takeWaiting(adapter, transactionID)) waiting.discard?.()
    await rollback.call(this, transactionID)
  }
  return true
}

function takeWaiting(adapter: Adapter, transactionID: TransactionId): Waiting[] {
  const key = String(transactionID)
  const work = adapter[WAITING]?.get(key) ?? []
  adapter[WAITING]?.delete(key)
  return work
}

/** False once `payload.destroy()` ran: the Postgres adapter then has no drizzle instance. */
export function databaseOpen(payload: Payload): boolean {
  return (payload.db as { drizzle?: unknown }).drizzle !== undefined
}
