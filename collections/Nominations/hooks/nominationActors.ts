import type { PayloadRequest, RequestContext } from 'payload'

import { hasRole, type RoleHolder } from '../../access/roles'
import { accountOf } from '../../Accounts/accountAccess'
import { findMembershipOf } from '../../Memberships/findMembershipOf'
import type { NominationActor } from '../workflow'

/** What the invitation endpoint puts in the request's context (server code only: no client can set it). */
export interface InvitationContext {
  readonly nominationId: number
  readonly accountId: number
}

export function invitationOf(context: RequestContext): InvitationContext | null {
  const value = context.nominationInvitation as Partial<InvitationContext> | undefined
  return typeof value?.nominationId === 'number' && typeof value.accountId === 'number' ? { nominationId: value.nominationId, accountId: value.accountId } : null
}

/**
 * Who the request is in the workflow's terms (an account can be nominator and nominee at once:
 * a self-nomination). Staff without the psf-staff role are nobody here (the collection's access
 * refuses them first); an account that is neither party is nobody.
 */
export async function nominationActorsOf(req: PayloadRequest, original: { id?: unknown; nominator?: unknown; nomineeAccount?: unknown } | undefined, context: RequestContext): Promise<NominationActor[]> {
  if (!req.user) return ['system']
  const account = accountOf(req)
  if (account === null) return hasRole(req.user as RoleHolder, 'psf-staff') ? ['psf-staff'] : []
  if (original === undefined) return (await findMembershipOf(req, account.id)) === null ? [] : ['member']
  const actors: NominationActor[] = []
  if (original.nominator === account.id) actors.push('nominator')
  const invitation = invitationOf(context)
  if (original.nomineeAccount === account.id || (invitation !== null && invitation.accountId === account.id && invitation.nominationId === original.id)) actors.push('nominee')
  return actors
}
