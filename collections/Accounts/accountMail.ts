import type { PayloadRequest } from 'payload'

import { queueMail } from '../../cms/mail/queueMail'
import type { Account } from '../generated/payload-types'

/** The site's base URL (SITE_URL), which every link in a message starts with. */
export function siteUrlOf(req: PayloadRequest): string {
  const schema = (req.payload.config.custom as { schema?: { siteUrl?: unknown } } | undefined)?.schema
  return typeof schema?.siteUrl === 'string' ? schema.siteUrl.replace(/\/+$/, '') : 'http://localhost:8080'
}

/** The messages about an account, queued in the request's transaction and sent by the mail job after it commits. */
export const accountMail = {
  verify: (req: PayloadRequest, account: Pick<Account, 'id' | 'email' | 'username'>) =>
    queueMail(req, { template: 'accountVerify', to: account.email, values: { username: account.username }, link: { accountId: account.id, purpose: 'verify', placeholder: 'link' } }),
  exists: (req: PayloadRequest, email: string) =>
    queueMail(req, { template: 'accountExists', to: email, values: { resetUrl: `${siteUrlOf(req)}/accounts/password/reset/` } }),
  reset: (req: PayloadRequest, account: Pick<Account, 'id' | 'email' | 'username'>) =>
    queueMail(req, { template: 'passwordReset', to: account.email, values: { username: account.username }, link: { accountId: account.id, purpose: 'reset', placeholder: 'link' } }),
  confirmNewEmail: (req: PayloadRequest, account: Pick<Account, 'id' | 'username'>, newEmail: string) =>
    queueMail(req, { template: 'emailChangeVerify', to: newEmail, values: { username: account.username }, link: { accountId: account.id, purpose: 'email', placeholder: 'link' } }),
  emailChanged: (req: PayloadRequest, account: Pick<Account, 'username'>, oldEmail: string, newEmail: string) =>
    queueMail(req, { template: 'emailChanged', to: oldEmail, values: { username: account.username, newEmail, resetUrl: `${siteUrlOf(req)}/accounts/password/reset/` } }),
  deleted: (req: PayloadRequest, account: Pick<Account, 'email' | 'username'>) =>
    queueMail(req, { template: 'accountDeleted', to: account.email, values: { username: account.username } }),
}
