import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { currentAccount, inTransaction } from '../../Accounts/accountStore'
import { failed, readBody, succeeded } from '../../Accounts/endpoints/accountResponses'
import type { Sponsorship, SponsorshipAsset } from '../../generated/payload-types'
import { ASSET_TEXT_MAX, ASSET_URL_MAX } from '../../SponsorshipAssets/index'
import { validateOptionalHttpUrl } from '../../fields/validateOptionalHttpUrl'
import { sponsorshipsOfAccount } from '../access/sponsorshipAccess'
import { publishSponsorLogos } from '../hooks/publishSponsorLogos'
import { assetValueBody } from './sponsorshipBodies'
import { relationNumberId } from '../../fields/relationNumberId'

const SIGN_IN = 'Please sign in.'
const NOT_FOUND = 'There is no such sponsorship among yours.'
/** An account sees a handful of sponsorships (one per sponsor and year). */
const MAX_LISTED = 100
const MAX_ASSETS = 2000
/** Images a sponsor uploads: bounded, raster only (an SVG can carry script). */
export const ASSET_IMAGE_MAX_BYTES = 5 * 1024 * 1024
const IMAGE_SIGNATURES: readonly { mimetype: string; test: (data: Buffer) => boolean }[] = [
  { mimetype: 'image/png', test: (data) => data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mimetype: 'image/jpeg', test: (data) => data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff },
  { mimetype: 'image/gif', test: (data) => data.subarray(0, 4).toString('latin1') === 'GIF8' },
  { mimetype: 'image/webp', test: (data) => data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP' },
]
/** The internal name of the asset that is the sponsor's logo (python.org's Sponsor.web_logo): filling it sets the sponsor's web logo. */
export const WEB_LOGO_ASSET = 'web_logo'

function routeId(req: PayloadRequest, name: string): number | null {
  const raw = req.routeParams?.[name]
  return typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null
}

function day(value: string | null | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value.slice(0, 10) : null
}

async function ownSponsorship(req: PayloadRequest, accountId: number, id: number): Promise<Sponsorship | null> {
  const found = await req.payload.find({ collection: 'sponsorships', where: { and: [{ id: { equals: id } }, sponsorshipsOfAccount(accountId)] }, limit: 1, depth: 1, overrideAccess: true, req })
  return found.docs[0] ?? null
}

function nameOf(value: unknown): string {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' ? (value as { name: string }).name : ''
}

function filenameOf(value: unknown): string | null {
  return typeof value === 'object' && value !== null && typeof (value as { filename?: unknown }).filename === 'string' ? (value as { filename: string }).filename : null
}

function summaryView(sponsorship: Sponsorship): Record<string, unknown> {
  return {
    id: sponsorship.id,
    status: sponsorship.status,
    year: sponsorship.year,
    sponsorName: nameOf(sponsorship.sponsor),
    packageName: nameOf(sponsorship.package) || 'Custom',
    appliedOn: day(sponsorship.appliedOn),
  }
}

function assetView(asset: SponsorshipAsset): Record<string, unknown> {
  const filled = asset.kind === 'text' ? (asset.textValue ?? '') !== '' : asset.kind === 'link' ? (asset.urlValue ?? '') !== '' : relationNumberId(asset.image) !== null
  return {
    id: asset.id,
    kind: asset.kind,
    internalName: asset.internalName,
    label: asset.label,
    helpText: asset.helpText ?? '',
    benefitName: asset.benefitName ?? '',
    dueDate: day(asset.dueDate),
    textValue: asset.textValue ?? '',
    urlValue: asset.urlValue ?? '',
    imageFilename: filenameOf(asset.image),
    filled,
    submittedAt: asset.submittedAt ?? null,
  }
}

/** `GET /api/sponsorships/mine` -> `{ sponsorships: [...] }`: the account's sponsorships (not rejected ones), newest first. */
export const mySponsorshipsEndpoint: Endpoint = {
  path: '/mine',
  method: 'get',
  handler: async (req) => {
    const signedIn = await currentAccount(req)
    if (signedIn === null) return failed(401, SIGN_IN)
    const found = await req.payload.find({ collection: 'sponsorships', where: sponsorshipsOfAccount(signedIn.account.id), sort: '-createdAt', limit: MAX_LISTED, depth: 1, overrideAccess: true, req })
    return succeeded('', { sponsorships: found.docs.map(summaryView) })
  },
}

/**
 * `GET /api/sponsorships/mine/:id` -> `{ sponsorship }`: one of the account's sponsorships as its
 * dashboard shows it: status, terms, benefits (without the PSF's internal values), the contract's
 * file names (downloaded from /api/sponsor-contracts/file/<name>, which checks the same rule) and
 * the required assets. 404 for anything the account does not see.
 */
export const mySponsorshipEndpoint: Endpoint = {
  path: '/mine/:id',
  method: 'get',
  handler: async (req) => {
    const signedIn = await currentAccount(req)
    if (signedIn === null) return failed(401, SIGN_IN)
    const id = routeId(req, 'id')
    const sponsorship = id === null ? null : await ownSponsorship(req, signedIn.account.id, id)
    if (sponsorship === null) return failed(404, NOT_FOUND)
    const assets = await req.payload.find({ collection: 'sponsorship-assets', where: { sponsorship: { equals: sponsorship.id } }, sort: 'dueDate', limit: MAX_ASSETS, depth: 1, overrideAccess: true, pagination: false, req })
    return succeeded('', {
      sponsorship: {
        ...summaryView(sponsorship),
        startDate: day(sponsorship.startDate),
        endDate: day(sponsorship.endDate),
        sponsorshipFee: sponsorship.sponsorshipFee ?? null,
        benefits: (sponsorship.benefits ?? []).map((benefit) => ({ name: benefit.name ?? '', programName: benefit.programName ?? '', description: benefit.description ?? '' })),
        contract: filenameOf(sponsorship.contract),
        signedContract: filenameOf(sponsorship.signedContract),
        assets: assets.docs.map(assetView),
      },
    })
  },
}

type Fill = { data: Record<string, unknown> } | { problem: string }

/** The value posted for an asset of `kind`: a JSON `{ value }` for text and links, a multipart `file` for images. */
async function readFill(req: PayloadRequest, asset: SponsorshipAsset, sponsorName: string): Promise<Fill> {
  if (asset.kind === 'image') {
    const type = req.headers.get('content-type') ?? ''
    if (!type.startsWith('multipart/form-data')) return { problem: 'Upload the image as a file (multipart/form-data, field "file").' }
    await addDataAndFileToRequest(req)
    const file = req.file
    if (!file || !Buffer.isBuffer(file.data) || file.data.length === 0) return { problem: 'Choose an image file to upload.' }
    if (file.data.length > ASSET_IMAGE_MAX_BYTES) return { problem: `The image is larger than the ${ASSET_IMAGE_MAX_BYTES} bytes allowed.` }
    const kind = IMAGE_SIGNATURES.find((signature) => signature.test(file.data))
    if (!kind) return { problem: 'Upload a PNG, JPEG, GIF or WebP image.' }
    const safeName = `${asset.internalName}-${asset.id}.${kind.mimetype.slice('image/'.length)}`
    const media = await req.payload.create({
      collection: 'media',
      data: { alt: `${sponsorName} - ${asset.label}`.slice(0, 200) } as never,
      file: { data: file.data, mimetype: kind.mimetype, name: safeName, size: file.data.length },
      overrideAccess: true,
      depth: 0,
      req,
    })
    return { data: { image: media.id } }
  }
  const body = await readBody(req, assetValueBody)
  if (body === null) return { problem: 'The request body must be a JSON object.' }
  const { value } = body
  if (value === '') return { problem: asset.kind === 'link' ? 'Enter the link (http or https).' : 'Enter the text.' }
  if (asset.kind === 'text') return value.length > ASSET_TEXT_MAX ? { problem: `Use at most ${ASSET_TEXT_MAX} characters.` } : { data: { textValue: value } }
  const urlProblem = value.length > ASSET_URL_MAX ? `Use at most ${ASSET_URL_MAX} characters.` : validateOptionalHttpUrl(value)
  return urlProblem === true ? { data: { urlValue: value } } : { problem: urlProblem }
}

/**
 * `POST /api/sponsorships/mine/:id/assets/:assetId`: a contact fills one required asset of its
 * sponsorship: `{ value }` (JSON) for text and links, a multipart `file` (PNG, JPEG, GIF or WebP,
 * at most 5 MB) for images, stored in media (private until the sponsor's sponsorship is final).
 * The sponsor's `web_logo` asset is also its web logo (python.org's Sponsor.web_logo), shown on
 * /psf/sponsors/ and in the logo placement API once the sponsorship is finalized. A 4xx changes nothing.
 */
export const fillAssetEndpoint: Endpoint = {
  path: '/mine/:id/assets/:assetId',
  method: 'post',
  handler: async (req) => {
    const signedIn = await currentAccount(req)
    if (signedIn === null) return failed(401, SIGN_IN)
    const id = routeId(req, 'id')
    const assetId = routeId(req, 'assetId')
    const sponsorship = id === null ? null : await ownSponsorship(req, signedIn.account.id, id)
    if (sponsorship === null) return failed(404, NOT_FOUND)
    const asset = assetId === null ? null : (await req.payload.find({ collection: 'sponsorship-assets', where: { and: [{ id: { equals: assetId } }, { sponsorship: { equals: sponsorship.id } }] }, limit: 1, depth: 0, overrideAccess: true, req })).docs[0]
    if (!asset) return failed(404, 'There is no such asset for this sponsorship.')
    const sponsorId = relationNumberId(sponsorship.sponsor)
    const saved = await inTransaction(req, async () => {
      const fill = await readFill(req, asset, nameOf(sponsorship.sponsor))
      if ('problem' in fill) return fill
      const updated = await req.payload.update({
        collection: 'sponsorship-assets',
        id: asset.id,
        data: { ...fill.data, submittedAt: new Date().toISOString(), submittedByAccount: signedIn.account.id } as never,
        overrideAccess: true,
        depth: 1,
        req,
      })
      // A finalized sponsorship's images are public at once (the sponsorship assets API shows them).
      const imageId = relationNumberId(updated.image)
      if (asset.kind === 'image' && sponsorship.status === 'finalized' && imageId !== null) {
        await req.payload.update({ collection: 'media', id: imageId, data: { usedInPublishedContent: true }, overrideAccess: true, depth: 0, req })
      }
      if (asset.kind === 'image' && asset.internalName === WEB_LOGO_ASSET && sponsorId !== null) {
        await req.payload.update({ collection: 'sponsors', id: sponsorId, data: { webLogo: relationNumberId(updated.image) }, overrideAccess: true, depth: 0, req })
        if (sponsorship.status === 'finalized') await publishSponsorLogos(req, sponsorId)
      }
      return { asset: updated }
    })
    if ('problem' in saved) return failed(400, saved.problem, { value: saved.problem })
    return succeeded('Thank you: the asset is saved.', { asset: assetView(saved.asset) })
  },
}

export const dashboardEndpoints: Endpoint[] = [mySponsorshipsEndpoint, mySponsorshipEndpoint, fillAssetEndpoint]
