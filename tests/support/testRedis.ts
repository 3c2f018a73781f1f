import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { freePort } from './freePort'

export type TestRedis = {
  readonly url: string
  /** Stops the server (SIGTERM) and waits for it to exit; the port stays reserved for `start`. */
  stop: () => Promise<void>
  /** Starts it again on the same port, as after an outage. */
  start: () => Promise<void>
  /** Stops it for good and deletes its directory. */
  dispose: () => Promise<void>
}

const READY_TIMEOUT_MS = 10_000

/**
 * A throw-away Debian `redis-server` on a free port: no persistence (`--save ''`,
 * `--appendonly no`), its working directory in a temporary folder. Fails with the fix when the
 * binary is missing, never skips.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pydotorg-redis-'))
  const port = await freePort()
  let child: ChildProcess | undefined

  const start = async () => {
    child = await launch(port, dir)
  }
  const stop = async () => {
    const running = child
    child = undefined
    if (running === undefined || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGTERM')
    await exited
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    dispose: async () => {
      await stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

function launch(port: number, dir: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => fail(new Error(`redis-server did not get ready within ${READY_TIMEOUT_MS} ms:\n${output}`)), READY_TIMEOUT_MS)
    const fail = (error: Error) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(error)
    }
    child.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'ENOENT' ? new Error('redis-server is not installed: run `npm run setup` (Debian package redis-server).') : error),
    )
    child.once('exit', (code) => fail(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        child.removeAllListeners('exit')
        child.stdout?.removeAllListeners('data')
        child.stdout?.resume()
        resolve(child)
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  })
}
