import type { Payload } from 'payload'

export type AdminCredentials = { email: string; username: string; password: string }

/**
 * With ADMIN_EMAIL and ADMIN_PASSWORD set, start-up makes sure that admin exists (created, or
 * given back the admin role and that password). Without them nothing is created: the admin's
 * create-first-user screen is the way in. There is no default password.
 */
export async function ensureAdminUser(payload: Payload, credentials: AdminCredentials): Promise<'created' | 'updated'> {
  const existing = await payload.find({
    collection: 'users',
    where: { email: { equals: credentials.email.toLowerCase() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const user = existing.docs[0]
  if (user) {
    await payload.update({
      collection: 'users',
      id: user.id,
      data: { password: credentials.password, roles: Array.from(new Set([...(user.roles ?? []), 'admin' as const])) },
      overrideAccess: true,
    })
    return 'updated'
  }
  await payload.create({
    collection: 'users',
    data: { email: credentials.email, username: credentials.username, password: credentials.password, roles: ['admin'] },
    overrideAccess: true,
  })
  return 'created'
}

/** Reads the optional admin credentials; both email and password, or neither. */
export function adminCredentialsFrom(env: NodeJS.ProcessEnv): AdminCredentials | null {
  const email = env.ADMIN_EMAIL?.trim()
  const password = env.ADMIN_PASSWORD
  if (!email && !password) return null
  if (!email || !password) throw new Error('Set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither.')
  if (password.length < 12) throw new Error('ADMIN_PASSWORD must be at least 12 characters long.')
  return { email, username: env.ADMIN_USERNAME?.trim() || 'admin', password }
}
