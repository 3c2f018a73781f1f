import type { Access, CollectionConfig } from 'payload'

import { allowRoles } from '../../access/allowRoles'
import { hasRole, type RoleHolder } from '../../access/roles'
import { accountOf } from '../../Accounts/accountAccess'

type CollectionAccess = NonNullable<CollectionConfig['access']>

/** PSF staff read every membership; an account reads its own; nobody else reads any. */
const readMemberships: Access = ({ req }) => {
  if (hasRole(req.user as RoleHolder, 'psf-staff')) return true
  const account = accountOf(req)
  return account === null ? false : { account: { equals: account.id } }
}

/**
 * Memberships are personal data: PSF staff (and admins) manage them in the admin; a member reads
 * their own. Sign-up and edits from the site go through the membership endpoints, which act for
 * the signed-in account and decide what it may write.
 */
export const membershipAccess: CollectionAccess = {
  create: allowRoles('psf-staff'),
  read: readMemberships,
  update: allowRoles('psf-staff'),
  delete: allowRoles('psf-staff'),
}
