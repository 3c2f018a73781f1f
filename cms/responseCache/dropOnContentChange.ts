import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, GlobalAfterChangeHook, GlobalConfig, Payload, PayloadRequest } from 'payload'

import { signalContentChange } from './contentChangeSignal'

/**
 * The Postgres channel every CMS process listens on (listenForContentChanges.ts). A NOTIFY sent
 * inside a transaction is delivered when, and only if, it commits, to every process connected to
 * the database: CMS workers, replicas, and changes made by a script, a seed or a test through
 * the Local API in a process of its own, which Redis or IPC would not reach without REDIS_URL.
 */
export const CONTENT_CHANGE_CHANNEL = 'pydotorg_cms_content_changed'

/**
 * Adds the drop to a collection: any committed create, update or delete, by any path (REST,
 * GraphQL, the admin, the Local API in jobs, hooks and the seed), drops cached API answers.
 * Every answer is dropped, not only this collection's: reads with depth, GraphQL and the legacy
 * API embed other collections, and dropping all is the rule that cannot miss one.
 */
export function withResponseCacheDrops(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  const afterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
    await announceChange(req, collection.slug)
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    await announceChange(req, collection.slug)
    return doc
  }
  return { ...collection, hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), afterChange], afterDelete: [...(hooks.afterDelete ?? []), afterDelete] } }
}

/** The same drop for a global (`/api/globals/<slug>` and whatever reads it). */
export function withGlobalResponseCacheDrops(global: GlobalConfig): GlobalConfig {
  const hooks = global.hooks ?? {}
  const afterChange: GlobalAfterChangeHook = async ({ doc, req }) => {
    await announceChange(req, `global:${global.slug}`)
    return doc
  }
  return { ...global, hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), afterChange] } }
}

/** Transactions of this process that changed content, to signal again once they commit. */
const DIRTY = Symbol.for('pydotorg.cms.dirtyTransactions')
type DirtyHolder = { [DIRTY]?: Set<string> }

// One NOTIFY per request and collection is enough (a bulk update changes many documents).
const announced = new WeakMap<PayloadRequest, Set<string>>()

async function announceChange(req: PayloadRequest, what: string): Promise<void> {
  // At once in this process: nothing cached from here on survives (the commit signals again).
  signalContentChange(what)
  const seen = announced.get(req) ?? new Set<string>()
  if (seen.has(what)) return
  seen.add(what)
  announced.set(req, seen)
  const db = req.payload.db as unknown as PostgresAdapter & DirtyHolder
  const transactionID = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const session = transactionID === undefined || transactionID === null ? undefined : db.sessions[String(transactionID)]
  if (session !== undefined) (db[DIRTY] ??= new Set()).add(String(transactionID))
  const target = session?.db ?? db.drizzle
  await target.execute(sql`SELECT pg_notify(${CONTENT_CHANGE_CHANNEL}, ${what.slice(0, 200)})`)
}

/**
 * Signals again in this process right after a transaction that changed content commits: an
 * anonymous read that ran between the change and the commit saw the old data, and its answer
 * must not outlive the commit. The NOTIFY does this too, but asynchronously; this is done before
 * the writer gets its answer. Called from the config's onInit.
 */
export function signalAfterCommits(payload: Payload): void {
  const db = payload.db as unknown as DirtyHolder & { commitTransaction: (id: Promise<number | string> | number | string) => Promise<void> }
  const commit = db.commitTransaction
  const rollback = (payload.db as unknown as { rollbackTransaction?: (id: Promise<number | string> | number | string) => Promise<void> }).rollbackTransaction
  // An adapter without transactions commits each write before the hooks run: nothing to wrap.
  if (typeof commit !== 'function' || typeof rollback !== 'function') return
  db.commitTransaction = async function commitThenSignal(this: unknown, id) {
    const transactionID = id instanceof Promise ? await id : id
    await commit.call(this, transactionID)
    if (db[DIRTY]?.delete(String(transactionID)) === true) signalContentChange('commit')
  }
  ;(payload.db as unknown as { rollbackTransaction: typeof rollback }).rollbackTransaction = async function rollbackThenForget(this: unknown, id) {
    const transactionID = id instanceof Promise ? await id : id
    db[DIRTY]?.delete(String(transactionID))
    await rollback.call(this, transactionID)
  }
}
