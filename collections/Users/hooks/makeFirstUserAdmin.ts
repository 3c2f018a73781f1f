import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The admin's create-first-user screen is the way in when no admin is configured: that first
 * account must be able to run the site, so it becomes an admin.
 */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const existing = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (existing.totalDocs === 0) data.roles = ['admin']
  return data
}
