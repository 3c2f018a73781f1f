import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { ensureDatabase } from '../../cms/runtime/ensureDatabase'
import { buildCms } from '../../scripts/build'
import { runCommand } from '../../scripts/lib/runCommand'
import { cmsCommand, prepareCommand, webCommand, type ServiceCommand } from '../../scripts/lib/serviceCommands'
import { waitForHttp } from '../../scripts/lib/waitForHttp'
import { freePort } from './freePort'
import { startLoggedProcess, stopProcesses } from './startLoggedProcess'
import { startSystemMailbox } from './systemMailbox'
import { databaseUrl, startTestPostgres, type TestPostgres } from './testPostgres'

/** Variables added to the stack's own (which start from this process's). */
type ExtraEnv = Record<string, string | undefined>

/** Something the renderer reads the CMS through instead of the CMS itself (the bench's counting proxy). */
export type CmsProxy = { readonly url: string; close(): Promise<void> }

export type SeededStackOptions = {
  /** Names the database, the data directory, the admin and the secrets, so stacks side by side never mix. */
  name: string
  /** WEB_WORKERS. */
  webWorkers: number
  /** CMS_WORKERS; left out, the CMS takes its default (the core count). */
  cmsWorkers?: number
  /** Always the embedded Postgres, even beside TEST_DATABASE_URL: only it can be paused and resumed. */
  embeddedPostgres?: boolean
  /** A real SMTP server the CMS sends through (SMTP_URL), its messages readable over HTTP (systemMailbox.ts). */
  mailbox?: boolean
  /** Further variables for every process of the stack (limits, sizes, timeouts). */
  env?: ExtraEnv
}

export type SeededStack = {
  readonly name: string
  readonly cmsPort: number
  /** Where the site and the tests reach the CMS (127.0.0.1). */
  readonly cmsUrl: string
  /** The admin's address as editors type it (localhost), CMS_PUBLIC_URL. */
  readonly cmsPublicUrl: string
  readonly webUrl: string
  readonly adminEmail: string
  readonly adminPassword: string
  readonly purgeSecret: string
  readonly payloadSecret: string
  readonly databaseUrl: string
  readonly dataDir: string
  readonly postgres: TestPostgres
  /** With `mailbox`: GET <mailboxUrl>/messages answers what the CMS sent. */
  readonly mailboxUrl: string | undefined
  /** Every process's variables. */
  readonly env: NodeJS.ProcessEnv
  /** Every process's output, each chunk prefixed `[name] `. */
  readonly log: string[]
  /** Starts a process with the stack's variables (and `env` over them), logged, and stopped by `stop()`. */
  spawn(name: string, service: ServiceCommand, env?: ExtraEnv): ChildProcess
  /** Builds the CMS if its build is stale, then migrates, creates the admin and seeds. */
  prepare(): Promise<void>
  /** Starts the CMS and waits until it answers. */
  startCms(name?: string): Promise<void>
  /** Stops the CMS (SIGTERM) and waits until it has exited. */
  stopCms(): Promise<void>
  /** Starts the renderer, reading the CMS through `proxy` if given, and waits until it answers. */
  startWeb(proxy?: CmsProxy): Promise<void>
  /** Stops everything (the proxy, every process, Postgres, the mailbox) and deletes the data. */
  stop(): Promise<void>
}

const CMS_START_MS = 120_000
const WEB_START_MS = 120_000

/**
 * A seeded stack's pieces, with nothing started but its Postgres (and mailbox): a throw-away
 * database, a data directory, free ports and every variable the CMS and the renderer read.
 * For a test that drives the start-up itself (tests/system/security/outages.test.ts); the
 * others call startSeededStack.
 */
