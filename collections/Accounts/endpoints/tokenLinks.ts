import type { Endpoint } from 'payload'

import { throttlesOf } from '../../../cms/throttle/withCmsThrottles'
import { accountMail } from '../accountMail'
import { emailProblem, normalEmail, passwordProblem } from '../accountRules'
import { findAccountBy, inTransaction, saveAccount } from '../accountStore'
import { findTokenAccount, spentToken } from '../accountTokens'
import { emailBody, resetPasswordBody, tokenBody } from './accountBodies'
import { clientKey, failed, NOT_JSON, overLimit, readBody, succeeded, withinLimit } from './accountResponses'

export const FORGOT_MESSAGE = 'We have sent you an e-mail. Please contact us if you do not receive it within a few minutes.'
const BAD_CONFIRMATION = 'This e-mail confirmation link expired or is invalid. Please issue a new e-mail confirmation request.'
const BAD_RESET = 'The password reset link was invalid, possibly because it has already been used. Please request a new password reset.'

/**
 * `POST /api/accounts/verify` `{ token }`: a verification link (after sign-up) verifies the
 * account; an email-change link makes the pending address the account's, and tells the old
 * address. One use: the token is cleared as it is used. A reset token is not accepted here.
 */
export const verifyEmailEndpoint: Endpoint = {
  path: '/verify',
  method: 'post',
  handler: async (req) => {
    const limited = await overLimit(throttlesOf(req.payload.config).accounts.reset, clientKey(req), 'confirmation links')
    if (limited) return limited
    const body = await readBody(req, tokenBody)
    if (body === null) return NOT_JSON()
    return inTransaction(req, async () => {
      const found = await findTokenAccount(req, body.token)
      if (found === null || found.purpose === 'reset') return failed(400, BAD_CONFIRMATION, { token: BAD_CONFIRMATION })
      const { account, purpose } = found
      const now = new Date().toISOString()
      if (purpose === 'verify') {
        await saveAccount(req, account.id, { ...spentToken('verify'), emailVerified: true, verifiedAt: now }, { purge: true })
        return succeeded(`You have confirmed ${String(account.email)}.`)
      }
      const newEmail = typeof account.pendingEmail === 'string' ? account.pendingEmail : ''
      // Another account took the address meanwhile (a pending one elsewhere does not count: this link proves it is ours).
      if (newEmail === '' || (await findAccountBy(req, 'email', newEmail)) !== null) {
        await saveAccount(req, account.id, { ...spentToken('email'), pendingEmail: null })
        return failed(400, BAD_CONFIRMATION, { token: BAD_CONFIRMATION })
      }
      const oldEmail = String(account.email)
      await saveAccount(req, account.id, { ...spentToken('email'), email: newEmail, pendingEmail: null, emailVerified: true, verifiedAt: now }, { purge: true })
      await accountMail.emailChanged(req, { username: String(account.username) }, oldEmail, newEmail)
      return succeeded(`You have confirmed ${newEmail}.`)
    })
  },
}

/**
 * `POST /api/accounts/forgot` `{ email }`: mails a reset link to the account with that address,
 * if any. The answer is the same either way (only a malformed address is a 400); past the
 * per-address limit of messages, nothing more is sent, and the answer is still the same.
 */
export const forgotPasswordEndpoint: Endpoint = {
  path: '/forgot',
  method: 'post',
  handler: async (req) => {
    const limits = throttlesOf(req.payload.config).accounts
    const limited = await overLimit(limits.reset, clientKey(req), 'password resets')
    if (limited) return limited
    const body = await readBody(req, emailBody)
    if (body === null) return NOT_JSON()
    const { email } = body
    const problem = emailProblem(email)
    if (problem) return failed(400, 'Please correct the errors below.', { email: problem })
    const account = await findAccountBy(req, 'email', email)
    if (account !== null && account.active !== false && (await withinLimit(limits.mailsPerAccount, `email:${normalEmail(email)}`))) {
      await inTransaction(req, () => accountMail.reset(req, account))
    }
    return succeeded(FORGOT_MESSAGE)
  },
}

/**
 * `POST /api/accounts/reset` `{ token, password, passwordAgain }`: sets the password through a
 * reset link (one use), ends every session of the account, lifts a lockout, and counts as a
 * verified address (the link reached it).
 */
export const resetPasswordEndpoint: Endpoint = {
  path: '/reset',
  method: 'post',
  handler: async (req) => {
    const limits = throttlesOf(req.payload.config).accounts
    const limited = await overLimit(limits.reset, clientKey(req), 'password resets')
    if (limited) return limited
    const body = await readBody(req, resetPasswordBody)
    if (body === null) return NOT_JSON()
    const { password, passwordAgain } = body
    const found = await findTokenAccount(req, body.token)
    if (found === null || found.purpose !== 'reset') return failed(400, BAD_RESET, { token: BAD_RESET })
    const perAccount = await overLimit(limits.mailsPerAccount, `reset:${found.account.id}`, 'password resets for this account')
    if (perAccount) return perAccount
    const problem = passwordProblem(password)
    if (problem) return failed(400, 'Please correct the errors below.', { password: problem })
    if (password !== passwordAgain) return failed(400, 'Please correct the errors below.', { passwordAgain: 'You must type the same password each time.' })
    const { account } = found
    await inTransaction(req, async () => {
      const verified = account.emailVerified === true ? {} : { emailVerified: true, verifiedAt: new Date().toISOString() }
      await saveAccount(req, account.id, { ...spentToken('reset'), ...verified, password, sessions: [], loginAttempts: 0, lockUntil: null })
    })
    return succeeded('Your password is now changed.')
  },
}
