import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { startEmbeddedPostgres } from '../../cms/runtime/embeddedPostgres'
import { freePort } from './freePort'

export type TestPostgres = { adminUrl: string; stop: () => Promise<void> }

/**
 * A throw-away embedded Postgres on a free port in a temporary directory, so tests never touch
 * the `.data/` of a running `npm start`. With TEST_DATABASE_URL set (a server whose user may
 * create databases, e.g. Debian's PostgreSQL 15 in CI), that server is used instead.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  if (process.env.TEST_DATABASE_URL) {
    return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => undefined }
  }
  const root = await mkdtemp(path.join(tmpdir(), 'pydotorg-pg-'))
  const running = await startEmbeddedPostgres({
    dataDir: path.join(root, 'data'),
    port: await freePort(),
    password: 'test-only-password',
    database: 'postgres',
  })
  return {
    adminUrl: running.url,
    stop: async () => {
      await running.stop()
      await rm(root, { recursive: true, force: true })
    },
  }
}

/** The URL of another database on the same server. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  return url.toString()
}
