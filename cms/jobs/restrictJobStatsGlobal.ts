import type { SanitizedConfig } from 'payload'

import { hasRole, type RoleHolder } from '../../collections/access/roles'

const JOB_STATS_GLOBAL = 'payload-jobs-stats'

/**
 * Payload adds the `payload-jobs-stats` global (when each schedule last queued a job) while it
 * builds the config, with its default access: any signed-in user may read and update it, and an
 * update could stop every schedule. No config option reaches that global, so its access is
 * replaced on the built config: admins read, nobody writes through the API (the scheduler writes
 * through the database adapter).
 */
export function restrictJobStatsGlobal(config: SanitizedConfig): SanitizedConfig {
  const global = config.globals.find((candidate) => candidate.slug === JOB_STATS_GLOBAL)
  if (global !== undefined) {
    global.access = {
      ...global.access,
      read: ({ req }) => hasRole(req.user as RoleHolder),
      readVersions: () => false,
      update: () => false,
    }
  }
  return config
}
