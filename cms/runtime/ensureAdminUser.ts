import type { Payload } from 'payload'

export type AdminCredentials = { email: string; username: string; password: string }

/**
 * What start-up did with ADMIN_EMAIL/ADMIN_PASSWORD: created that admin; found an admin already
 * there and changed nothing; or found no admin but that email on an account that is not one,
 * and left it alone.
 */
export type AdminOutcome = 'created' | 'admin exists' | 'email taken by a non-admin'

/**
 * With ADMIN_EMAIL and ADMIN_PASSWORD set, start-up creates that admin when the database has no
 * admin at all, and otherwise changes nothing (issue 18). It used to find the user by email and
 * grant it the admin role and the password on every start, so whoever took over that address
 * (an editor changing their email to it) became an admin at the next restart. An account that
 * already holds the email is never promoted: an admin does that in the admin. Without the
 * variables nothing is created (see firstRegisterPolicy for the create-first-user screen). There
 * is no default password; changing ADMIN_PASSWORD later does not change the admin's password.
 */
export async function ensureAdminUser(payload: Payload, credentials: AdminCredentials): Promise<AdminOutcome> {
  const admins = await payload.count({ collection: 'users', where: { roles: { in: ['admin'] } }, overrideAccess: true })
  if (admins.totalDocs > 0) return 'admin exists'
  const holder = await payload.count({ collection: 'users', where: { email: { equals: credentials.email.toLowerCase() } }, overrideAccess: true })
  if (holder.totalDocs > 0) return 'email taken by a non-admin'
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
