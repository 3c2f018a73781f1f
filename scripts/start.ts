/**
 * `npm start`: everything a newcomer needs, in order.
 * 1. With no DATABASE_URL, start the embedded Postgres (data in .data/).
 * 2. Build the CMS when its sources changed since the last build.
 * 3. Migrate; ensure the configured admin; seed an empty database from ../shared/data.
 * 4. Run the CMS (Next.js) and the public site, and stop everything on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { DEFAULT_EMBEDDED_PG_PORT, EMBEDDED_DATABASE, EMBEDDED_PASSWORD_FILE, loadCmsEnv } from '../cms/config/cmsEnv'
import { parseAllowFirstRegister } from '../cms/config/firstRegisterEnv'
import { resolveDataDir } from '../cms/runtime/dataDir'
import { startEmbeddedPostgres, type RunningPostgres } from '../cms/runtime/embeddedPostgres'
import { persistentSecret } from '../cms/runtime/persistentSecret'
import { buildCms } from './build'
import { prepareDatabase } from './lib/prepareDatabase'
import { cmsCommand, webCommand, type ServiceCommand } from './lib/serviceCommands'
import { waitForHttp } from './lib/waitForHttp'

const children: ChildProcess[] = []
let database: RunningPostgres | null = null

async function stopEverything(exitCode: number): Promise<never> {
  for (const child of children) child.kill('SIGTERM')
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.on('exit', resolve)))))
  await database?.stop().catch(() => undefined)
  process.exit(exitCode)
}

function spawnService(name: string, service: ServiceCommand, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(service.command, service.args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `[${name}] ${line}`)
      .join('\n')
  child.stdout?.on('data', (chunk: Buffer) => console.log(prefix(chunk)))
  child.stderr?.on('data', (chunk: Buffer) => console.error(prefix(chunk)))
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping everything.`)
      void stopEverything(1)
    }
  })
  children.push(child)
  return child
}

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    console.log('\nStopping...')
    void stopEverything(0)
  })
}

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  const dataDir = resolveDataDir()
  process.env.DATA_DIR = dataDir
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_PG_PORT || DEFAULT_EMBEDDED_PG_PORT)
    console.log(`Starting the embedded Postgres on 127.0.0.1:${port} (data in ${path.join(dataDir, 'postgres')})...`)
    database = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port,
      password: persistentSecret(dataDir, EMBEDDED_PASSWORD_FILE, () => undefined),
      database: EMBEDDED_DATABASE,
    })
  }
  // Resolve the secret once here, so the warning about a generated one is printed once.
  process.env.PAYLOAD_SECRET = loadCmsEnv().payloadSecret
  // The CMS and the site share this to authenticate cache purges; kept in the data directory.
  process.env.PURGE_SECRET ||= persistentSecret(dataDir, 'purge-secret', () => undefined)
  await buildCms({ ifNeeded: true })
  await prepareDatabase()

  const cmsPort = process.env.CMS_PORT || '3000'
  const webPort = process.env.WEB_PORT || '8080'
  // The servers run as production builds; whether the create-first-user screen is open is decided
  // by this start's own environment (open on a developer machine, closed when NODE_ENV=production).
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    ALLOW_FIRST_REGISTER: String(parseAllowFirstRegister(process.env)),
    CMS_URL: process.env.CMS_URL || `http://127.0.0.1:${cmsPort}`,
  }
  if (!process.env.DATABASE_URL) childEnv.DATABASE_URL = database?.url
  spawnService('cms', cmsCommand(process.cwd(), cmsPort), childEnv)
  await waitForHttp(`http://127.0.0.1:${cmsPort}/api/health`, 120_000)
  spawnService('web', webCommand(), childEnv)
  await waitForHttp(`http://127.0.0.1:${webPort}/health`, 60_000)
  console.log(`\nReady.\n  Site:    http://localhost:${webPort}/\n  Admin:   http://localhost:${cmsPort}/admin\n  REST:    http://localhost:${cmsPort}/api\n  GraphQL: http://localhost:${cmsPort}/api/graphql\n`)
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  stopping = true
  await stopEverything(1)
})
