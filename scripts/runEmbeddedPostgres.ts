/**
 * The embedded Postgres of `npm start`, in a process of its own (see
 * scripts/lib/embeddedPostgresProcess.ts for why). Reads its settings from the environment
 * (EMBEDDED_PG_DATA_DIR, EMBEDDED_PG_PORT, EMBEDDED_PG_DATABASE, and the password in
 * EMBEDDED_PG_PASSWORD so that it never shows in a process listing), prints one JSON line,
 * `{"url": ...}` once Postgres accepts connections or `{"error": ...}`, and stops Postgres when
 * its parent writes `stop`, closes stdin (the parent died) or sends SIGTERM.
 */
import { createInterface } from 'node:readline'

import { startEmbeddedPostgres, type RunningPostgres } from '../cms/runtime/embeddedPostgres'

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set.`)
  return value
}

let starting: Promise<RunningPostgres> | null = null
let stopping = false

/** Asked to stop while still starting, it lets Postgres finish starting, then stops it. */
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  const running = await starting?.catch(() => null)
  await running?.stop().catch(() => undefined)
  process.exit(0)
}

process.on('SIGTERM', () => void stop())
// Ctrl-C in the terminal does not reach this process group; a SIGINT sent on purpose stops it cleanly.
process.on('SIGINT', () => void stop())
createInterface({ input: process.stdin })
  .on('line', (line) => {
    if (line.trim() === 'stop') void stop()
  })
  .on('close', () => void stop())

try {
  starting = startEmbeddedPostgres({
    dataDir: required('EMBEDDED_PG_DATA_DIR'),
    port: Number(required('EMBEDDED_PG_PORT')),
    password: required('EMBEDDED_PG_PASSWORD'),
    database: required('EMBEDDED_PG_DATABASE'),
  })
  const running = await starting
  process.stdout.write(`${JSON.stringify({ url: running.url })}\n`)
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`)
  process.exit(1)
}
