import type { PayloadRequest } from 'payload'

import type { Sponsorship } from '../../generated/payload-types'
import { relationNumberId } from '../../fields/relationNumberId'

/** A sponsor has at most five contacts; with the submitter, at most six inboxes. */
const MAX_RECIPIENTS = 6

function day(value: string | null | undefined): string {
  return typeof value === 'string' && value !== '' ? value.slice(0, 10) : 'to be determined'
}

/**
 * What every sponsorship message may say, and who among the sponsor gets it: its contacts and
 * the account that submitted it, each address once whatever its case (python.org's "verified
 * emails", de-duplicated case-insensitively). Links are absolute: the dashboard from SITE_URL,
 * the admin from the CMS's serverURL.
 */
export async function sponsorshipMailFacts(req: PayloadRequest, sponsorship: Sponsorship, siteUrl: string): Promise<{ recipients: string[]; values: Record<string, string> }> {
  const sponsorId = relationNumberId(sponsorship.sponsor)
  const packageId = relationNumberId(sponsorship.package)
  const sponsor = sponsorId === null ? null : await req.payload.findByID({ collection: 'sponsors', id: sponsorId, depth: 0, overrideAccess: true, disableErrors: true, req })
  const level = packageId === null ? null : await req.payload.findByID({ collection: 'sponsorship-packages', id: packageId, depth: 0, overrideAccess: true, disableErrors: true, req })
  const submitter = sponsorship.submittedBy == null ? null : await req.payload.findByID({ collection: 'accounts', id: sponsorship.submittedBy, depth: 0, overrideAccess: true, disableErrors: true, req })
  const addresses = [submitter?.email, ...(sponsor?.contacts ?? []).map((contact) => contact.email)]
  const seen = new Set<string>()
  const recipients: string[] = []
  for (const address of addresses) {
    if (typeof address !== 'string' || address === '' || seen.has(address.toLowerCase())) continue
    seen.add(address.toLowerCase())
    recipients.push(address)
    if (recipients.length >= MAX_RECIPIENTS) break
  }
  const history = sponsorship.statusHistory ?? []
  const last = history[history.length - 1]
  return {
    recipients,
    values: {
      sponsor: sponsor?.name ?? 'A sponsor',
      level: level?.name ?? 'Custom Package',
      year: sponsorship.year == null ? '' : String(sponsorship.year),
      status: sponsorship.status,
      from: last?.from ?? 'new',
      by: last?.userName ?? 'system',
      fee: sponsorship.sponsorshipFee == null ? 'To be determined' : `USD ${sponsorship.sponsorshipFee.toLocaleString('en-US')}`,
      startDate: day(sponsorship.startDate),
      endDate: day(sponsorship.endDate),
      benefits: (sponsorship.benefits ?? []).map((benefit) => `- ${benefit.programName ? `${benefit.programName}: ` : ''}${benefit.name ?? ''}`).join('\n') || '- (none)',
      dashboardUrl: `${siteUrl}/users/sponsorships/${sponsorship.id}/`,
      adminUrl: `${req.payload.config.serverURL}/admin/collections/sponsorships/${sponsorship.id}`,
    },
  }
}
