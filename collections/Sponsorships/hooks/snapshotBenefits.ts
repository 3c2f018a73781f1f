import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import type { SponsorshipBenefit } from '../../generated/payload-types'
import { relationNumberId } from '../../fields/relationNumberId'

type BenefitRow = Record<string, unknown> & { benefit?: unknown; name?: unknown }

async function programName(req: PayloadRequest, benefit: SponsorshipBenefit): Promise<string> {
  const programId = relationNumberId(benefit.program)
  if (programId === null) return ''
  const program = await req.payload.findByID({ collection: 'sponsorship-programs', id: programId, depth: 0, overrideAccess: true, disableErrors: true, req })
  return program?.name ?? ''
}

/**
 * Freezes each benefit of a sponsorship as it was when added (python.org's SponsorBenefit
 * snapshot): a row that names a benefit but has no name yet gets the benefit's name, programme,
 * description, internal value and features (logo placements, required assets) copied in. Rows
 * already filled keep what they were given: later edits of the benefit do not change a
 * sponsorship that was sold with the old terms.
 */
export const snapshotBenefits: CollectionBeforeChangeHook = async ({ data, req }) => {
  if (!Array.isArray(data.benefits)) return data
  const rows = data.benefits as BenefitRow[]
  for (const row of rows) {
    if (typeof row.name === 'string' && row.name !== '') continue
    const benefitId = relationNumberId(row.benefit)
    if (benefitId === null) throw new APIError('Each benefit of a sponsorship names a benefit.', 400, undefined, true)
    const benefit = await req.payload.findByID({ collection: 'sponsorship-benefits', id: benefitId, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (benefit === null) throw new APIError(`There is no benefit ${benefitId}.`, 400, undefined, true)
    row.name = benefit.name
    row.programName = await programName(req, benefit)
    row.description = benefit.description ?? ''
    row.internalValue = benefit.internalValue ?? null
    row.logoPlacements = (benefit.logoPlacements ?? []).map(({ publisher, flight, linkToSponsorsPage, describeAsSponsor }) => ({ publisher, flight, linkToSponsorsPage, describeAsSponsor }))
    row.requiredAssets = (benefit.requiredAssets ?? []).map(({ kind, internalName, dueDate, label, helpText }) => ({ kind, internalName, dueDate, label, helpText }))
  }
  return data
}
