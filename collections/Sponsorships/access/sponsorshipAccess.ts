import type { Access, CollectionConfig, Where } from 'payload'

import { accountOf } from '../../Accounts/accountAccess'
import { isSponsorsManager, sponsorsManagers } from '../../access/sponsorsManagers'

type CollectionAccess = NonNullable<CollectionConfig['access']>

/**
 * What a visitor's account sees (python.org's dashboard rule): the sponsorships it submitted and
 * those of the sponsors it is a linked contact of, rejected ones hidden.
 */
export function sponsorshipsOfAccount(accountId: number): Where {
  return {
    and: [
      { status: { not_equals: 'rejected' } },
      { or: [{ submittedBy: { equals: accountId } }, { 'sponsor.contacts.account': { equals: accountId } }] },
    ],
  }
}

const readSponsorships: Access = ({ req }) => {
  if (isSponsorsManager(req.user)) return true
  const account = accountOf(req)
  return account === null ? false : sponsorshipsOfAccount(account.id)
}

/**
 * Sponsorships: the sponsorship staff write them (state moves are checked by
 * enforceSponsorshipWorkflow against workflow.ts whatever access let the change through); a
 * sponsor's contacts read their own; other staff and the public read none: the public sees
 * sponsorships only through the logo placement API.
 */
export const sponsorshipAccess: CollectionAccess = {
  create: sponsorsManagers,
  read: readSponsorships,
  update: sponsorsManagers,
  delete: sponsorsManagers,
}
