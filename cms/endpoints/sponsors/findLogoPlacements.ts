import type { Payload } from 'payload'

import type { Media, Sponsor, Sponsorship, SponsorshipPackage } from '../../../collections/generated/payload-types'
import type { LogoPlacementQuery } from './parseLogoPlacementParams'

/** One entry of the logo placement API: python.org's shape, without its contacts' personal data. */
export type LogoPlacement = {
  publisher: string
  flight: string
  sponsor: string
  sponsor_id: string
  sponsor_slug: string
  level_name: string
  level_order: number
  description: string
  logo: string
  white_logo: string | null
  sponsor_url: string | null
  start_date: string
  end_date: string
  /** Always empty: python.org lists its contacts' names and addresses here, to anyone with a token. */
  contacts: never[]
}

/** Content is input: bounds on what one answer reads and returns. */
const MAX_SPONSORSHIPS = 1000
const MAX_ENTRIES = 5000

function idOf(value: unknown): number | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  return typeof id === 'number' && Number.isInteger(id) ? id : null
}

function day(value: string | null | undefined): string {
  return typeof value === 'string' ? value.slice(0, 10) : ''
}

async function byId<T extends { id: number }>(payload: Payload, collection: 'sponsors' | 'sponsorship-packages' | 'media', ids: number[]): Promise<Map<number, T>> {
  if (ids.length === 0) return new Map()
  const found = await payload.find({ collection, where: { id: { in: [...new Set(ids)] } }, pagination: false, depth: 0, overrideAccess: true })
  return new Map((found.docs as unknown as T[]).map((doc) => [doc.id, doc]))
}

/**
 * The sponsorships whose logos are shown today (python.org's "enabled": finalized, started, not
 * ended, not overlapped). python.org marks a sponsorship overlapped when a newer one of the same
 * sponsor is executed; here the newest enabled sponsorship of each sponsor (latest start) wins.
 */
export async function enabledSponsorships(payload: Payload, year: number | null, now: Date): Promise<Sponsorship[]> {
  const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString()
  const found = await payload.find({
    collection: 'sponsorships',
    where: {
      and: [
        { status: { equals: 'finalized' } },
        { startDate: { less_than_equal: now.toISOString() } },
        { endDate: { greater_than_equal: startOfDay } },
        ...(year === null ? [] : [{ year: { equals: year } }]),
      ],
    },
    sort: '-startDate',
    limit: MAX_SPONSORSHIPS,
    depth: 0,
    overrideAccess: true,
  })
  const seen = new Set<number>()
  return found.docs.filter((sponsorship) => {
    const sponsorId = idOf(sponsorship.sponsor)
    if (sponsorId === null || seen.has(sponsorId)) return false
    seen.add(sponsorId)
    return true
  })
}

function absolute(url: string | null | undefined, serverUrl: string): string | null {
  if (typeof url !== 'string' || url === '') return null
  return url.startsWith('/') ? `${serverUrl}${url}` : url
}

/**
 * python.org's logo placement API (`apps/sponsors/api.py`): one entry per logo placement of an
 * enabled sponsorship that passes the filters, ordered by level then sponsor name. Only sponsors
 * whose web logo is published (public since a sponsorship was finalized) are listed, and no
 * contact data leaves: `contacts` is always empty. Two benefits with the same placement give one
 * entry (python.org repeats it).
 */
export async function findLogoPlacements(payload: Payload, query: LogoPlacementQuery, urls: { siteUrl: string; serverUrl: string }, now = new Date()): Promise<LogoPlacement[]> {
  const sponsorships = await enabledSponsorships(payload, query.year, now)
  const sponsors = await byId<Sponsor>(payload, 'sponsors', sponsorships.map((row) => idOf(row.sponsor)).filter((id): id is number => id !== null))
  const levels = await byId<SponsorshipPackage>(payload, 'sponsorship-packages', sponsorships.map((row) => idOf(row.package)).filter((id): id is number => id !== null))
  const logoIds = [...sponsors.values()].flatMap((sponsor) => [idOf(sponsor.webLogo), idOf(sponsor.whiteLogo)]).filter((id): id is number => id !== null)
  const media = await byId<Media>(payload, 'media', logoIds)
  const publishedLogo = (value: unknown): string | null => {
    const image = media.get(idOf(value) ?? -1)
    return image?.usedInPublishedContent === true ? absolute(image.url, urls.serverUrl) : null
  }

  const entries: LogoPlacement[] = []
  for (const sponsorship of sponsorships) {
    const sponsor = sponsors.get(idOf(sponsorship.sponsor) ?? -1)
    const logo = sponsor ? publishedLogo(sponsor.webLogo) : null
    if (!sponsor || logo === null) continue
    const level = levels.get(idOf(sponsorship.package) ?? -1)
    const levelName = level?.name ?? 'Custom'
    const slug = sponsor.slug ?? String(sponsor.id)
    const placed = new Set<string>()
    for (const benefit of sponsorship.benefits ?? []) {
      for (const placement of benefit.logoPlacements ?? []) {
        if (query.publisher !== null && placement.publisher !== query.publisher) continue
        if (query.flight !== null && placement.flight !== query.flight) continue
        const key = `${placement.publisher} ${placement.flight}`
        if (placed.has(key) || entries.length >= MAX_ENTRIES) continue
        placed.add(key)
        entries.push({
          publisher: placement.publisher,
          flight: placement.flight,
          sponsor: sponsor.name,
          sponsor_id: String(sponsor.id),
          sponsor_slug: slug,
          level_name: levelName,
          level_order: level?.order ?? 0,
          description: placement.describeAsSponsor === true ? `${sponsor.name} is a ${levelName} sponsor of the Python Software Foundation.` : (sponsor.description ?? ''),
          logo,
          white_logo: publishedLogo(sponsor.whiteLogo),
          sponsor_url: placement.linkToSponsorsPage === true ? `${urls.siteUrl}/psf/sponsors/#${slug}` : (sponsor.landingPageUrl || null),
          start_date: day(sponsorship.startDate),
          end_date: day(sponsorship.endDate),
          contacts: [],
        })
      }
    }
  }
  return entries.sort((a, b) => a.level_order - b.level_order || a.sponsor.localeCompare(b.sponsor) || a.publisher.localeCompare(b.publisher) || a.flight.localeCompare(b.flight))
}
