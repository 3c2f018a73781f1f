import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

import { ValidationError, type Endpoint } from 'payload'

import { throttlesOf } from '../../../cms/throttle/withCmsThrottles'
import { ACCOUNTS } from '../accountAccess'
import { accountMail } from '../accountMail'
import { emailProblem, normalEmail, passwordProblem, usernameProblem } from '../accountRules'
import { emailInUse, findAccountBy, inTransaction } from '../accountStore'
import { signUpBody } from './accountBodies'
import { clientKey, failed, NOT_JSON, overLimit, readBody, succeeded, type FieldErrors } from './accountResponses'

export const SIGN_UP_MESSAGE = 'We have sent an e-mail to you for verification. Follow the link provided to finalize the signup process.'

const pbkdf2Async = promisify(pbkdf2)

/**
 * `POST /api/accounts/signup` `{ username, email, password, passwordAgain }`: creates an
 * unverified account and mails its verification link. A taken address gets the same answer, and
 * its owner a message saying someone tried (so the form never tells whether an address has an
 * account); the work a new account costs (hashing its password) is spent either way, so the
 * answer's timing does not tell either. A taken username is a 400: usernames are public.
 */
export const signUpEndpoint: Endpoint = {
  path: '/signup',
  method: 'post',
  handler: async (req) => {
    const limits = throttlesOf(req.payload.config).accounts
    const perAddress = await overLimit(limits.signUp, clientKey(req), 'signing up')
    if (perAddress) return perAddress
    const body = await readBody(req, signUpBody)
    if (body === null) return NOT_JSON()
    const { username, email, password, passwordAgain } = body

    const errors: FieldErrors = {}
    const usernameError = usernameProblem(username)
    if (usernameError) errors.username = usernameError
    const emailError = emailProblem(email)
    if (emailError) errors.email = emailError
    const passwordError = passwordProblem(password)
    if (passwordError) errors.password = passwordError
    else if (password !== passwordAgain) errors.passwordAgain = 'You must type the same password each time.'
    if (Object.keys(errors).length > 0) return failed(400, 'Please correct the errors below.', errors)
    if ((await findAccountBy(req, 'username', username)) !== null) {
      return failed(400, 'Please correct the errors below.', { username: 'A user with that username already exists.' })
    }
    const perAccount = await overLimit(limits.mailsPerAccount, `email:${normalEmail(email)}`, 'signing up with this address')
    if (perAccount) return perAccount

    if (await emailInUse(req, email)) {
      // As long as creating an account takes (Payload hashes with PBKDF2-SHA256, 25,000 rounds).
      await pbkdf2Async(password, randomBytes(32).toString('hex'), 25000, 512, 'sha256')
      await inTransaction(req, () => accountMail.exists(req, normalEmail(email)))
      return succeeded(SIGN_UP_MESSAGE)
    }
    const created = await inTransaction(req, async () => {
      const account = await req.payload.create({
        collection: ACCOUNTS,
        data: { username, email: normalEmail(email), password, emailVerified: false, active: true, publicProfile: true, searchVisibility: true, emailPrivacy: 'nobody' },
        overrideAccess: true,
        depth: 0,
        req,
        context: { skipSitePurge: true },
      })
      await accountMail.verify(req, account)
      return true
    }).catch((error: unknown) => {
      // Another sign-up took the username or the address a moment ago (the unique indexes).
      if (error instanceof ValidationError) return false
      throw error
    })
    if (!created) return failed(400, 'Please correct the errors below.', { username: 'A user with that username already exists.' })
    return succeeded(SIGN_UP_MESSAGE)
  },
}
