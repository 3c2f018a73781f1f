import path from 'node:path'

/**
 * Migrates the database, ensures the configured admin, seeds an empty database and builds a
 * search index that was never built. Loads
 * Payload only now, after the caller has settled DATABASE_URL and the secret in the
 * environment that the config reads.
 */
export async function prepareDatabase(): Promise<void> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../cms/payload.config')
  const { migrateDatabase } = await import('../../cms/runtime/migrateDatabase')
  const { adminCredentialsFrom, ensureAdminUser } = await import('../../cms/runtime/ensureAdminUser')
  const { seedIfNeeded } = await import('../../seed/seedIfNeeded')
  const { ensureSearchIndex } = await import('../../cms/search/rebuildSearchIndex')

  const payload = await getPayload({ config })
  try {
    console.log('Applying database migrations...')
    await migrateDatabase(payload)
    const admin = adminCredentialsFrom(process.env)
    if (admin) {
      const outcome = await ensureAdminUser(payload, admin)
      console.log(`Admin ${admin.email} ${outcome}.`)
    } else {
      console.log('No ADMIN_EMAIL/ADMIN_PASSWORD: create the first user at /admin.')
    }
    await seedIfNeeded(payload, { sharedDataDir: process.env.SHARED_DATA_DIR || path.resolve(process.cwd(), '../shared/data') })
    const search = await ensureSearchIndex(payload)
    if (search.state === 'rebuilt') console.log(`Search index built: ${search.documents} documents.`)
    if (search.state === 'queued') console.error(`Search index not built (${search.reason}); a reindexSearch job will retry once the CMS serves.`)
  } finally {
    await payload.destroy()
  }
}
