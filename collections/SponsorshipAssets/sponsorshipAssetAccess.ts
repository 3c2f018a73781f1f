import type { Access, CollectionConfig, Where } from 'payload'

import { accountOf } from '../Accounts/accountAccess'
import { isSponsorsManager, sponsorsManagers } from '../access/sponsorsManagers'

type CollectionAccess = NonNullable<CollectionConfig['access']>

/** The assets an account may see and fill: those of the sponsorships it sees (see sponsorshipsOfAccount). */
export function assetsOfAccount(accountId: number): Where {
  return {
    and: [
      { 'sponsorship.status': { not_equals: 'rejected' } },
      { or: [{ 'sponsorship.submittedBy': { equals: accountId } }, { 'sponsorship.sponsor.contacts.account': { equals: accountId } }] },
    ],
  }
}

const readAssets: Access = ({ req }) => {
  if (isSponsorsManager(req.user)) return true
  const account = accountOf(req)
  return account === null ? false : assetsOfAccount(account.id)
}

/**
 * Required assets: the sponsorship staff read and write all of them; a sponsor's contacts (and
 * the account that applied) read their own sponsorship's, and fill them only through the
 * dashboard's endpoint (which checks the same rule and writes the value fields alone); nobody
 * else sees any, other staff and the public included.
 */
export const sponsorshipAssetAccess: CollectionAccess = {
  create: sponsorsManagers,
  read: readAssets,
  update: sponsorsManagers,
  delete: sponsorsManagers,
}
