/** What start-up knows about the way into a fresh CMS. */
export type AdminStartState = {
  production: boolean
  /** ADMIN_EMAIL and ADMIN_PASSWORD are set (start-up ensures that admin). */
  adminConfigured: boolean
  /** ALLOW_FIRST_REGISTER (cms/config/firstRegisterEnv). */
  allowFirstRegister: boolean
  /** Accounts in the database: first-register works only while there are none. */
  users: number
}

/**
 * Why a production CMS must not start, or null (issue 18). With no account and no admin
 * configured, the first `POST /api/users/first-register` makes whoever sends it an admin: in
 * production that is refused unless the operator says so with ALLOW_FIRST_REGISTER=true (for a
 * CMS nobody else can reach yet). A database that already has accounts has no such door.
 */
export function adminStartProblem(state: AdminStartState): string | null {
  if (!state.production || state.adminConfigured || state.users > 0 || state.allowFirstRegister) return null
  return (
    'Refusing to start: NODE_ENV=production, the database has no account and no admin is configured, so the first visitor ' +
    'to /admin/create-first-user would become an admin. Set ADMIN_EMAIL and ADMIN_PASSWORD (start-up creates that admin), ' +
    'or set ALLOW_FIRST_REGISTER=true while the CMS is reachable only by you.'
  )
}
