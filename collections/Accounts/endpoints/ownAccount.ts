import { ValidationError, type Endpoint, type PayloadRequest } from 'payload'

import { throttlesOf } from '../../../cms/throttle/withCmsThrottles'
import type { Account } from '../../generated/payload-types'
import { findMembershipOf } from '../../Memberships/findMembershipOf'
import { ACCOUNTS } from '../accountAccess'
import { accountMail } from '../accountMail'
import { BIO_MAX_LENGTH, emailProblem, LOCATION_MAX_LENGTH, NAME_MAX_LENGTH, normalEmail, passwordProblem, usernameProblem } from '../accountRules'
import { currentAccount, emailInUse, endSessions, findAccountBy, inTransaction, ownView, passwordMatches, saveAccount } from '../accountStore'
import { changeEmailBody, changePasswordBody, passwordBody, profileBody } from './accountBodies'
import { failed, NOT_JSON, overLimit, readBody, succeeded, type FieldErrors } from './accountResponses'

const SIGN_IN_AGAIN = 'Please sign in.'
const WRONG_PASSWORD = 'Please type your current password.'
const EMAIL_PRIVACY = ['public', 'accounts', 'nobody'] as const

type Handler = (req: PayloadRequest, current: { account: Account; sessionId: string | null }) => Promise<Response>

/** The endpoint for the signed-in account only (`Authorization: JWT <session>`); 401 otherwise. */
function forSignedIn(handler: Handler): Endpoint['handler'] {
  return async (req) => {
    const current = await currentAccount(req)
    return current === null ? failed(401, SIGN_IN_AGAIN) : handler(req, current)
  }
}

/**
 * `GET /api/accounts/me` -> `{ account }`: the signed-in account as its owner sees it, and
 * whether it is a PSF member (the header's menu offers "Edit" or "Become a PSF Basic member").
 */
export const meEndpoint: Endpoint = {
  path: '/me',
  method: 'get',
  handler: forSignedIn(async (req, { account }) => {
    const psfMember = (await findMembershipOf(req, account.id)) !== null
    return succeeded('', { account: { ...ownView(account), psfMember } })
  }),
}

/**
 * `PATCH /api/accounts/me` `{ username, firstName, lastName, bio, location, publicProfile,
 * searchVisibility, emailPrivacy }` -> `{ account }`: the profile form (python.org's /users/edit/).
 */
export const updateMeEndpoint: Endpoint = {
  path: '/me',
  method: 'patch',
  handler: forSignedIn(async (req, { account }) => {
    const body = await readBody(req, profileBody)
    if (body === null) return NOT_JSON()
    const errors: FieldErrors = {}
    const { username } = body
    const usernameError = usernameProblem(username)
    if (usernameError) errors.username = usernameError
    else if (username.toLowerCase() !== account.username) {
      const holder = await findAccountBy(req, 'username', username)
      if (holder !== null) errors.username = 'A user with that username already exists.'
    }
    const bounded = (name: 'firstName' | 'lastName' | 'bio' | 'location', max: number): string => {
      const value = body[name]
      if (value.length > max) errors[name] = `Use at most ${max} characters.`
      return value
    }
    const firstName = bounded('firstName', NAME_MAX_LENGTH)
    const lastName = bounded('lastName', NAME_MAX_LENGTH)
    const bio = bounded('bio', BIO_MAX_LENGTH)
    const location = bounded('location', LOCATION_MAX_LENGTH)
    const flag = (name: 'publicProfile' | 'searchVisibility'): boolean => {
      if (typeof body[name] !== 'boolean') errors[name] = 'Choose yes or no.'
      return body[name] === true
    }
    const publicProfile = flag('publicProfile')
    const searchVisibility = flag('searchVisibility')
    const emailPrivacy = body.emailPrivacy
    if (!EMAIL_PRIVACY.includes(emailPrivacy as (typeof EMAIL_PRIVACY)[number])) errors.emailPrivacy = 'Choose who may see your email address.'
    if (Object.keys(errors).length > 0) return failed(400, 'Please correct the errors below.', errors)
    const saved = await inTransaction(req, () =>
      saveAccount(req, account.id, { username, firstName, lastName, bio, location, publicProfile, searchVisibility, emailPrivacy }, { purge: true }),
    ).catch((error: unknown) => {
      // Another account took the username a moment ago (its unique index).
      if (error instanceof ValidationError) return null
      throw error
    })
    if (saved === null) return failed(400, 'Please correct the errors below.', { username: 'A user with that username already exists.' })
    return succeeded('Your profile was saved.', { account: ownView(saved) })
  }),
}

