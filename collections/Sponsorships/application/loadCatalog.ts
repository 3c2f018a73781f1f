import type { PayloadRequest } from 'payload'

import { SPONSORSHIP_SETTINGS } from '../../SponsorshipSettings/index'
import { applicationWindowAt, type ApplicationWindow, type ApplicationWindowSettings } from '../../SponsorshipSettings/applicationWindow'
import type { Catalog } from './applicationRules'
import { relationNumberId } from '../../fields/relationNumberId'

/** A year offers a few dozen benefits; the bound keeps a runaway catalog from being read whole. */
const MAX_ROWS = 500

export async function applicationWindowOf(req: PayloadRequest, now: Date = new Date()): Promise<ApplicationWindow> {
  const settings = (await req.payload.findGlobal({ slug: SPONSORSHIP_SETTINGS, depth: 0, overrideAccess: true, req })) as ApplicationWindowSettings
  return applicationWindowAt(settings, now)
}

export type CatalogView = Catalog & {
  programs: { id: number; name: string; description: string }[]
  benefitDescriptions: Record<number, string>
}

/** The year's programmes, advertised packages and benefits, as the application form offers them. */
export async function loadCatalog(req: PayloadRequest, year: number): Promise<CatalogView> {
  const common = { depth: 0, limit: MAX_ROWS, overrideAccess: true, pagination: false, req } as const
  const [programs, packages, benefits] = await Promise.all([
    req.payload.find({ collection: 'sponsorship-programs', sort: 'order', ...common }),
    req.payload.find({ collection: 'sponsorship-packages', where: { and: [{ year: { equals: year } }, { advertise: { equals: true } }] }, sort: 'order', ...common }),
    req.payload.find({ collection: 'sponsorship-benefits', where: { year: { equals: year } }, sort: 'order', ...common }),
  ])
  const packageIds = packages.docs.map((entry) => entry.id)
  return {
    programs: programs.docs.map((program) => ({ id: program.id, name: program.name, description: program.description ?? '' })),
    packages: packages.docs.map((entry) => ({ id: entry.id, name: entry.name, sponsorshipAmount: entry.sponsorshipAmount, allowALaCarte: entry.allowALaCarte !== false })),
    benefits: benefits.docs.map((benefit) => ({
      id: benefit.id,
      name: benefit.name,
      programId: relationNumberId(benefit.program),
      packages: (benefit.packages ?? []).map(relationNumberId).filter((id): id is number => id !== null && packageIds.includes(id)),
      packageOnly: benefit.packageOnly === true,
      standalone: benefit.standalone === true,
      unavailable: benefit.unavailable === true,
      soldOut: benefit.capacity === 0 && benefit.softCapacity !== true,
    })),
    benefitDescriptions: Object.fromEntries(benefits.docs.map((benefit) => [benefit.id, benefit.description ?? ''])),
  }
}