export async function createSeededStack(options: SeededStackOptions): Promise<SeededStack> {
  const { name } = options
  const postgres = await startTestPostgres({ embedded: options.embeddedPostgres })
  const children: ChildProcess[] = []
  const log: string[] = []
  let mailbox: Awaited<ReturnType<typeof startSystemMailbox>> | undefined
  let dataDir: string | undefined
  let cms: ChildProcess | undefined
  let proxy: CmsProxy | undefined
  const stop = async () => {
    await proxy?.close()
    await stopProcesses(children)
    await postgres.stop()
    await mailbox?.close()
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true })
  }
  try {
    await ensureDatabase(postgres.adminUrl, name)
    dataDir = await mkdtemp(path.join(tmpdir(), `pydotorg-${name}-`))
    // The CMS sends mail through a real SMTP server the tests read (issue 11: sign-up, reset).
    mailbox = options.mailbox ? await startSystemMailbox() : undefined
    const [cmsPort, webPort] = [await freePort(), await freePort()]
    const cmsUrl = `http://127.0.0.1:${cmsPort}`
    const webUrl = `http://127.0.0.1:${webPort}`
    const secrets = {
      adminEmail: `${name}-admin@example.org`,
      adminPassword: `${name}-test-password-1`,
      purgeSecret: `${name}-test-purge-secret-0123456789`,
      payloadSecret: `${name}-test-secret-0123456789abcdef`,
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl(postgres.adminUrl, name),
      DATA_DIR: dataDir,
      PAYLOAD_SECRET: secrets.payloadSecret,
      ADMIN_EMAIL: secrets.adminEmail,
      ADMIN_PASSWORD: secrets.adminPassword,
      CMS_PORT: String(cmsPort),
      CMS_URL: cmsUrl,
      CMS_PUBLIC_URL: `http://localhost:${cmsPort}`,
      WEB_PORT: String(webPort),
      SITE_URL: webUrl,
      // The CMS purges the site's cache through its jobs queue.
      PURGE_SECRET: secrets.purgeSecret,
      WEB_PURGE_URLS: webUrl,
      WEB_WORKERS: String(options.webWorkers),
      ...(options.cmsWorkers === undefined ? {} : { CMS_WORKERS: String(options.cmsWorkers) }),
      ...(mailbox ? { SMTP_URL: mailbox.smtp.url, EMAIL_FROM: 'Python.org <noreply@python.org>' } : {}),
      ...options.env,
    }
    const spawn = (processName: string, service: ServiceCommand, extraEnv: ExtraEnv = {}) => {
      const child = startLoggedProcess(processName, service, { ...env, ...extraEnv }, log)
      children.push(child)
      return child
    }
    return {
      name,
      cmsPort,
      cmsUrl,
      cmsPublicUrl: `http://localhost:${cmsPort}`,
      webUrl,
      ...secrets,
      databaseUrl: env.DATABASE_URL ?? '',
      dataDir,
      postgres,
      mailboxUrl: mailbox?.mailboxUrl,
      env,
      log,
      spawn,
      async prepare() {
        await buildCms({ ifNeeded: true })
        const prepare = prepareCommand()
        await runCommand(prepare.command, prepare.args, env)
      },
      async startCms(processName = 'cms') {
        cms = spawn(processName, cmsCommand(process.cwd(), cmsPort))
        await waitForHttp(`${cmsUrl}/api/health`, CMS_START_MS)
      },
      async stopCms() {
        if (cms) await stopProcesses([cms])
        cms = undefined
      },
      async startWeb(through) {
        proxy = through
        spawn('web', webCommand(), through ? { CMS_URL: through.url } : {})
        await waitForHttp(`${webUrl}/health`, WEB_START_MS)
      },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

/**
 * A seeded site as production runs it, on free ports, for the system tests' global setup and
 * `npm run bench`: a throw-away Postgres, the built CMS (migrated and seeded) and the renderer
 * as real processes. With `cmsProxy`, the renderer reads the CMS through what it returns. If
 * anything fails to start, the processes' output is printed and everything is stopped.
 */
export async function startSeededStack(
  options: SeededStackOptions & { cmsProxy?: (cmsUrl: string) => Promise<CmsProxy> },
): Promise<SeededStack> {
  const stack = await createSeededStack(options)
  try {
    await stack.prepare()
    await stack.startCms()
    await stack.startWeb(options.cmsProxy ? await options.cmsProxy(stack.cmsUrl) : undefined)
    return stack
  } catch (error) {
    console.error(stack.log.join(''))
    await stack.stop()
    throw error
  }
}
