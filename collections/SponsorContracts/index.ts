import type { Access, CollectionConfig, Where } from 'payload'

import { accountOf } from '../Accounts/accountAccess'
import { isSponsorsManager, sponsorsManagers } from '../access/sponsorsManagers'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { uploadResponseHeaders } from '../uploads/uploadResponseHeaders'

/** Where contracts are stored on disk (beside the media, inside the data directory); the size limit is the config's. */
export type SponsorContractSettings = { staticDir: string }

/**
 * The sponsorship staff read every contract; a visitor's account reads the contracts of the
 * sponsorships it sees (those it applied for, or of a sponsor it is a contact of; not rejected
 * ones); nobody else, other staff and the public included. The same rule guards the file's URL
 * (/api/sponsor-contracts/file/<name>): Payload checks read access before serving it.
 */
const readContracts: Access = ({ req }) => {
  if (isSponsorsManager(req.user)) return true
  const account = accountOf(req)
  if (account === null) return false
  const own: Where = {
    and: [
      { 'sponsorship.status': { not_equals: 'rejected' } },
      { or: [{ 'sponsorship.submittedBy': { equals: account.id } }, { 'sponsorship.sponsor.contacts.account': { equals: account.id } }] },
    ],
  }
  return own
}

/**
 * Sponsorship contracts (python.org's Contract documents): the agreement generated when a
 * sponsorship is approved, and the signed copy the staff upload back. PDFs only, private, always
 * served as downloads.
 */
export function createSponsorContracts(settings: SponsorContractSettings): CollectionConfig {
  return {
    slug: 'sponsor-contracts',
    admin: { useAsTitle: 'filename', defaultColumns: ['filename', 'sponsorship', 'kind', 'createdAt'], group: 'Sponsorship' },
    access: { create: sponsorsManagers, read: readContracts, update: sponsorsManagers, delete: sponsorsManagers },
    upload: { staticDir: settings.staticDir, mimeTypes: ['application/pdf'], modifyResponseHeaders: uploadResponseHeaders({ download: true }) },
    hooks: { beforeChange: [recordAuthors] },
    fields: [
      { name: 'sponsorship', type: 'relationship', relationTo: 'sponsorships', required: true, index: true },
      {
        name: 'kind',
        type: 'select',
        required: true,
        defaultValue: 'signed',
        options: [
          { label: 'Generated for signing', value: 'generated' },
          { label: 'Signed copy', value: 'signed' },
        ],
      },
      ...auditFields(),
    ],
  }
}
