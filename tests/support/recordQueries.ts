import type { Payload } from 'payload'
import type { Pool, PoolClient } from 'pg'

/**
 * Every SQL statement sent to Postgres on the connections taken from Payload's pool while `run`
 * runs, in order: each one is a round trip (a transaction's statements share one connection and
 * wait for one another). Recorded at the pool's clients, below Payload and drizzle, so no query
 * path bypasses it; BEGIN and COMMIT are counted too. One recording at a time.
 */
export async function recordQueries<T>(payload: Payload, run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const pool = (payload.db as unknown as { pool: Pool }).pool
  const statements: string[] = []
  const record = (client: PoolClient): void => wrapOnce(client, statements)
  pool.on('acquire', record)
  try {
    const result = await run()
    return { result, statements }
  } finally {
    pool.off('acquire', record)
    for (const client of wrapped) recording.delete(client)
    wrapped.clear()
  }
}

const recording = new WeakMap<PoolClient, string[]>()
const wrapped = new Set<PoolClient>()
const patched = new WeakSet<PoolClient>()

function wrapOnce(client: PoolClient, statements: string[]): void {
  recording.set(client, statements)
  wrapped.add(client)
  if (patched.has(client)) return
  patched.add(client)
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  ;(client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text
    if (text !== undefined) recording.get(client)?.push(text)
    return query(...args)
  }
}
