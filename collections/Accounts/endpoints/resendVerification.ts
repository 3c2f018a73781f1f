import type { Endpoint } from 'payload'

import { hasRole, type RoleHolder } from '../../access/roles'
import { accountMail } from '../accountMail'
import { inTransaction, loadAccount } from '../accountStore'
import { failed, succeeded } from './accountResponses'

/**
 * `POST /api/accounts/<id>/resend-verification`: staff (moderators and admins, signed in to the
 * admin) mail an unverified account its verification link again.
 */
export const resendVerificationEndpoint: Endpoint = {
  path: '/:id/resend-verification',
  method: 'post',
  handler: async (req) => {
    const user = req.user as (RoleHolder & { collection?: string }) | null | undefined
    if (user?.collection !== 'users' || !hasRole(user, 'moderator')) return failed(403, 'Only moderators and admins may re-send verification links.')
    const id = Number(req.routeParams?.id)
    const account = Number.isSafeInteger(id) && id > 0 ? await loadAccount(req, id) : null
    if (account === null) return failed(404, 'No such account.')
    if (account.emailVerified === true) return failed(409, 'This account\'s address is already verified.')
    await inTransaction(req, () => accountMail.verify(req, account))
    return succeeded(`The verification link was sent to ${account.email}.`)
  },
}
