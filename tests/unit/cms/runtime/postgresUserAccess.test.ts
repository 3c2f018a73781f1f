import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { firstClosedDirectory, mayEnter, postgresUser, prepareDataDirForPostgresUser } from '../../../../cms/runtime/postgresUserAccess'

const user = { uid: 54321, gid: 54321 }
let root: string

async function modeOf(dir: string): Promise<string> {
  return ((await stat(dir)).mode & 0o777).toString(8)
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pydotorg-pg-access-'))
  await chmod(root, 0o755)
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('what the postgres user may enter', () => {
  it('reads owner, group and other bits as the kernel does for one user', () => {
    expect(mayEnter({ uid: 54321, gid: 0, mode: 0o700 }, user)).toBe(true)
    expect(mayEnter({ uid: 54321, gid: 0, mode: 0o077 }, user)).toBe(false)
    expect(mayEnter({ uid: 0, gid: 54321, mode: 0o710 }, user)).toBe(true)
    expect(mayEnter({ uid: 0, gid: 54321, mode: 0o701 }, user)).toBe(false)
    expect(mayEnter({ uid: 0, gid: 0, mode: 0o701 }, user)).toBe(true)
    expect(mayEnter({ uid: 0, gid: 0, mode: 0o750 }, user)).toBe(false)
    // A user not created yet owns nothing and is in no group.
    expect(mayEnter({ uid: 0, gid: 0, mode: 0o711 }, 'not created yet')).toBe(true)
    expect(mayEnter({ uid: 0, gid: 0, mode: 0o770 }, 'not created yet')).toBe(false)
  })

  it('finds the first closed directory on the way down', async () => {
    const closed = path.join(root, 'home')
    await mkdir(path.join(closed, 'checkout', 'node_modules'), { recursive: true })
    await chmod(closed, 0o700)
    expect(await firstClosedDirectory(path.join(closed, 'checkout', 'node_modules'), user, { includeTarget: true })).toEqual({ directory: closed, mode: '0700' })
    await chmod(closed, 0o711)
    expect(await firstClosedDirectory(path.join(closed, 'checkout', 'node_modules'), user, { includeTarget: true })).toBeNull()
  })

  it('reads the postgres user from a passwd file', async () => {
    const passwd = path.join(root, 'passwd')
    await writeFile(passwd, 'root:x:0:0:root:/root:/bin/bash\npostgres:x:105:107::/var/lib/postgresql:/bin/sh\n')
    expect(postgresUser(passwd)).toEqual({ uid: 105, gid: 107 })
    await writeFile(passwd, 'root:x:0:0:root:/root:/bin/bash\n')
    expect(postgresUser(passwd)).toBe('not created yet')
  })
})

describe('preparing the data directory as root', () => {
  it('creates the data directory for the postgres user and opens only the directories it created', async () => {
    const dataDir = path.join(root, 'new', 'postgres')
    await prepareDataDirForPostgresUser(dataDir, root, user)
    expect((await stat(dataDir)).uid).toBe(user.uid)
    expect(await modeOf(path.join(root, 'new'))).toBe('755')
  })

  it('changes no directory it did not create: a closed parent stops it with the fix', async () => {
    const home = path.join(root, 'home')
    await mkdir(home)
    await chmod(home, 0o700)
    const dataDir = path.join(home, 'checkout', '.data', 'postgres')

    const error = await prepareDataDirForPostgresUser(dataDir, root, user).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Error)
    const message = (error as Error).message
    expect(message).toContain(`cannot enter ${home} (mode 0700) to reach its data directory ${dataDir}`)
    expect(message).toContain(`chmod o+x ${home}`)
    expect(message).toContain('DATABASE_URL')
    // The home directory keeps its mode; what was created below it may be opened.
    expect(await modeOf(home)).toBe('700')
  })

  it('says so when the programs in the checkout are out of reach', async () => {
    const home = path.join(root, 'home')
    await mkdir(path.join(home, 'checkout', 'node_modules'), { recursive: true })
    await chmod(home, 0o700)
    const binaries = path.join(home, 'checkout', 'node_modules')
    const error = await prepareDataDirForPostgresUser(path.join(root, 'data'), binaries, user).catch((caught: unknown) => caught)
    expect((error as Error).message).toContain(`cannot enter ${home} (mode 0700) to reach its programs in ${binaries}`)
    expect(await modeOf(home)).toBe('700')
  })
})
