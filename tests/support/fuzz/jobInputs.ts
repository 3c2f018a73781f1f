/**
 * Job board input that must be refused (issue 12), sent as a signed-in, verified visitor's account:
 * - to the CMS's REST routes the site's forms use (`POST /api/jobs`, `PATCH /api/jobs/<own draft>`),
 *   each body carrying at least one invalid title (missing, empty, too long, not text), so nothing
 *   may be stored whatever else the body holds (a forged status, submitter or feature flag);
 * - to the moderators' review endpoint, which an account that is no moderator may not use;
 * - to the site's posting and edit forms without a CSRF token, with a forged one, or with python.org's
 *   honeypot answered wrongly, which are refused before the rate limit is spent.
 */
import fc from 'fast-check'

import type { FuzzRequest } from './FuzzTally'
import { hostileJson, hostileText, malformedJsonBody } from './hostileValues'

/** The job's fields, and fields a submitter must never set. */
const FIELDS = [
  'companyName', 'category', 'types', 'otherJobType', 'city', 'region', 'country', 'remote', 'agencies', 'description', 'requirements',
  'companyDescription', 'contactName', 'email', 'url', 'status', 'featured', 'expires', 'submittedBy', 'approvedAt', 'createdBy', 'id',
]

/**
 * Titles the collection refuses (required text of at most 100 characters). Not objects, arrays or
 * numbers: Payload stores those in a text field as their JSON text, which is text, not harm.
 */
const invalidTitle = fc.constantFrom<unknown>(null, '', 'x'.repeat(101), 'é'.repeat(5_000))

const fieldValue = fc.oneof(hostileJson, fc.constantFrom<unknown>('approved', 'review', 'javascript:alert(1)', 'https://', 'a@b', 'x'.repeat(20_000), -1, 1e308, [1, 2, 3]))

/** A JSON body with an invalid title and up to eight hostile other fields. */
const invalidJobBody = fc
  .tuple(fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 8 }), invalidTitle)
  .map(([fields, title]) => JSON.stringify({ ...fields, title }))

const formValue = fc.oneof(hostileText.filter((text) => text.length < 70_000), fc.constantFrom('', 'Engineer', 'https://example.com/', '1'))

/** The signed-in visitor the fuzz acts as: the CMS token, the site's cookies and form token, and a draft of its own. */
export type JobFuzzAccount = {
  readonly token: string
  readonly siteCookie: string
  readonly csrfToken: string
  readonly draftId: number
}

export function jobInputs(webUrl: string, cmsUrl: string, account: JobFuzzAccount): fc.Arbitrary<FuzzRequest> {
  const asAccount = { authorization: `JWT ${account.token}`, 'content-type': 'application/json' }
  const siteForm = (path: string) =>
    fc.tuple(fc.dictionary(fc.constantFrom(...FIELDS, 'title', 'action', 'a[b]', '__proto__', 'email_body_text'), formValue, { maxKeys: 10 }), fc.constantFrom('none', 'forged', 'honeypot')).map(([fields, guard]): FuzzRequest => {
      const values: Record<string, string> = { ...fields }
      if (guard === 'none') delete values.csrfToken
      if (guard === 'forged') values.csrfToken = `${account.csrfToken.slice(0, -1)}${account.csrfToken.endsWith('x') ? 'y' : 'x'}`
      if (guard === 'honeypot') Object.assign(values, { csrfToken: account.csrfToken, email_body_text: values.email_body_text === 'write your message' ? '' : (values.email_body_text ?? 'https://spam.example/') })
      return { method: 'POST', url: `${webUrl}${path}`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: account.siteCookie }, body: new URLSearchParams(values).toString() }
    })
  return fc.oneof(
    { weight: 3, arbitrary: invalidJobBody.map((body): FuzzRequest => ({ method: 'POST', url: `${cmsUrl}/api/jobs`, headers: asAccount, body })) },
    { weight: 3, arbitrary: invalidJobBody.map((body): FuzzRequest => ({ method: 'PATCH', url: `${cmsUrl}/api/jobs/${account.draftId}`, headers: asAccount, body })) },
    { weight: 1, arbitrary: malformedJsonBody.map((body): FuzzRequest => ({ method: 'POST', url: `${cmsUrl}/api/jobs`, headers: asAccount, body })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('approve', 'reject', 'comment', '', '__proto__'), fc.oneof(hostileText, fc.constant('Looks good.')))
        .map(([action, comment]): FuzzRequest => ({ method: 'POST', url: `${cmsUrl}/api/jobs/${account.draftId}/review`, headers: asAccount, body: JSON.stringify({ action, comment }) })),
    },
    { weight: 2, arbitrary: siteForm('/jobs/create/') },
    { weight: 2, arbitrary: siteForm(`/jobs/${account.draftId}/edit/`) },
  )
}
