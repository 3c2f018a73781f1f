import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { queueMail } from '../../../cms/mail/queueMail'
import { queueMailToStaff } from '../../../cms/mail/queueMailToStaff'
import type { Nomination } from '../../generated/payload-types'
import { nomineeNameOf } from '../../Nominees/findOrCreateNominee'
import { schemaSettingsOf } from '../../settings/schemaSettings'
import { invitationOf } from './nominationActors'

function idOf(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number') return (value as { id: number }).id
  return null
}

async function accountFacts(req: PayloadRequest, accountId: number | null | undefined): Promise<{ email: string | null; name: string }> {
  if (accountId == null) return { email: null, name: 'PSF staff' }
  const account = await req.payload.findByID({ collection: 'accounts', id: accountId, depth: 0, overrideAccess: true, disableErrors: true, req })
  return { email: typeof account?.email === 'string' && account.email !== '' ? account.email : null, name: nomineeNameOf(account ?? {}) }
}

/**
 * The nominations' messages (python.org sent none; the issue asks for them), queued in the
 * change's transaction so they go out only if it commits:
 * - to the address a new nomination names (unless it is a self-nomination): who nominated them,
 *   and the one-use link to accept or decline on the site (minted by the mail job);
 * - to the nominator, when the nominee accepts or declines;
 * - to PSF staff, when a nomination is accepted and waits for their approval.
 */
export const notifyNomination: CollectionAfterChangeHook<Nomination> = async ({ doc, previousDoc, operation, req, context }) => {
  if (context.skipNominationMail === true || context.invitationTokenOnly === true) return doc
  const electionId = idOf(doc.election)
  const election = electionId === null ? null : await req.payload.findByID({ collection: 'elections', id: electionId, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (election === null) return doc
  const siteUrl = schemaSettingsOf(req).siteUrl.replace(/\/+$/, '')
  const nominator = await accountFacts(req, doc.nominator)
  const values = {
    electionName: election.name,
    nomineeName: doc.name,
    nominatorName: nominator.name,
    closesAt: election.nominationsCloseAt ? `${election.nominationsCloseAt.slice(0, 16).replace('T', ' ')} UTC` : 'the end of the nomination period',
    historyUrl: `${siteUrl}/users/nominations/`,
    electionUrl: `${siteUrl}/nominations/election/${election.slug ?? ''}/`,
    reviewUrl: `${req.payload.config.serverURL}/admin/collections/nominations/${doc.id}`,
  }
  const wasAccepted = operation === 'update' && previousDoc?.accepted === true
  if (operation === 'create' && doc.nominee == null && doc.email) {
    await queueMail(req, { template: 'nominationReceived', to: doc.email, values, link: { nominationId: doc.id, placeholder: 'respondUrl' } })
  }
  // An answer through the invitation link is news to the nominator even when it leaves the flag
  // as it was (a decline of a nomination nobody had accepted yet).
  const answered = operation === 'update' && (doc.accepted !== wasAccepted || invitationOf(context) !== null)
  if (answered && nominator.email !== null && doc.nominator !== doc.nomineeAccount) {
    await queueMail(req, { template: 'nominationAnswered', to: nominator.email, values: { ...values, answer: doc.accepted ? 'accepted' : 'declined' } })
  }
  if (doc.accepted === true && !wasAccepted && doc.approved !== true) {
    await queueMailToStaff(req, ['psf-staff'], { template: 'nominationAwaitsApproval', values })
  }
  return doc
}
