import type { Endpoint } from 'payload'

import { closedAuthEndpoints } from './closedAuthEndpoints'
import { changeEmailEndpoint, changePasswordEndpoint, deleteMeEndpoint, meEndpoint, updateMeEndpoint } from './ownAccount'
import { publicProfileEndpoint } from './publicProfile'
import { resendVerificationEndpoint } from './resendVerification'
import { signInEndpoint, signOutEndpoint } from './signIn'
import { signUpEndpoint } from './signUp'
import { forgotPasswordEndpoint, resetPasswordEndpoint, verifyEmailEndpoint } from './tokenLinks'

/** Every endpoint of /api/accounts/ the CMS adds (Payload's CRUD ones follow, under the collection's access). */
export const accountEndpoints: Endpoint[] = [
  signUpEndpoint,
  verifyEmailEndpoint,
  signInEndpoint,
  signOutEndpoint,
  forgotPasswordEndpoint,
  resetPasswordEndpoint,
  meEndpoint,
  updateMeEndpoint,
  deleteMeEndpoint,
  changePasswordEndpoint,
  changeEmailEndpoint,
  publicProfileEndpoint,
  resendVerificationEndpoint,
  ...closedAuthEndpoints,
]
