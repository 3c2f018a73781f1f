import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'
import { inject } from 'vitest'

import { loadCmsEnv } from '../../cms/config/cmsEnv'
import { createPayloadConfig } from '../../cms/config/payloadConfig'

/**
 * Payload's Local API on the database the system CMS runs on, for setting up and checking data
 * around requests made over HTTP. Built with the CMS's secret, so API keys it stores work on the
 * CMS; no crons, no cache purges. `extraEnv` adds CMS settings, such as the feed URLs the import
 * jobs read (BLOG_FEED_URL, RELEASE_CYCLE_URL), for jobs run here.
 */
export async function connectToSystemDatabase(extraEnv: Readonly<Record<string, string>> = {}): Promise<Payload> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pydotorg-system-local-'))
  const env = loadCmsEnv({ ...extraEnv, DATABASE_URL: inject('systemDatabaseUrl'), PAYLOAD_SECRET: inject('payloadSecret'), DATA_DIR: dataDir }, () => undefined)
  return getPayload({ config: await createPayloadConfig(env) })
}
