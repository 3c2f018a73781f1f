import type { Access, CollectionConfig } from 'payload'

import { accountOf } from '../../Accounts/accountAccess'
import { isSponsorsManager, sponsorsManagers } from '../../access/sponsorsManagers'

type CollectionAccess = NonNullable<CollectionConfig['access']>

/**
 * The sponsorship staff read every sponsor; a visitor's account reads the sponsors it is a linked
 * contact of (python.org's dashboard rule); nobody else, other staff included: a sponsor holds its
 * contacts' names, addresses and phone numbers. The public sees sponsors only through the logo
 * placement API and the pages built on it, which carry no contact data.
 */
const readSponsors: Access = ({ req }) => {
  if (isSponsorsManager(req.user)) return true
  const account = accountOf(req)
  return account === null ? false : { 'contacts.account': { equals: account.id } }
}

export const sponsorAccess: CollectionAccess = {
  create: sponsorsManagers,
  read: readSponsors,
  update: sponsorsManagers,
  delete: sponsorsManagers,
}
