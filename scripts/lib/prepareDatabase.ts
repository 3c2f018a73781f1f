import path from 'node:path'
import { scriptLog } from '../../lib/log/scriptLog'

/**
 * Migrates the database, refuses a production start that anyone could take over by creating the
 * first user (cms/runtime/adminStartProblem), ensures the configured admin, seeds an empty database (or,
 * seeded, renders the markup whose stored HTML is missing or stale: docs/markup.md) and builds a
 * search index that was never built. Loads
 * Payload only now, after the caller has settled DATABASE_URL and the secret in the
 * environment that the config reads.
 */
export async function prepareDatabase(): Promise<void> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../cms/payload.config')
  const { migrateDatabase } = await import('../../cms/runtime/migrateDatabase')
  const { adminCredentialsFrom, ensureAdminUser } = await import('../../cms/runtime/ensureAdminUser')
  const { adminStartProblem } = await import('../../cms/runtime/adminStartProblem')
  const { parseAllowFirstRegister } = await import('../../cms/config/firstRegisterEnv')
  const { seedIfNeeded } = await import('../../seed/seedIfNeeded')
  const { ensureSearchIndex } = await import('../../cms/search/rebuildSearchIndex')

  const payload = await getPayload({ config })
  try {
    console.log('Applying database migrations...')
    await migrateDatabase(payload)
    const admin = adminCredentialsFrom(process.env)
    const allowFirstRegister = parseAllowFirstRegister(process.env)
    const users = (await payload.count({ collection: 'users', overrideAccess: true })).totalDocs
    const problem = adminStartProblem({ production: process.env.NODE_ENV === 'production', adminConfigured: admin !== null, allowFirstRegister, users })
    if (problem) throw new Error(problem)
    if (admin) {
      const outcome = await ensureAdminUser(payload, admin)
      if (outcome === 'created') console.log(`Admin ${admin.email} created.`)
      else if (outcome === 'admin exists') console.log(`An admin exists: ADMIN_EMAIL/ADMIN_PASSWORD change nothing.`)
      else scriptLog.warn(`ADMIN_EMAIL ${admin.email} belongs to an account that is not an admin: it is not promoted (an admin does that in the admin), and no admin was created.`)
    } else if (users === 0) {
      console.log(allowFirstRegister ? 'No ADMIN_EMAIL/ADMIN_PASSWORD: create the first user at /admin.' : 'No ADMIN_EMAIL/ADMIN_PASSWORD and ALLOW_FIRST_REGISTER is false: no one can sign in yet.')
    }
    await seedIfNeeded(payload, { sharedDataDir: process.env.SHARED_DATA_DIR || path.resolve(process.cwd(), '../shared/data') })
    const search = await ensureSearchIndex(payload)
    if (search.state === 'rebuilt') console.log(`Search index built: ${search.documents} documents.`)
    if (search.state === 'queued') scriptLog.error(`Search index not built (${search.reason}); a reindexSearch job will retry once the CMS serves.`)
  } finally {
    await payload.destroy()
  }
}
