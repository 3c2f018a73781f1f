import type { Endpoint } from 'payload'

import { throttlesOf } from '../../../cms/throttle/withCmsThrottles'
import { accountMail } from '../accountMail'
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, USERNAME_MAX_LENGTH } from '../accountRules'
import { endSessions, inTransaction, saveAccount, sessionIdOf, signInWithPassword } from '../accountStore'
import { signInBody } from './accountBodies'
import { clientKey, failed, NOT_JSON, overLimit, readBody, succeeded, withinLimit } from './accountResponses'

export const WRONG_CREDENTIALS = 'The username and/or password you specified are not correct.'

/**
 * `POST /api/accounts/signin` `{ login, password }` -> `{ token, expiresAt }`: `login` is the
 * username (any case) or the address. Wrong credentials, unknown and locked accounts are one
 * 401. The right password on an unverified account is a 403, and its link is mailed again (as
 * python.org does); on a deactivated one a 403 too. Neither keeps the session Payload opened.
 */
export const signInEndpoint: Endpoint = {
  path: '/signin',
  method: 'post',
  handler: async (req) => {
    const limits = throttlesOf(req.payload.config).accounts
    const perAddress = await overLimit(limits.signIn, clientKey(req), 'signing in')
    if (perAddress) return perAddress
    const body = await readBody(req, signInBody)
    if (body === null) return NOT_JSON()
    const { login, password } = body
    if (login === '' || password === '') {
      return failed(400, 'Enter your username or email address and your password.', {
        ...(login === '' ? { login: 'This field is required.' } : {}),
        ...(password === '' ? { password: 'This field is required.' } : {}),
      })
    }
    if (login.length > Math.max(EMAIL_MAX_LENGTH, USERNAME_MAX_LENGTH) || password.length > PASSWORD_MAX_LENGTH) return failed(401, WRONG_CREDENTIALS)
    const perAccount = await overLimit(limits.signInPerAccount, `login:${login.toLowerCase()}`, 'signing in to this account')
    if (perAccount) return perAccount

    const signedIn = await signInWithPassword(req, login, password)
    if (signedIn === null) return failed(401, WRONG_CREDENTIALS)
    const { account } = signedIn
    const sessionId = sessionIdOf(signedIn.token)
    if (account.emailVerified !== true || account.active === false) {
      await inTransaction(req, async () => {
        await endSessions(req, account.id, (id) => id === sessionId)
        if (account.active !== false && (await withinLimit(limits.mailsPerAccount, `account:${account.id}`))) await accountMail.verify(req, account)
      })
      return account.active === false
        ? failed(403, 'This account is inactive.')
        : failed(403, 'This account\'s email address is not verified yet. We have sent the verification link again: follow it, then sign in.')
    }
    await saveAccount(req, account.id, { lastSignInAt: new Date().toISOString() })
    return succeeded('Successfully signed in.', { token: signedIn.token, expiresAt: signedIn.expiresAt })
  },
}

/** `POST /api/accounts/signout` (with the session as `Authorization: JWT <token>`): ends that session on the CMS. */
export const signOutEndpoint: Endpoint = {
  path: '/signout',
  method: 'post',
  handler: async (req) => {
    const user = req.user as { id?: unknown; collection?: unknown; _sid?: unknown } | null | undefined
    if (user?.collection === 'accounts' && typeof user.id === 'number' && typeof user._sid === 'string') {
      const sessionId = user._sid
      await inTransaction(req, () => endSessions(req, user.id as number, (id) => id === sessionId))
    }
    return succeeded('You have signed out.')
  },
}
