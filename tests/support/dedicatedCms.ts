import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { ensureDatabase } from '../../cms/runtime/ensureDatabase'
import { buildCms } from '../../scripts/build'
import { runCommand } from '../../scripts/lib/runCommand'
import { cmsCommand } from '../../scripts/lib/serviceCommands'
import { waitForHttp } from '../../scripts/lib/waitForHttp'
import { freePort } from './freePort'
import { startLoggedProcess, stopProcesses } from './startLoggedProcess'
import { databaseUrl, startTestPostgres, type TestPostgres } from './testPostgres'

/** A CMS process of a test's own, on its own migrated and seeded database. */
export interface DedicatedCms {
  /** Where the running CMS answers (changes on every start). */
  readonly url: string
  readonly adminEmail: string
  readonly adminPassword: string
  /** Stops the CMS and starts it again with these variables added (same database). */
  restart(extraEnv: Record<string, string | undefined>): Promise<void>
  /** The CMS's output so far, for failure messages. */
  output(): string
  stop(): Promise<void>
}

/**
 * For tests that need the CMS started with settings of their own (low request limits,
 * TRUST_PROXY, an https SITE_URL), which the shared system CMS cannot be given: a throw-away
 * Postgres, `scripts/prepare.ts` (migrate, admin, seed) once, then the CMS as `npm start` runs it.
 */
export async function startDedicatedCms(name: string, extraEnv: Record<string, string | undefined>): Promise<DedicatedCms> {
  const adminEmail = `${name}-admin@example.org`
  const adminPassword = `${name}-password-123`
  const log: string[] = []
  let postgres: TestPostgres | undefined
  let dataDir: string | undefined
  let child: ChildProcess | undefined
  let url = ''
  let baseEnv: Record<string, string | undefined> = { ...process.env }

  const start = async (env: Record<string, string | undefined>) => {
    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    const publicUrl = env.CMS_PUBLIC_URL || `http://localhost:${port}`
    child = startLoggedProcess(name, cmsCommand(process.cwd(), port), { ...env, NODE_ENV: 'production', CMS_PORT: String(port), CMS_URL: url, CMS_PUBLIC_URL: publicUrl }, log)
    await waitForHttp(`${url}/api/health`, 120_000)
  }
  const stop = async () => {
    if (child) await stopProcesses([child])
    child = undefined
  }

  try {
    postgres = await startTestPostgres()
    const database = name.replace(/[^a-z0-9]/gi, '_').toLowerCase()
    await ensureDatabase(postgres.adminUrl, database)
    dataDir = await mkdtemp(path.join(tmpdir(), `pydotorg-${name}-`))
    baseEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl(postgres.adminUrl, database),
      DATA_DIR: dataDir,
      PAYLOAD_SECRET: `${name}-secret-0123456789abcdef`,
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      // No renderer to purge: nothing is queued.
      PURGE_SECRET: '',
      REDIS_URL: '',
      // The documented defaults, whatever the shell running the tests has set; tests add their own.
      SITE_URL: 'http://localhost:8080',
      CMS_PUBLIC_URL: '',
      TRUST_PROXY: '',
      // One process unless a test asks for more (CMS_WORKERS' default is the core count).
      CMS_WORKERS: '1',
      // Tests sign in often from 127.0.0.1; the sign-in limit tests set their own.
      SIGN_IN_RATE_PER_HOUR: '1000000000',
      SIGN_IN_GLOBAL_RATE_PER_HOUR: '1000000000',
      ACCOUNT_SIGN_UPS_PER_HOUR: '1000000000',
      ACCOUNT_SIGN_INS_PER_HOUR: '1000000000',
      ACCOUNT_SIGN_INS_PER_ACCOUNT_PER_HOUR: '1000000000',
      ACCOUNT_RESETS_PER_HOUR: '1000000000',
      ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR: '1000000000',
    }
    await buildCms({ ifNeeded: true })
    await runCommand('npx', ['tsx', 'scripts/prepare.ts'], { ...baseEnv, NODE_ENV: 'production' })
    await start({ ...baseEnv, ...extraEnv })
  } catch (error) {
    await stop()
    await postgres?.stop()
    throw new Error(`${name}: the CMS did not start: ${String(error)}\n${log.join('')}`)
  }

  return {
    get url() {
      return url
    },
    adminEmail,
    adminPassword,
    output: () => log.join(''),
    async restart(env) {
      await stop()
      await start({ ...baseEnv, ...env })
    },
    async stop() {
      await stop()
      await postgres?.stop()
      if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true })
    },
  }
}
