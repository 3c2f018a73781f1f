import type { PayloadRequest } from 'payload'

import type { Role } from '../../collections/access/roles'
import { queueMail, type SendMailInput } from './queueMail'

/** Enough to find every inbox of a role among many staff, bounded like every content-driven loop. */
const MAX_STAFF = 200

/**
 * Queues one message to every staff user holding any of `roles` (admins always included), in the
 * request's transaction: the messages go out after the change commits, and not at all if it does
 * not. Users without an address are skipped.
 */
export async function queueMailToStaff(req: PayloadRequest, roles: readonly Role[], message: Omit<SendMailInput, 'to'>): Promise<void> {
  const staff = await req.payload.find({
    collection: 'users',
    where: { roles: { in: [...roles, 'admin'] } },
    limit: MAX_STAFF,
    depth: 0,
    overrideAccess: true,
    req,
  })
  for (const user of staff.docs) {
    if (typeof user.email !== 'string' || user.email === '') continue
    await queueMail(req, { ...message, to: user.email })
  }
}
