import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { meilisearchBinary } from '../../scripts/lib/meilisearchBinary'
import { freePort } from './freePort'

export type TestMeilisearch = { url: string; apiKey: string; stop: () => Promise<void> }

const MASTER_KEY = 'test-only-meilisearch-master-key-0123456789'
const START_TIMEOUT_MS = 30_000

/**
 * A throw-away Meilisearch server: its own data directory, a free port, a master key, no
 * analytics. Stopped and deleted by `stop()`. Without the pinned binary it throws a message
 * naming the package, so the Meilisearch contract tests fail; they never pass or skip.
 */
export async function startTestMeilisearch(): Promise<TestMeilisearch> {
  const binary = await meilisearchBinary()
  const root = await mkdtemp(path.join(tmpdir(), 'pydotorg-meili-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(
    binary,
    [
      '--no-analytics',
      '--env', 'development',
      '--master-key', MASTER_KEY,
      '--http-addr', `127.0.0.1:${port}`,
      '--db-path', path.join(root, 'data.ms'),
      '--dump-dir', path.join(root, 'dumps'),
      '--snapshot-dir', path.join(root, 'snapshots'),
      '--log-level', 'WARN',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let output = ''
  child.stderr.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
    await rm(root, { recursive: true, force: true })
  }
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`Meilisearch exited with code ${child.exitCode} before it was ready:\n${output}`)
    }
    const healthy = await fetch(`${url}/health`).then((response) => response.ok, () => false)
    if (healthy) return { url, apiKey: MASTER_KEY, stop }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await stop()
  throw new Error(`Meilisearch did not answer ${url}/health within ${START_TIMEOUT_MS / 1000} s:\n${output}`)
}
