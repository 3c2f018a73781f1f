import type { Access, FieldAccess, PayloadRequest } from 'payload'

import { hasRole, type RoleHolder } from '../access/roles'

/** The collection slug of visitors' accounts (staff are `users`). */
export const ACCOUNTS = 'accounts'

/** The signed-in account of a request (an account's session), or null for staff and anonymous callers. */
export function accountOf(req: PayloadRequest): { id: number } | null {
  const user = req.user as { id?: unknown; collection?: unknown } | null | undefined
  return user?.collection === ACCOUNTS && typeof user.id === 'number' ? { id: user.id } : null
}

/** Staff, never an account (an account has no roles, but checked by collection as well). */
function isStaff(req: PayloadRequest, ...roles: Parameters<typeof hasRole>[1][]): boolean {
  const user = req.user as (RoleHolder & { collection?: string }) | null | undefined
  return user?.collection === 'users' && hasRole(user, ...roles)
}

/** Moderators and admins see every account in the admin. */
export const moderatorsOrSelf: Access = ({ req }) => {
  if (isStaff(req, 'moderator')) return true
  const account = accountOf(req)
  return account === null ? false : { id: { equals: account.id } }
}

/** Fields an account may not write on itself (its address changes only through a verified link). */
const GUARDED_KEYS = ['password', 'email', 'username']

function touches(data: unknown, keys: readonly string[]): boolean {
  return typeof data === 'object' && data !== null && keys.some((key) => key in data)
}

/**
 * Moderators (to deactivate) and admins update any account; an account updates only itself, and
 * never its password, address or username through the collection (the account endpoints check
 * the current password and verify new addresses). The flags have their own field rules.
 */
export const updateAccount: Access = ({ req, data }) => {
  if (isStaff(req)) return true
  // Moderators deactivate; a visitor's password is theirs alone (reset links, the account page).
  if (isStaff(req, 'moderator')) return !touches(data, ['password'])
  const account = accountOf(req)
  if (account === null || touches(data, GUARDED_KEYS)) return false
  return { id: { equals: account.id } }
}

/** Moderators lift a sign-in lockout. */
export const moderatorsOnly: Access = ({ req }) => isStaff(req, 'moderator')

/** Only admins delete an account in the admin; an account deletes itself through DELETE /api/accounts/me. */
export const adminsOnly: Access = ({ req }) => isStaff(req)

/** Accounts come from sign-up only (its endpoint creates them with overrideAccess). */
export const nobody: Access = () => false

/** The moderation flag: moderators and admins. */
export const moderatorsOnField: FieldAccess = ({ req }) => isStaff(req, 'moderator')

/** Admins only, for one field. */
export const adminsOnField: FieldAccess = ({ req }) => isStaff(req)

/** Set only by the account endpoints (overrideAccess), never through the API. */
export const nobodyOnField: FieldAccess = () => false
