import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { accountOf } from '../../Accounts/accountAccess'
import { nominationWindowOf, windowClosedMessage } from '../../Elections/electionWindow'
import { findOrCreateNominee } from '../../Nominees/findOrCreateNominee'
import { ACKNOWLEDGEMENTS, mayChangeNomination, NOMINATION_CONTENT_FIELDS, type NominationActor, type NominationChange, type NominationFacts } from '../workflow'
import { nominationActorsOf } from './nominationActors'

function idOf(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number') return (value as { id: number }).id
  return null
}

const refuse = (message: string, status = 403): never => {
  throw new APIError(message, status, undefined, true)
}

const REFUSALS: Readonly<Record<NominationChange, string>> = {
  create: 'Only PSF members may nominate, while nominations are open.',
  editContent: 'Only the nominator edits a nomination, while nominations are open and before it is accepted or approved.',
  accept: 'Only the nominee accepts a nomination, while nominations are open.',
  decline: 'Only the nominee declines a nomination, while nominations are open.',
  approve: 'Only PSF staff approve a nomination, and only once its nominee has accepted it.',
  unapprove: 'Only PSF staff withdraw an approval.',
  linkNominee: 'Only PSF staff, or the nominee through their invitation link, say who the nominee is.',
}

/** The account a Nominee belongs to (for `nomineeAccount`), or null. */
async function accountOfNominee(req: PayloadRequest, nomineeId: number | null): Promise<number | null> {
  if (nomineeId === null) return null
  const nominee = await req.payload.findByID({ collection: 'nominees', id: nomineeId, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (nominee === null) refuse('That nominee does not exist.', 400)
  return nominee?.account ?? null
}

const changed = (data: Record<string, unknown>, original: Record<string, unknown>, field: string): boolean =>
  field in data && (data[field] ?? null) !== (original[field] ?? null) && !(data[field] === false && original[field] == null)

/**
 * The nomination rules of workflow.ts on every write path (REST, GraphQL, the admin, the Local
 * API, the site's forms): each change a save makes must be allowed to one of the request's
 * actors, or the save is refused (403; 409 when the nomination window is the reason; 400 for bad
 * input) and nothing is stored. Also:
 * - a member's new nomination is theirs (`nominator`), starts unaccepted and unapproved, and,
 *   when it names the member's own address, is a self-nomination: linked to the member's
 *   Nominee and accepted at once, and it must acknowledge the code of conduct (python.org);
 * - acknowledgements are kept on self-nominations only (python.org forces them false otherwise);
 * - `nomineeAccount` always follows `nominee`.
 */
export const enforceNominationRules: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  const original = (operation === 'update' ? originalDoc : undefined) as Record<string, unknown> | undefined
  const electionId = idOf(data.election ?? original?.election)
  const election = electionId === null ? null : await req.payload.findByID({ collection: 'elections', id: electionId, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (election === null || electionId === null) return refuse('Choose the election this nomination is for.', 400)
  const window = nominationWindowOf(election)
  const actors = await nominationActorsOf(req, original as never, context)
  const isAny = (...names: NominationActor[]) => actors.some((actor) => names.includes(actor))

  if (original === undefined) {
    const account = accountOf(req)
    if (account !== null) {
      if (!isAny('member')) refuse('Only PSF members may nominate: become a member at /users/membership/ first.')
      if (window !== 'open') refuse(windowClosedMessage(election.name, window), 409)
      data.nominator = account.id
      data.accepted = false
      data.approved = false
      data.nominee = null
      const stored = await req.payload.findByID({ collection: 'accounts', id: account.id, depth: 0, overrideAccess: true, disableErrors: true, req })
      const selfNomination = typeof data.email === 'string' && typeof stored?.email === 'string' && data.email.trim().toLowerCase() === stored.email.toLowerCase()
      if (selfNomination) {
        if (data.codeOfConductAcknowledged !== true) refuse('A self-nomination must acknowledge the PSF Code of Conduct.', 400)
        data.nominee = (await findOrCreateNominee(req, electionId, account.id)).id
        data.accepted = true
      } else {
        for (const field of ACKNOWLEDGEMENTS) data[field] = false
      }
    } else {
      if (!isAny('psf-staff', 'system')) refuse(REFUSALS.create)
      // Only the nominee accepts: staff enter nominations unaccepted (the seed, as `system`, may not).
      if (isAny('psf-staff') && data.accepted === true) refuse(REFUSALS.accept)
      if (data.approved === true && !(data.accepted === true && idOf(data.nominee) !== null)) refuse(REFUSALS.approve)
    }
    data.nomineeAccount = await accountOfNominee(req, idOf(data.nominee))
    return data
  }

  const before: NominationFacts = {
    windowOpen: window === 'open',
    accepted: original.accepted === true,
    approved: original.approved === true,
    hasNominee: idOf(original.nominee) !== null,
  }
  const requested: NominationChange[] = []
  if (NOMINATION_CONTENT_FIELDS.some((field) => changed(data, original, field))) requested.push('editContent')
  if ((changed(data, original, 'election') || changed(data, original, 'nominator')) && !isAny('psf-staff', 'system')) refuse('Only PSF staff move a nomination to another election or nominator.')
  const nomineeId = 'nominee' in data ? idOf(data.nominee) : idOf(original.nominee)
  if (nomineeId !== idOf(original.nominee)) requested.push('linkNominee')
  const accepted = 'accepted' in data ? data.accepted === true : before.accepted
  if (accepted !== before.accepted) requested.push(accepted ? 'accept' : 'decline')
  const approved = 'approved' in data ? data.approved === true : before.approved
  if (approved !== before.approved) requested.push(approved ? 'approve' : 'unapprove')
  const after: NominationFacts = { ...before, accepted, approved, hasNominee: nomineeId !== null }

  for (const change of requested) {
    const facts = change === 'approve' ? after : before
    if (mayChangeNomination(change, actors, facts)) continue
    const windowIsTheReason = before.windowOpen === false && mayChangeNomination(change, actors, { ...facts, windowOpen: true })
    refuse(windowIsTheReason ? windowClosedMessage(election.name, window) : REFUSALS[change], windowIsTheReason ? 409 : 403)
  }
  if (requested.includes('linkNominee')) {
    const nomineeAccount = await accountOfNominee(req, nomineeId)
    // The nominee links a nomination to themselves only.
    if (!isAny('psf-staff', 'system') && nomineeAccount !== accountOf(req)?.id) refuse(REFUSALS.linkNominee)
    data.nomineeAccount = nomineeAccount
  }
  const selfNomination = original.nominator != null && original.nominator === (data.nomineeAccount ?? original.nomineeAccount)
  if (!selfNomination && !isAny('psf-staff', 'system')) for (const field of ACKNOWLEDGEMENTS) if (field in data) data[field] = false
  return data
}
