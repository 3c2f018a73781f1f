import type { z } from 'zod'

import { bodyChoice as choice, bodyText as field, withStaffFieldNames } from '../../Accounts/endpoints/bodyFields'

/**
 * The membership endpoints' request bodies (issue 16: one schema; accountBodies.ts is the model).
 * A body must be a JSON object (anything else is the endpoint's 400 `NOT_JSON`); a text member
 * reads as '' when absent or not a string, and the yes/no members as sent, so the endpoint's own
 * checks (membershipRules.ts) give each field's message.
 */

/** Fields only PSF staff write (in the admin): the endpoints refuse a body that names them, with any value. */
const STAFF_FIELDS = ['membershipType', 'account', 'lastVoteAffirmation', 'createdBy', 'updatedBy', 'id']

/**
 * `POST` and `PATCH /api/memberships/me`: the form, plus `staffFields`, the staff-only fields the
 * body names (read before the form's members are picked out, since the form drops the rest).
 */
export const membershipBody = withStaffFieldNames(STAFF_FIELDS, {
  legalName: field,
  preferredName: field,
  emailAddress: field,
  city: field,
  region: field,
  country: field,
  postalCode: field,
  // The yes/no members, checked by the endpoint ('Choose yes or no.').
  codeOfConduct: choice,
  announcements: choice,
  votes: choice,
})

export type MembershipBody = z.infer<typeof membershipBody>