/** `POST /api/accounts/me/password` `{ currentPassword, password, passwordAgain }`: keeps this session, ends the others. */
export const changePasswordEndpoint: Endpoint = {
  path: '/me/password',
  method: 'post',
  handler: forSignedIn(async (req, { account, sessionId }) => {
    const body = await readBody(req, changePasswordBody)
    if (body === null) return NOT_JSON()
    const { password } = body
    const problem = passwordProblem(password)
    if (problem) return failed(400, 'Please correct the errors below.', { password: problem })
    if (password !== body.passwordAgain) return failed(400, 'Please correct the errors below.', { passwordAgain: 'You must type the same password each time.' })
    if (!(await passwordMatches(req, account, body.currentPassword))) return failed(400, WRONG_PASSWORD, { currentPassword: WRONG_PASSWORD })
    await inTransaction(req, async () => {
      await saveAccount(req, account.id, { password })
      await endSessions(req, account.id, (id) => id !== sessionId)
    })
    return succeeded('Password successfully changed.')
  }),
}

/**
 * `POST /api/accounts/me/email` `{ email, password }`: mails a confirmation link to the new
 * address; the account's address changes when it is followed. An address another account has
 * gets the same answer and no message (the form must not tell whether it has an account).
 */
export const changeEmailEndpoint: Endpoint = {
  path: '/me/email',
  method: 'post',
  handler: forSignedIn(async (req, { account }) => {
    const body = await readBody(req, changeEmailBody)
    if (body === null) return NOT_JSON()
    const { email } = body
    const problem = emailProblem(email)
    if (problem) return failed(400, 'Please correct the errors below.', { email: problem })
    if (normalEmail(email) === account.email) return failed(400, 'Please correct the errors below.', { email: 'This is already your address.' })
    if (!(await passwordMatches(req, account, body.password))) return failed(400, WRONG_PASSWORD, { password: WRONG_PASSWORD })
    const limited = await overLimit(throttlesOf(req.payload.config).accounts.mailsPerAccount, `account:${account.id}`, 'email changes')
    if (limited) return limited
    const message = `Confirmation e-mail sent to ${normalEmail(email)}: follow its link to use this address.`
    if (await emailInUse(req, email, account.id)) return succeeded(message)
    await inTransaction(req, async () => {
      await saveAccount(req, account.id, { pendingEmail: normalEmail(email) })
      await accountMail.confirmNewEmail(req, account, normalEmail(email))
    })
    return succeeded(message)
  }),
}

/**
 * `DELETE /api/accounts/me` `{ password }`: deletes the account; its records elsewhere are
 * deleted or detached first (ownedRecords, by the collection's beforeDelete hook), and the
 * address is told, all in one transaction.
 */
export const deleteMeEndpoint: Endpoint = {
  path: '/me',
  method: 'delete',
  handler: forSignedIn(async (req, { account }) => {
    const body = await readBody(req, passwordBody)
    if (body === null) return NOT_JSON()
    if (!(await passwordMatches(req, account, body.password))) return failed(400, WRONG_PASSWORD, { password: WRONG_PASSWORD })
    await inTransaction(req, async () => {
      await accountMail.deleted(req, account)
      await req.payload.delete({ collection: ACCOUNTS, id: account.id, overrideAccess: true, depth: 0, req })
    })
    return succeeded('Your account was deleted.')
  }),
}
