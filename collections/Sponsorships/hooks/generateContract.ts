import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { Sponsorship } from '../../generated/payload-types'
import { renderContractPdf, type ContractFacts } from '../contracts/renderContractPdf'
import { relationNumberId } from '../../fields/relationNumberId'

function day(value: string | null | undefined): string {
  return typeof value === 'string' ? value.slice(0, 10) : ''
}

async function contractFacts(req: PayloadRequest, sponsorship: Sponsorship): Promise<ContractFacts> {
  const sponsorId = relationNumberId(sponsorship.sponsor)
  const packageId = relationNumberId(sponsorship.package)
  const sponsor = sponsorId === null ? null : await req.payload.findByID({ collection: 'sponsors', id: sponsorId, depth: 0, overrideAccess: true, disableErrors: true, req })
  const level = packageId === null ? null : await req.payload.findByID({ collection: 'sponsorship-packages', id: packageId, depth: 0, overrideAccess: true, disableErrors: true, req })
  const contact = sponsor?.contacts?.find((row) => row.primary) ?? sponsor?.contacts?.[0]
  // python.org: the country of incorporation when outside the US, else the state.
  const country = sponsor?.countryOfIncorporation ?? ''
  const incorporation = country !== '' && !/^(us|usa|united states)/i.test(country) ? country : (sponsor?.stateOfIncorporation ?? country)
  return {
    sponsor: sponsor?.name ?? 'The Sponsor',
    sponsorDescription: sponsor?.description ?? '',
    primaryContact: contact ? `${contact.name} - ${contact.phone ?? ''} | ${contact.email}` : '',
    incorporation,
    level: level?.name ?? 'Custom',
    year: String(sponsorship.year),
    fee: sponsorship.sponsorshipFee ?? 0,
    startDate: day(sponsorship.startDate),
    endDate: day(sponsorship.endDate),
    renewal: sponsorship.renewal === true,
    benefits: (sponsorship.benefits ?? []).map((benefit) => `${benefit.programName ? `${benefit.programName} - ` : ''}${benefit.name ?? ''}`),
  }
}

/**
 * When a sponsorship is approved (python.org's "Generate Contract for Signing"), draws the
 * agreement from its terms and benefits as a PDF, stores it as a private contract upload, and
 * links it from the sponsorship, in the approval's transaction: a failed generation fails the
 * approval, and a rolled-back approval leaves no contract. Approving again after a rollback draws
 * a new one (the terms may have changed).
 */
export const generateContract: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  // The link's own save below leaves the state at approved, so it comes back here and stops.
  if (doc.status !== 'approved' || (operation === 'update' && previousDoc?.status === 'approved')) return doc
  const sponsorship = doc as Sponsorship
  const pdf = await renderContractPdf(await contractFacts(req, sponsorship))
  const contract = await req.payload.create({
    collection: 'sponsor-contracts',
    data: { sponsorship: sponsorship.id, kind: 'generated' },
    file: { data: pdf, mimetype: 'application/pdf', name: `sponsorship-agreement-${sponsorship.id}.pdf`, size: pdf.length },
    overrideAccess: true,
    depth: 0,
    req,
  })
  const updated = await req.payload.update({
    collection: 'sponsorships',
    id: sponsorship.id,
    data: { contract: contract.id },
    overrideAccess: true,
    depth: 0,
    // No context of its own: Payload shares the request's context, and a flag set here would
    // still be set for the approval's remaining hooks (its mail).
    req,
  })
  return { ...doc, contract: updated.contract }
}
