import type { Access, CollectionConfig, FieldAccess, Where } from 'payload'

import { allowRoles } from '../../access/allowRoles'
import { hasRole, type RoleHolder } from '../../access/roles'
import { accountOf } from '../../Accounts/accountAccess'

type CollectionAccess = NonNullable<CollectionConfig['access']>

/** What the public sees: nominations their nominee accepted and PSF staff approved. */
export const visibleNominations: Where = {
  and: [{ accepted: { equals: true } }, { approved: { equals: true } }, { nomineeAccount: { exists: true } }],
}

function isPsfStaff(req: Parameters<Access>[0]['req']): boolean {
  return hasRole(req.user as RoleHolder, 'psf-staff')
}

/** The nominations an account is party to: made by it, or naming it as the nominee. */
function ownNominations(accountId: number): Where {
  return { or: [{ nominator: { equals: accountId } }, { nomineeAccount: { equals: accountId } }] }
}

/** PSF staff read all; an account reads the public ones and its own (made or received); anyone else the public ones. */
const readNominations: Access = ({ req }) => {
  if (isPsfStaff(req)) return true
  const account = accountOf(req)
  return account === null ? visibleNominations : { or: [visibleNominations, ownNominations(account.id)] }
}

/** Any signed-in account may try: the rules hook admits PSF members only, while the window is open. */
const createNominations: Access = ({ req }) => isPsfStaff(req) || accountOf(req) !== null

/** Staff update any; an account only the nominations it made or received (the rules hook says which fields, when). */
const updateNominations: Access = ({ req }) => {
  if (isPsfStaff(req)) return true
  const account = accountOf(req)
  return account === null ? false : ownNominations(account.id)
}

/** The nominee's address: PSF staff, the nominator and the nominee only, never the public page. */
export const partiesOnly: FieldAccess = ({ req, doc }) => {
  if (isPsfStaff(req)) return true
  const account = accountOf(req)
  if (account === null || doc === undefined) return false
  return doc.nominator === account.id || doc.nomineeAccount === account.id
}

/** Set only by the rules and the invitation link (overrideAccess), never through the API. */
export const nobodyOnField: FieldAccess = () => false

/** Nominations (python.org's apps/nominations Nomination). Who changes what, and when: ../workflow.ts. */
export const nominationAccess: CollectionAccess = {
  create: createNominations,
  read: readNominations,
  update: updateNominations,
  delete: allowRoles('psf-staff'),
}
