import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'
import { inject } from 'vitest'

import { loadCmsEnv } from '../../cms/config/cmsEnv'
import { createPayloadConfig } from '../../cms/config/payloadConfig'
import { ensureDatabase } from '../../cms/runtime/ensureDatabase'
import { migrateDatabase } from '../../cms/runtime/migrateDatabase'
import { databaseUrl } from './testPostgres'

/**
 * A Payload instance on a fresh, migrated database of the run's Postgres server. Each test file
 * runs in its own worker, so Payload's per-process cache holds exactly this instance. With
 * `cron`, it also runs the jobs config's autoRun crons, as the serving CMS does.
 */
export async function createTestPayload(name: string, extraEnv: Record<string, string> = {}, options: { cron?: boolean } = {}): Promise<Payload> {
  const adminUrl = inject('postgresAdminUrl')
  const database = `test_${name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}`
  await ensureDatabase(adminUrl, database)
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pydotorg-cms-'))
  const env = loadCmsEnv(
    { DATABASE_URL: databaseUrl(adminUrl, database), PAYLOAD_SECRET: 'test-secret-0123456789abcdef0123456789', DATA_DIR: dataDir, ...extraEnv },
    () => undefined,
  )
  const config = await createPayloadConfig(env)
  const payload = await getPayload({ config })
  await migrateDatabase(payload)
  // As in the serving CMS (its first request asks for crons), the crons start once migrated.
  if (options.cron === true) await getPayload({ config, cron: true })
  return payload
}
