/**
 * `npm start`: everything a newcomer needs, in order.
 * 1. With no DATABASE_URL, start the embedded Postgres (data in .data/), in a process group of
 *    its own so that Ctrl-C reaches it only through us (scripts/lib/embeddedPostgresProcess.ts).
 * 2. Build the CMS when its sources changed since the last build.
 * 3. Migrate; ensure the configured admin; seed an empty database from ../shared/data (in a
 *    process of its own, scripts/prepare.ts: nothing of that Payload outlives it).
 * 4. Run the CMS (Next.js) and the public site.
 * On Ctrl-C or SIGTERM: the site and the CMS stop first, then Postgres, and the exit code is 0.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { DEFAULT_EMBEDDED_PG_PORT, EMBEDDED_DATABASE, EMBEDDED_PASSWORD_FILE, loadCmsEnv } from '../cms/config/cmsEnv'
import { parseAllowFirstRegister } from '../cms/config/firstRegisterEnv'
import { resolveDataDir } from '../cms/runtime/dataDir'
import { persistentSecret } from '../cms/runtime/persistentSecret'
import { buildCms } from './build'
import { startEmbeddedPostgresProcess, type EmbeddedPostgresProcess } from './lib/embeddedPostgresProcess'
import { cmsCommand, webCommand, type ServiceCommand } from './lib/serviceCommands'
import { waitForHttp } from './lib/waitForHttp'

const children: ChildProcess[] = []
let database: EmbeddedPostgresProcess | null = null
let stopping = false

function exitedOrNow(child: ChildProcess): Promise<unknown> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve))
}

async function stopEverything(exitCode: number): Promise<never> {
  stopping = true
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null)
  for (const child of running) child.kill('SIGTERM')
  await Promise.all(running.map(exitedOrNow))
  if (database !== null) {
    console.log('The site and the CMS stopped; stopping the embedded Postgres...')
    await database.stop().catch((error: unknown) => console.error(`The embedded Postgres did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`))
    console.log('The embedded Postgres stopped.')
  }
  process.exit(exitCode)
}

function spawnChild(name: string | null, service: ServiceCommand, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(service.command, service.args, { env, stdio: name === null ? 'inherit' : ['ignore', 'pipe', 'pipe'] })
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `[${name}] ${line}`)
      .join('\n')
  child.stdout?.on('data', (chunk: Buffer) => console.log(prefix(chunk)))
  child.stderr?.on('data', (chunk: Buffer) => console.error(prefix(chunk)))
  children.push(child)
  return child
}

function spawnService(name: string, service: ServiceCommand, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawnChild(name, service, env)
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping everything.`)
      void stopEverything(1)
    }
  })
  return child
}

/** Migrations, the admin, the seed and the search index, by scripts/prepare.ts; resolves when it succeeded. */
async function prepareDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawnChild(null, { command: process.execPath, args: ['--import', 'tsx', 'scripts/prepare.ts'] }, env)
  await exitedOrNow(child)
  if (stopping) return
  if (child.exitCode !== 0) throw new Error(`Preparing the database failed (${child.signalCode ?? `exit ${child.exitCode}`}); see above.`)
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    console.log(`\nStopping (${signal})...`)
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
    database = await startEmbeddedPostgresProcess({
      dataDir: path.join(dataDir, 'postgres'),
      port,
      password: persistentSecret(dataDir, EMBEDDED_PASSWORD_FILE, () => undefined),
      database: EMBEDDED_DATABASE,
    })
    if (stopping) return
  }
  // Resolve the secret once here, so the warning about a generated one is printed once.
  process.env.PAYLOAD_SECRET = loadCmsEnv().payloadSecret
  // The CMS and the site share this to authenticate cache purges; kept in the data directory.
  process.env.PURGE_SECRET ||= persistentSecret(dataDir, 'purge-secret', () => undefined)
  await buildCms({ ifNeeded: true })
  if (stopping) return

  const env: NodeJS.ProcessEnv = { ...process.env }
  if (database !== null) env.DATABASE_URL = database.url
  await prepareDatabase(env)
  if (stopping) return

  const cmsPort = process.env.CMS_PORT || '3000'
  const webPort = process.env.WEB_PORT || '8080'
  // The servers run as production builds; whether the create-first-user screen is open is decided
  // by this start's own environment (open on a developer machine, closed when NODE_ENV=production).
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    NODE_ENV: 'production',
    // Production builds, but this is a person's terminal: readable lines unless LOG_FORMAT says otherwise.
    LOG_FORMAT: process.env.LOG_FORMAT || 'readable',
    ALLOW_FIRST_REGISTER: String(parseAllowFirstRegister(process.env)),
    CMS_URL: process.env.CMS_URL || `http://127.0.0.1:${cmsPort}`,
  }
  spawnService('cms', cmsCommand(process.cwd(), cmsPort), childEnv)
  await waitForHttp(`http://127.0.0.1:${cmsPort}/api/health`, 120_000)
  if (stopping) return
  spawnService('web', webCommand(), childEnv)
  await waitForHttp(`http://127.0.0.1:${webPort}/health`, 60_000)
  if (stopping) return
  console.log(`\nReady.\n  Site:    http://localhost:${webPort}/\n  Admin:   http://localhost:${cmsPort}/admin\n  REST:    http://localhost:${cmsPort}/api\n  GraphQL: http://localhost:${cmsPort}/api/graphql\n`)
}

main().catch(async (error: unknown) => {
  if (stopping) return
  console.error(error instanceof Error ? error.message : error)
  await stopEverything(1)
})
