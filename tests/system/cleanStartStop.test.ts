/**
 * Issue 10, clean start and stop: `npm start` as a newcomer runs it (a fresh data directory,
 * the embedded Postgres, the seed), on ports of its own. The first start logs no ERROR and no
 * stack trace; SIGTERM to npm stops the site and the CMS before Postgres and exits 0. A second
 * start on the same data is stopped the way Ctrl-C does it (SIGINT to the whole process group,
 * Postgres included were it in that group), with the same result.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'


const READY_TIMEOUT_MS = 12 * 60 * 1000
const STOP_TIMEOUT_MS = 60 * 1000

type Run = { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }

let dataDir = ''
let ports: { cms: number; web: number; postgres: number }
const runs: Run[] = []

/** A newcomer's environment: what a shell has, none of this repository's variables. */
function newcomerEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'LANG', 'TERM', 'TMPDIR', 'USER']
  const env: Record<string, string | undefined> = Object.fromEntries(keep.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]]))
  return {
    ...(env as NodeJS.ProcessEnv),
    DATA_DIR: dataDir,
    CMS_PORT: String(ports.cms),
    WEB_PORT: String(ports.web),
    EMBEDDED_PG_PORT: String(ports.postgres),
    WEB_WORKERS: '2',
  }
}

function startNpm(): Run {
  // Its own process group, as a terminal gives a command: the SIGINT of Ctrl-C can be sent to it.
  const child = spawn('npm', ['start'], { cwd: process.cwd(), env: newcomerEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const run = { child, output: () => output, exited }
  runs.push(run)
  return run
}

async function until(what: string, run: Run, done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (run.child.exitCode !== null) throw new Error(`npm start exited (${run.child.exitCode}) before ${what}:\n${run.output()}`)
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${run.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

async function stopped(run: Run): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`npm start did not stop within ${STOP_TIMEOUT_MS} ms:\n${run.output()}`)), STOP_TIMEOUT_MS))
  return Promise.race([run.exited, timeout])
}

/**
 * A free port below Linux's ephemeral range (32768-60999): the seed takes minutes, and a port
 * from that range (freePort's) may meanwhile become the local end of some outgoing connection
 * (this machine runs other test suites too) before `npm start` binds it.
 */
async function quietPort(taken: readonly number[]): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000)
    if (taken.includes(port)) continue
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer()
      server.once('error', () => resolve(false))
      server.listen(port, () => server.close(() => resolve(true)))
    })
    if (free) return port
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '')

/** What must not appear in a good start or stop: errors, stack frames, crashes. */
function problemsIn(log: string): string[] {
  return plain(log)
    .split('\n')
    .filter((line) => /\bERROR\b|TypeError|Unhandled|uncaught|^\s+at \S.*:\d+:\d+\)?$|terminating connection|Site cache purge/i.test(line))
}

async function checkStop(run: Run, signalSent: string): Promise<void> {
  const { code, signal } = await stopped(run)
  const log = plain(run.output())
  expect({ code, signal }, log).toEqual({ code: 0, signal: null })
  expect(problemsIn(log), log).toEqual([])
  expect(log).toContain(`Stopping (${signalSent})...`)
  const order = ['[cms] cms: stopped', '[web] web: all workers stopped', 'The site and the CMS stopped; stopping the embedded Postgres...', 'The embedded Postgres stopped.']
  const positions = order.map((line) => log.indexOf(line))
  expect(positions.every((position) => position >= 0), log).toBe(true)
  expect(Math.max(positions[0], positions[1])).toBeLessThan(positions[2])
  expect(positions[2]).toBeLessThan(positions[3])
  // Nothing is left listening.
  for (const port of [ports.cms, ports.web, ports.postgres]) expect(await portOpen(port)).toBe(false)
}

beforeAll(async () => {
  // As root, Postgres runs as the `postgres` user, who must enter this (ours, hence opened).
  dataDir = await mkdtemp(path.join(tmpdir(), 'pydotorg-clean-start-'))
  await chmod(dataDir, 0o755)
  const cms = await quietPort([])
  const web = await quietPort([cms])
  ports = { cms, web, postgres: await quietPort([cms, web]) }
})

afterAll(async () => {
  for (const run of runs) {
    if (run.child.exitCode === null && run.child.pid !== undefined) {
      try {
        process.kill(-run.child.pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
  }
  await rm(dataDir, { recursive: true, force: true })
})

describe('npm start', () => {
  it('starts clean on a fresh data directory (seeding it) and stops in order on SIGTERM, exiting 0', async () => {
    const run = startNpm()
    await until('Ready', run, () => run.output().includes('Ready.'), READY_TIMEOUT_MS)
    const home = await fetch(`http://127.0.0.1:${ports.web}/`)
    expect(home.status).toBe(200)
    await home.arrayBuffer()
    // Let the jobs queue run a few times: a purge left by the seed would be tried (and fail) now.
    await new Promise((resolve) => setTimeout(resolve, 5_000))
    const log = plain(run.output())
    expect(log).toContain('Seed complete: ')
    expect(problemsIn(log), log).toEqual([])

    process.kill(run.child.pid!, 'SIGTERM')
    await checkStop(run, 'SIGTERM')
  }, READY_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS)

  it('starts again on the same data and stops in order on Ctrl-C (SIGINT to the process group), exiting 0', async () => {
    const run = startNpm()
    await until('Ready', run, () => run.output().includes('Ready.'), READY_TIMEOUT_MS)
    expect(plain(run.output())).toContain('Database already seeded; reusing its data.')
    process.kill(-run.child.pid!, 'SIGINT')
    await checkStop(run, 'SIGINT')
  }, READY_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS)
})
