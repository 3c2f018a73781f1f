import type { CollectionAfterChangeHook } from 'payload'

import { queueMail } from '../../../cms/mail/queueMail'
import { queueMailToStaff } from '../../../cms/mail/queueMailToStaff'
import type { MailTemplate } from '../../../cms/mail/renderMail'
import { schemaSettingsOf } from '../../settings/schemaSettings'
import type { SponsorshipStatus } from '../workflow'
import { publishSponsorLogos } from './publishSponsorLogos'
import { sponsorshipMailFacts } from './sponsorshipMailFacts'

/** What the sponsor's contacts get on entering each state. */
const SPONSOR_TEMPLATE: Readonly<Record<SponsorshipStatus, MailTemplate>> = {
  applied: 'sponsorshipApplied',
  approved: 'sponsorshipApproved',
  rejected: 'sponsorshipRejected',
  finalized: 'sponsorshipFinalized',
}

/**
 * A sponsorship's messages on a change of state, queued in the change's own transaction (sent
 * after it commits, never when it rolls back): the sponsor's contacts and the sponsorship staff
 * hear of every move (python.org wrote placeholders to sponsors on rejection, and nothing on
 * approval; here each state has a real message). A new application tells the staff with
 * `sponsorshipReceived`. Finalizing also makes the sponsor's logos public. Saves that leave the
 * state alone send nothing.
 */
export const notifySponsorshipStatusChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  const from = operation === 'create' ? null : (previousDoc?.status as string | undefined)
  if (doc.status === from) return doc
  const status = doc.status as SponsorshipStatus
  if (status === 'finalized' && typeof doc.sponsor === 'number') await publishSponsorLogos(req, doc.sponsor)
  if (status === 'finalized' && typeof doc.sponsor === 'object' && doc.sponsor !== null) await publishSponsorLogos(req, doc.sponsor.id)
  if (context.skipSponsorshipMail === true) return doc
  const facts = await sponsorshipMailFacts(req, doc, schemaSettingsOf(req).siteUrl)
  // Back to applied after a decision is a reopening, not a new application.
  const template: MailTemplate = status === 'applied' && operation !== 'create' ? 'sponsorshipReopened' : SPONSOR_TEMPLATE[status]
  for (const to of facts.recipients) await queueMail(req, { template, to, values: facts.values })
  await queueMailToStaff(req, ['sponsors-manager'], { template: operation === 'create' ? 'sponsorshipReceived' : 'sponsorshipMoved', values: facts.values })
  return doc
}
