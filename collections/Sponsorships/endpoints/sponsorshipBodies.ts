import { z } from 'zod'

import { bodyChoice, bodyText as field, withStaffFieldNames } from '../../Accounts/endpoints/bodyFields'
import { MAX_CONTACTS } from '../application/applicationRules'

/**
 * The sponsorship endpoints' request bodies (issue 16: one schema; accountBodies.ts is the model).
 * A body must be a JSON object (anything else is the endpoint's 400); a text member reads as ''
 * when absent or not a string, so the endpoint's own checks give the field's message.
 */

/** `POST /api/sponsorships/mine/:id/assets/:assetId` for a text or link asset (images are multipart). */
export const assetValueBody = z.object({ value: field })

/** Fields the applicant never sets: the staff's terms and the workflow's records. */
const APPLICATION_STAFF_FIELDS = ['status', 'submittedBy', 'sponsorshipFee', 'startDate', 'endDate', 'statusHistory', 'contract', 'signedContract', 'year']

/** A yes/no member: true only when it is `true`. */
const flag = z.boolean().catch(false)
/** A member applicationRules.ts checks itself (an id, or a list of ids; its message names the choice). */
const choice = bodyChoice

/** A contact row; a row that is not an object reads as an empty one (so each of its fields gets its message). */
const contactRow = z
  .object({ name: field, email: field, phone: field, primary: flag, administrative: flag, accounting: flag, manager: flag })
  .catch({ name: '', email: '', phone: '', primary: false, administrative: false, accounting: false, manager: false })

/**
 * `POST /api/sponsorships/application`: `{ package, benefits, sponsor, company, contacts }`, plus
 * `staffFields`, the staff-only fields the body names (read before the form's members are picked
 * out, since the form drops the rest). A company that is not an object reads as an empty one;
 * contacts that are not a list of one to MAX_CONTACTS read as null ('Enter one to 5 contacts.').
 */
export const applicationBody = withStaffFieldNames(APPLICATION_STAFF_FIELDS, {
  package: choice,
  benefits: choice,
  sponsor: choice,
  company: z.object({ name: field, description: field, landingPageUrl: field }).catch({ name: '', description: '', landingPageUrl: '' }),
  contacts: z.array(z.unknown()).min(1).max(MAX_CONTACTS).pipe(z.array(contactRow)).nullable().catch(null),
})

export type ApplicationBody = z.infer<typeof applicationBody>
