import { spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'

export type TestPostgres = {
  adminUrl: string
  stop: () => Promise<void>
  /** Stops the server and keeps its data (an outage); only the embedded Postgres can. */
  pause: () => Promise<void>
  /** Starts it again on the same port with the same data. */
  resume: () => Promise<void>
}

/**
 * A throw-away embedded Postgres on a free port in a temporary directory, so tests never touch
 * the `.data/` of a running `npm start`; it runs in a child process (see runTestPostgres.ts for
 * why). With TEST_DATABASE_URL set (a server whose user may create databases, e.g. Debian's
 * PostgreSQL 15 in CI), that server is used instead.
 */
export async function startTestPostgres(options: { embedded?: boolean } = {}): Promise<TestPostgres> {
  if (process.env.TEST_DATABASE_URL && !options.embedded) {
    const cannot = async () => {
      throw new Error('Pausing needs the embedded Postgres: call startTestPostgres({ embedded: true }).')
    }
    return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => undefined, pause: cannot, resume: cannot }
  }
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'runTestPostgres.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const lines = createInterface({ input: child.stdout })
  const nextLine = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`The test Postgres exited (exit ${code}).`))
      child.once('exit', onExit)
      lines.once('line', (line) => {
        child.off('exit', onExit)
        resolve(JSON.parse(line) as Record<string, unknown>)
      })
    })
  // runTestPostgres.ts answers each command on stdin with one JSON line.
  const command = async (name: 'pause' | 'resume') => {
    const answer = nextLine()
    child.stdin.write(`${name}\n`)
    const result = await answer
    if (result.error) throw new Error(`The test Postgres could not ${name}: ${String(result.error)}`)
  }
  const adminUrl = (await nextLine()).adminUrl as string
  return {
    adminUrl,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
    pause: () => command('pause'),
    resume: () => command('resume'),
  }
}

/** The URL of another database on the same server. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  return url.toString()
}
