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
 * CMS; no crons, no cache purges.
 */
export async function connectToSystemDatabase(): Promise<Payload> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pydotorg-system-local-'))
  const env = loadCmsEnv({ DATABASE_URL: inject('systemDatabaseUrl'), PAYLOAD_SECRET: inject('payloadSecret'), DATA_DIR: dataDir }, () => undefined)
  return getPayload({ config: await createPayloadConfig(env) })
}
