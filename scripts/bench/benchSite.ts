import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { ensureDatabase } from '../../cms/runtime/ensureDatabase'
import { freePort } from '../../tests/support/freePort'
import { databaseUrl, startTestPostgres } from '../../tests/support/testPostgres'
import { buildCms } from '../build'
import { runCommand } from '../lib/runCommand'
import { cmsCommand, webCommand } from '../lib/serviceCommands'
import { waitForHttp } from '../lib/waitForHttp'
import { startCountingProxy, type CountingProxy } from './countingProxy'

export type BenchSite = {
  cmsUrl: string
  webUrl: string
  adminEmail: string
  adminPassword: string
  purgeSecret: string
  /** Every read the renderer made of the CMS (it reads through this proxy). */
  cmsReads: CountingProxy
  stop: () => Promise<void>
}

const ADMIN_EMAIL = 'bench-admin@example.org'
const ADMIN_PASSWORD = 'bench-admin-password-1'
const PURGE_SECRET = 'bench-purge-secret-0123456789'

/**
 * The seeded site the bench measures: a throw-away Postgres, the built CMS and the renderer as
 * production processes, as the system tests run them (the same pieces, on free ports).
 */
export async function startBenchSite(workers: number): Promise<BenchSite> {
  const postgres = await startTestPostgres()
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pydotorg-bench-'))
  const children: ChildProcess[] = []
  const log: string[] = []
  let proxy: CountingProxy | undefined
  const stop = async () => {
    await proxy?.close()
    for (const child of children) child.kill('SIGTERM')
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))))
    await postgres.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
  try {
    await ensureDatabase(postgres.adminUrl, 'bench')
    const [cmsPort, webPort] = [await freePort(), await freePort()]
    const cmsUrl = `http://127.0.0.1:${cmsPort}`
    const webUrl = `http://127.0.0.1:${webPort}`
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl(postgres.adminUrl, 'bench'),
      DATA_DIR: dataDir,
      PAYLOAD_SECRET: 'bench-secret-0123456789abcdef0123',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      CMS_PORT: String(cmsPort),
      CMS_URL: cmsUrl,
      WEB_PORT: String(webPort),
      SITE_URL: webUrl,
      PURGE_SECRET,
      WEB_PURGE_URLS: webUrl,
      WEB_WORKERS: String(workers),
      CMS_WORKERS: String(workers),
    }
    await buildCms({ ifNeeded: true })
    console.log('Migrating and seeding a throw-away database...')
    await runCommand('npx', ['tsx', 'scripts/prepare.ts'], { ...env, CI: '1' })
    for (const [name, service] of [
      ['cms', cmsCommand(process.cwd(), cmsPort)],
      ['web', webCommand()],
    ] as const) {
      // The renderer reads the CMS through the counting proxy (started once the CMS answers).
      if (name === 'web') proxy = await startCountingProxy(cmsUrl)
      const childEnv = name === 'web' && proxy !== undefined ? { ...env, CMS_URL: proxy.url } : env
      const child = spawn(service.command, service.args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
      const keep = (chunk: Buffer) => log.push(`[${name}] ${chunk.toString()}`)
      child.stdout?.on('data', keep)
      child.stderr?.on('data', keep)
      children.push(child)
      await waitForHttp(name === 'cms' ? `${cmsUrl}/api/health` : `${webUrl}/health`, 120_000)
    }
    if (proxy === undefined) throw new Error('the counting proxy did not start')
    return { cmsUrl, webUrl, adminEmail: ADMIN_EMAIL, adminPassword: ADMIN_PASSWORD, purgeSecret: PURGE_SECRET, cmsReads: proxy, stop }
  } catch (error) {
    console.error(log.join(''))
    await stop()
    throw error
  }
}
