import type { Access } from 'payload'

import { hasRole, type RoleHolder } from './roles'

/** The sponsorship staff: sponsors managers, and admins (who hold every role). Staff only, never a visitor's account. */
export function isSponsorsManager(user: unknown): boolean {
  const holder = user as (RoleHolder & { collection?: string }) | null | undefined
  return holder?.collection !== 'accounts' && hasRole(holder, 'sponsors-manager')
}

export const sponsorsManagers: Access = ({ req }) => isSponsorsManager(req.user)
