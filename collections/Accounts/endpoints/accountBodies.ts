import { z } from 'zod'

import { bodyChoice as choice, bodyText as field } from './bodyFields'

/**
 * The account endpoints' request bodies (issue 16: one schema). A body must be a JSON object
 * (anything else is the one 400 `NOT_JSON`); a member the form sends as text reads as '' when
 * absent or not a string, so each endpoint's own checks give the field's message. Only the
 * members named here reach the endpoint.
 */

/** A password member, as typed (blanks count); '' when absent or not a string. */
const secret = z.string().catch('')

/** `POST /api/accounts/signup`. */
export const signUpBody = z.object({ username: field, email: field, password: secret, passwordAgain: secret })

/** `POST /api/accounts/signin`. */
export const signInBody = z.object({ login: field, password: secret })

/** `POST /api/accounts/verify`. */
export const tokenBody = z.object({ token: field })

/** `POST /api/accounts/forgot`. */
export const emailBody = z.object({ email: field })

/** `POST /api/accounts/reset`. */
export const resetPasswordBody = z.object({ token: field, password: secret, passwordAgain: secret })

/** `PATCH /api/accounts/me`: the profile form. */
export const profileBody = z.object({
  username: field,
  firstName: field,
  lastName: field,
  bio: field,
  location: field,
  publicProfile: choice,
  searchVisibility: choice,
  emailPrivacy: choice,
})

/** `POST /api/accounts/me/password`. */
export const changePasswordBody = z.object({ currentPassword: secret, password: secret, passwordAgain: secret })

/** `POST /api/accounts/me/email`. */
export const changeEmailBody = z.object({ email: field, password: secret })

/** `DELETE /api/accounts/me`. */
export const passwordBody = z.object({ password: secret })
