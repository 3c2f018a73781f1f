import type { Access, SanitizedConfig } from 'payload'

import { ACCOUNTS } from '../../collections/Accounts/accountAccess'

/** Payload's own collections that serve the admin: which document is open, and each user's admin preferences. */
const ADMIN_COLLECTIONS = ['payload-locked-documents', 'payload-preferences']
const OPERATIONS = ['create', 'read', 'update', 'delete'] as const

/**
 * Payload lets any signed-in user lock documents and keep admin preferences; a visitor's account
 * session is signed in too, and could lock a page an editor is about to open. Accounts never use
 * the admin, so those two collections refuse them (deny by default for the newer kind of user),
 * whatever Payload's own rule would say for staff; so do the preference routes Payload adds.
 */
export function keepAccountsOutOfAdminCollections(config: SanitizedConfig): SanitizedConfig {
  for (const slug of ADMIN_COLLECTIONS) {
    const collection = config.collections.find((candidate) => candidate.slug === slug)
    if (collection === undefined) throw new Error(`keepAccountsOutOfAdminCollections: Payload no longer adds ${slug}.`)
    // Payload's preference routes (`/api/payload-preferences/:key`) read and write without these rules.
    if (Array.isArray(collection.endpoints)) {
      collection.endpoints = collection.endpoints.map((endpoint) => ({
        ...endpoint,
        handler: (req) =>
          (req.user as { collection?: unknown } | null | undefined)?.collection === ACCOUNTS
            ? Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403, headers: { 'Cache-Control': 'no-store' } })
            : endpoint.handler(req),
      }))
    }
    for (const operation of OPERATIONS) {
      const original: Access | undefined = collection.access[operation]
      collection.access[operation] = (args) => {
        if ((args.req.user as { collection?: unknown } | null | undefined)?.collection === ACCOUNTS) return false
        return original === undefined ? Boolean(args.req.user) : original(args)
      }
    }
  }
  return config
}
