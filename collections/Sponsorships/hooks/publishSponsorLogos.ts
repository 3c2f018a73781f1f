import type { PayloadRequest } from 'payload'
import { relationNumberId } from '../../fields/relationNumberId'

/**
 * Makes a sponsor's web and white logos public (the media collection's `usedInPublishedContent`
 * flag, which is what lets visitors load an image) once the sponsor has a finalized sponsorship:
 * from then on python.org shows them, and the logo placement API links them. Never cleared, as
 * for every published image (collections/Media/hooks/markMediaPublished).
 */
export async function publishSponsorLogos(req: PayloadRequest, sponsorId: number): Promise<void> {
  const sponsor = await req.payload.findByID({ collection: 'sponsors', id: sponsorId, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (sponsor === null) return
  const ids = [relationNumberId(sponsor.webLogo), relationNumberId(sponsor.whiteLogo)].filter((id): id is number => id !== null)
  for (const id of ids) {
    await req.payload.update({ collection: 'media', id, data: { usedInPublishedContent: true }, overrideAccess: true, depth: 0, req })
  }
}
