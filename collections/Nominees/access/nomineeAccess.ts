import type { Access, CollectionConfig, Where } from 'payload'

import { allowRoles } from '../../access/allowRoles'
import { hasRole, type RoleHolder } from '../../access/roles'
import { accountOf } from '../../Accounts/accountAccess'

type CollectionAccess = NonNullable<CollectionConfig['access']>

/** What the public sees: nominees who accepted a nomination that PSF staff approved. */
export const visibleNominees: Where = { and: [{ accepted: { equals: true } }, { approved: { equals: true } }] }

/** PSF staff read every nominee; an account also reads its own; anyone else the visible ones. */
const readNominees: Access = ({ req }) => {
  if (hasRole(req.user as RoleHolder, 'psf-staff')) return true
  const account = accountOf(req)
  return account === null ? visibleNominees : { or: [visibleNominees, { account: { equals: account.id } }] }
}

/**
 * Nominees are made by the nomination rules (a self-nomination, a nominee following their
 * invitation link) or by PSF staff in the admin; their accepted and approved flags follow
 * their nominations (collections/Nominations/hooks/syncNominee.ts).
 */
export const nomineeAccess: CollectionAccess = {
  create: allowRoles('psf-staff'),
  read: readNominees,
  update: allowRoles('psf-staff'),
  delete: allowRoles('psf-staff'),
}
