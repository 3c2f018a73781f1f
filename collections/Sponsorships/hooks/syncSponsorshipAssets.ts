import type { CollectionAfterChangeHook } from 'payload'

import type { Sponsorship } from '../../generated/payload-types'

/** 100 benefits of at most 20 assets each (the arrays' maxRows). */
const MAX_ASSETS = 2000

/**
 * Once a sponsorship is approved or finalized, every required asset of its benefits as sold
 * (the snapshot) gets its row in `sponsorship-assets`, once per internal name (python.org keys
 * a sponsorship's assets by it): saving again creates only what is new, and never removes a
 * filled asset. Finalizing publishes the images already supplied. Runs in the change's transaction.
 */
export const syncSponsorshipAssets: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (doc.status !== 'approved' && doc.status !== 'finalized') return doc
  const sponsorship = doc as Sponsorship
  const wanted = new Map<string, Record<string, unknown>>()
  for (const benefit of sponsorship.benefits ?? []) {
    for (const asset of benefit.requiredAssets ?? []) {
      if (wanted.has(asset.internalName) || wanted.size >= MAX_ASSETS) continue
      wanted.set(asset.internalName, { kind: asset.kind, internalName: asset.internalName, dueDate: asset.dueDate ?? null, label: asset.label, helpText: asset.helpText ?? '', benefitName: benefit.name ?? '' })
    }
  }
  const existing = await req.payload.find({ collection: 'sponsorship-assets', where: { sponsorship: { equals: sponsorship.id } }, limit: MAX_ASSETS, depth: 0, overrideAccess: true, pagination: false, req })
  for (const asset of existing.docs) wanted.delete(asset.internalName)
  // A finalized sponsorship's images are for the PSF's sites to show (the sponsorship assets API).
  if (sponsorship.status === 'finalized') {
    const images = existing.docs.map((asset) => (typeof asset.image === 'object' && asset.image !== null ? asset.image.id : asset.image)).filter((id): id is number => typeof id === 'number')
    for (const id of images) await req.payload.update({ collection: 'media', id, data: { usedInPublishedContent: true }, overrideAccess: true, depth: 0, req })
  }
  for (const data of wanted.values()) {
    await req.payload.create({ collection: 'sponsorship-assets', data: { ...data, sponsorship: sponsorship.id } as never, overrideAccess: true, depth: 0, req })
  }
  return doc
}
