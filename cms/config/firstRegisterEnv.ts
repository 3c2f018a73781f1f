type Environment = Readonly<Record<string, string | undefined>>

/**
 * ALLOW_FIRST_REGISTER: whether Payload's create-first-user screen (`POST
 * /api/users/first-register`, which makes the first account of an empty database an admin) is
 * open. Default: open on a developer machine, closed when NODE_ENV=production, where anyone who
 * reaches the CMS first would own it (issue 18). `true` or `false`; anything else stops start-up.
 */
export function parseAllowFirstRegister(env: Environment): boolean {
  const raw = env.ALLOW_FIRST_REGISTER?.trim().toLowerCase()
  if (raw === undefined || raw === '') return env.NODE_ENV !== 'production'
  if (raw === 'true') return true
  if (raw === 'false') return false
  throw new Error(`ALLOW_FIRST_REGISTER must be true or false, got "${env.ALLOW_FIRST_REGISTER}".`)
}
