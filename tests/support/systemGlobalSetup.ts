import type { TestProject } from 'vitest/node'

import { startSeededStack } from './seededStack'

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
  const stack = await startSeededStack({
    name: 'system',
    // The CMS purges the site's cache through its jobs queue; two workers show a purge reaching both.
    webWorkers: 2,
    // One CMS process (CMS_WORKERS' default is the core count): tests/system/cmsWorkers.test.ts runs two.
    cmsWorkers: 1,
    mailbox: true,
    env: {
      // The per-client limits have a CMS of their own (tests/system/throttling.test.ts); here,
      // where every test calls from 127.0.0.1, they would only get in the way.
      ...UNTHROTTLED,
      UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES),
    },
  })
  project.provide('cmsUrl', stack.cmsUrl)
  project.provide('cmsPublicUrl', stack.cmsPublicUrl)
  project.provide('webUrl', stack.webUrl)
  project.provide('adminEmail', stack.adminEmail)
  project.provide('adminPassword', stack.adminPassword)
  project.provide('purgeSecret', stack.purgeSecret)
  project.provide('systemDatabaseUrl', stack.databaseUrl)
  project.provide('payloadSecret', stack.payloadSecret)
  project.provide('uploadMaxBytes', UPLOAD_MAX_BYTES)
  project.provide('dataDir', stack.dataDir)
  project.provide('mailboxUrl', stack.mailboxUrl ?? '')
  return stack.stop
}
