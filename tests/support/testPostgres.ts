import { spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'

export type TestPostgres = { adminUrl: string; stop: () => Promise<void> }

/**
 * A throw-away embedded Postgres on a free port in a temporary directory, so tests never touch
 * the `.data/` of a running `npm start`; it runs in a child process (see runTestPostgres.ts for
 * why). With TEST_DATABASE_URL set (a server whose user may create databases, e.g. Debian's
 * PostgreSQL 15 in CI), that server is used instead.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  if (process.env.TEST_DATABASE_URL) {
    return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => undefined }
  }
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'runTestPostgres.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const adminUrl = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout })
    lines.once('line', (line) => resolve((JSON.parse(line) as { adminUrl: string }).adminUrl))
    child.once('exit', (code) => reject(new Error(`The test Postgres exited before it was ready (exit ${code}).`)))
  })
  return {
    adminUrl,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** The URL of another database on the same server. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  return url.toString()
}
