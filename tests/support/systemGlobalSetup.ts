import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { ensureDatabase } from '../../cms/runtime/ensureDatabase'
import { buildCms } from '../../scripts/build'
import { runCommand } from '../../scripts/lib/runCommand'
import { cmsCommand, webCommand } from '../../scripts/lib/serviceCommands'
import { waitForHttp } from '../../scripts/lib/waitForHttp'
import { freePort } from './freePort'
import { startLoggedProcess } from './startLoggedProcess'
import { startSystemMailbox } from './systemMailbox'
import { databaseUrl, startTestPostgres } from './testPostgres'

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string
    /** The admin's address as editors type it (localhost, not the site's 127.0.0.1). */
    cmsPublicUrl: string
    webUrl: string
    adminEmail: string
    adminPassword: string
    purgeSecret: string
    /** The seeded database the CMS runs on, for tests that set up or check data with the Local API. */
    systemDatabaseUrl: string
    /** The CMS's PAYLOAD_SECRET (API keys are indexed with it). */
    payloadSecret: string
    /** UPLOAD_MAX_BYTES of the CMS: small, so the uploads test can go past it cheaply. */
    uploadMaxBytes: number
    /** The CMS's DATA_DIR (uploads are stored under it). */
    dataDir: string
    /** What the CMS's SMTP server (SMTP_URL, a real test SMTP server) received: GET <mailboxUrl>/messages. */
    mailboxUrl: string
  }
}

const ADMIN_EMAIL = 'system-admin@example.org'
const ADMIN_PASSWORD = 'system-test-password-1'
const PURGE_SECRET = 'system-test-purge-secret-0123456789'
const PAYLOAD_SECRET = 'system-test-secret-0123456789abcdef'
const UPLOAD_MAX_BYTES = 5 * 1024 * 1024
const UNTHROTTLED = {
  LEGACY_API_RATE_PER_HOUR: '1000000000',
  GRAPHQL_ANONYMOUS_RATE_PER_MINUTE: '1000000000',
  SEARCH_RATE_PER_MINUTE: '1000000000',
  STORY_SUBMISSIONS_PER_HOUR: '1000000000',
  // The fuzz and XSS suites post many jobs from 127.0.0.1; tests/integration/rules/jobSubmissions.test.ts checks the limit.
  JOB_SUBMISSIONS_PER_HOUR: '1000000000',
  // Every test signs in from 127.0.0.1; tests/system/loginSecurity.test.ts checks the limits.
  SIGN_IN_RATE_PER_HOUR: '1000000000',
  SIGN_IN_GLOBAL_RATE_PER_HOUR: '1000000000',
  // Visitors' accounts (issue 11): the site's tests sign up and in often, all from 127.0.0.1;
  // tests/integration/accounts/accountLimits.test.ts checks these limits.
  ACCOUNT_SIGN_UPS_PER_HOUR: '1000000000',
  ACCOUNT_SIGN_INS_PER_HOUR: '1000000000',
  ACCOUNT_SIGN_INS_PER_ACCOUNT_PER_HOUR: '1000000000',
  ACCOUNT_RESETS_PER_HOUR: '1000000000',
  ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR: '1000000000',
}

/**
 * The system tests' world: a built CMS and the site as real processes, on a seeded database of
 * a throw-away Postgres, on free ports. Everything is stopped and deleted afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startTestPostgres()
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pydotorg-system-'))
  // The CMS sends mail through a real SMTP server the tests read (issue 11: sign-up, reset).
  const mailbox = await startSystemMailbox()
  const children: ChildProcess[] = []
  const log: string[] = []
  const teardown = async () => {
    for (const child of children) child.kill('SIGTERM')
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))))
    await postgres.stop()
    await mailbox.close()
    await rm(dataDir, { recursive: true, force: true })
  }
  try {
    await ensureDatabase(postgres.adminUrl, 'system')
    const [cmsPort, webPort] = [await freePort(), await freePort()]
    const cmsUrl = `http://127.0.0.1:${cmsPort}`
    const webUrl = `http://127.0.0.1:${webPort}`
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl(postgres.adminUrl, 'system'),
      DATA_DIR: dataDir,
      PAYLOAD_SECRET,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      CMS_PORT: String(cmsPort),
      CMS_URL: cmsUrl,
      CMS_PUBLIC_URL: `http://localhost:${cmsPort}`,
      WEB_PORT: String(webPort),
      SITE_URL: webUrl,
      // The CMS purges the site's cache through its jobs queue; two workers show a purge reaching both.
      PURGE_SECRET,
      WEB_PURGE_URLS: webUrl,
      WEB_WORKERS: '2',
      // One CMS process (CMS_WORKERS' default is the core count): tests/system/cmsWorkers.test.ts runs two.
      CMS_WORKERS: '1',
      // The per-client limits have a CMS of their own (tests/system/throttling.test.ts); here,
      // where every test calls from 127.0.0.1, they would only get in the way.
      ...UNTHROTTLED,
      UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES),
      SMTP_URL: mailbox.smtp.url,
      EMAIL_FROM: 'Python.org <noreply@python.org>',
    }
    await buildCms({ ifNeeded: true })
    await runCommand('npx', ['tsx', 'scripts/prepare.ts'], env)
    children.push(startLoggedProcess('cms', cmsCommand(process.cwd(), cmsPort), env, log))
    await waitForHttp(`${cmsUrl}/api/health`, 120_000)
    children.push(startLoggedProcess('web', webCommand(), env, log))
    await waitForHttp(`${webUrl}/health`, 60_000)
    project.provide('cmsUrl', cmsUrl)
    project.provide('cmsPublicUrl', `http://localhost:${cmsPort}`)
    project.provide('webUrl', webUrl)
    project.provide('adminEmail', ADMIN_EMAIL)
    project.provide('adminPassword', ADMIN_PASSWORD)
    project.provide('purgeSecret', PURGE_SECRET)
    project.provide('systemDatabaseUrl', env.DATABASE_URL ?? '')
    project.provide('payloadSecret', PAYLOAD_SECRET)
    project.provide('uploadMaxBytes', UPLOAD_MAX_BYTES)
    project.provide('dataDir', dataDir)
    project.provide('mailboxUrl', mailbox.mailboxUrl)
  } catch (error) {
    console.error(log.join(''))
    await teardown()
    throw error
  }
  return teardown
}
