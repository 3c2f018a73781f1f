import type { SanitizedConfig } from 'payload'

import { hasRole, type RoleHolder } from '../../collections/access/roles'

const MIGRATIONS = 'payload-migrations'

/**
 * Payload adds `payload-migrations` (which migrations ran) to every config with access for any
 * signed-in user, editors included: a deleted row would make the next start run that migration
 * again, an added one would skip it. It has no REST or GraphQL endpoints, but server code could
 * still reach it with a user's rights, so it is denied by default like everything else: admins
 * read, nobody writes through access control (the migration runner uses the Local API with
 * overrideAccess, its default).
 */
export function restrictPayloadMigrations(config: SanitizedConfig): SanitizedConfig {
  const migrations = config.collections.find((collection) => collection.slug === MIGRATIONS)
  if (migrations !== undefined) {
    migrations.access = {
      ...migrations.access,
      create: () => false,
      read: ({ req }) => hasRole(req.user as RoleHolder),
      update: () => false,
      delete: () => false,
    }
  }
  return config
}
