import type { Endpoint, PayloadRequest } from 'payload'

import type { Media, Sponsor, SponsorshipAsset } from '../../../collections/generated/payload-types'
import { enabledSponsorships } from './findLogoPlacements'

/** The path under /api, matched with or without python.org's trailing slash (as the logo placement API). */
export const SPONSORSHIP_ASSETS_PATH = '/v2/sponsors/sponsorship-assets'
/** python.org's FilterAssetsSerializer: internal_name is at most 128 characters. */
export const INTERNAL_NAME_MAX = 128
const MAX_ASSETS = 5000
const TRUE = ['true', '1', 'yes', 'on', 'True']
const FALSE = ['false', '0', 'no', 'off', 'False', '']

/** One entry: python.org's AssetSerializer shape (`uuid` is the asset's id, as a string). */
export type SponsorshipAssetEntry = { internal_name: string; uuid: string; value: string; content_type: 'Sponsorship'; sponsor: string; sponsor_slug: string }

export type AssetQuery = { internalName: string; listEmpty: boolean }

/** `internal_name` (required, at most 128 characters, given once) and `list_empty` (a boolean), or python.org's field errors. */
export function parseAssetParams(params: URLSearchParams): { ok: true; query: AssetQuery } | { ok: false; fieldErrors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {}
  const names = params.getAll('internal_name')
  let internalName = ''
  if (names.length === 0 || names[0] === '') errors.internal_name = ['This field is required.']
  else if (names.length > 1) errors.internal_name = ['Give "internal_name" once.']
  else if (names[0]!.length > INTERNAL_NAME_MAX) errors.internal_name = [`Ensure this field has no more than ${INTERNAL_NAME_MAX} characters.`]
  else internalName = names[0]!
  const empties = params.getAll('list_empty')
  let listEmpty = false
  if (empties.length > 1) errors.list_empty = ['Give "list_empty" once.']
  else if (empties.length === 1 && TRUE.includes(empties[0]!)) listEmpty = true
  else if (empties.length === 1 && !FALSE.includes(empties[0]!)) errors.list_empty = ['Must be a valid boolean.']
  return Object.keys(errors).length > 0 ? { ok: false, fieldErrors: errors } : { ok: true, query: { internalName, listEmpty } }
}

function idOf(value: unknown): number | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  return typeof id === 'number' && Number.isInteger(id) ? id : null
}

/**
 * The value others may show: the text, the link, or an image's URL once it is public (images of
 * finalized sponsorships are published: see syncSponsorshipAssets and the dashboard's fill).
 */
function publicValue(asset: SponsorshipAsset, media: Map<number, Media>, serverUrl: string): string {
  if (asset.kind === 'text') return asset.textValue ?? ''
  if (asset.kind === 'link') return asset.urlValue ?? ''
  const image = media.get(idOf(asset.image) ?? -1)
  if (!image || image.usedInPublishedContent !== true || typeof image.url !== 'string') return ''
  return image.url.startsWith('/') ? `${serverUrl}${image.url}` : image.url
}

export async function findSponsorshipAssets(req: PayloadRequest, query: AssetQuery, now: Date = new Date()): Promise<SponsorshipAssetEntry[]> {
  const sponsorships = await enabledSponsorships(req.payload, null, now)
  if (sponsorships.length === 0) return []
  const sponsorOf = new Map(sponsorships.map((sponsorship) => [sponsorship.id, idOf(sponsorship.sponsor)]))
  const assets = await req.payload.find({
    collection: 'sponsorship-assets',
    where: { and: [{ internalName: { equals: query.internalName } }, { sponsorship: { in: sponsorships.map((sponsorship) => sponsorship.id) } }] },
    sort: 'id',
    limit: MAX_ASSETS,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const sponsorIds = [...new Set([...sponsorOf.values()].filter((id): id is number => id !== null))]
  const mediaIds = assets.docs.map((asset) => idOf(asset.image)).filter((id): id is number => id !== null)
  const [sponsors, media] = await Promise.all([
    req.payload.find({ collection: 'sponsors', where: { id: { in: sponsorIds } }, pagination: false, depth: 0, overrideAccess: true, req }),
    mediaIds.length === 0 ? Promise.resolve({ docs: [] as Media[] }) : req.payload.find({ collection: 'media', where: { id: { in: mediaIds } }, pagination: false, depth: 0, overrideAccess: true, req }),
  ])
  const sponsorById = new Map<number, Sponsor>(sponsors.docs.map((sponsor) => [sponsor.id, sponsor]))
  const mediaById = new Map<number, Media>(media.docs.map((doc) => [doc.id, doc]))
  const entries: SponsorshipAssetEntry[] = []
  for (const asset of assets.docs) {
    const sponsor = sponsorById.get(sponsorOf.get(idOf(asset.sponsorship) ?? -1) ?? -1)
    if (!sponsor) continue
    const value = publicValue(asset, mediaById, req.payload.config.serverURL)
    if (value === '' && !query.listEmpty) continue
    entries.push({ internal_name: asset.internalName, uuid: String(asset.id), value, content_type: 'Sponsorship', sponsor: sponsor.name, sponsor_slug: sponsor.slug ?? '' })
  }
  return entries
}

/**
 * `GET /api/v2/sponsors/sponsorship-assets/?internal_name=<name>[&list_empty=true]`: python.org's
 * sponsorship assets API for the PSF's other sites: the values of one required asset across the
 * sponsorships running today (finalized, started, not ended), empty ones only with `list_empty`.
 * Public, unlike python.org's (token only): it gives only what those sites publish (texts, links
 * and public images of current sponsors), never an applicant's or a rejected sponsorship's.
 */
export const sponsorshipAssetsEndpoint: Endpoint = {
  path: SPONSORSHIP_ASSETS_PATH,
  method: 'get',
  handler: async (req) => {
    const headers = { 'Cache-Control': 'no-store' }
    const parsed = parseAssetParams(req.searchParams)
    if (!parsed.ok) {
      const errors = Object.entries(parsed.fieldErrors).map(([field, messages]) => ({ message: `${field}: ${messages.join(' ')}`, field }))
      return Response.json({ ...parsed.fieldErrors, errors }, { status: 400, headers })
    }
    return Response.json(await findSponsorshipAssets(req, parsed.query), { headers })
  },
}
