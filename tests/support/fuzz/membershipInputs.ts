/**
 * PSF membership requests (issue 13) that must be refused, as a signed-in, verified account that
 * is not a member: sign-ups to the CMS's endpoint without "Yes" to the code of conduct (or naming
 * a staff-only field), edits, affirmations and deletions of a membership it does not have, the
 * staff-only CSV export, malformed bodies; and the site's membership forms posted with no or a
 * forged CSRF token, or the honeypot changed with the real one (refused before the rate limit).
 */
import fc from 'fast-check'

import type { FuzzRequest } from './FuzzTally'
import type { SiteForm } from './storyInputs'
import { hostileJson, hostileQueryValue, hostileText, malformedJsonBody } from './hostileValues'

const FIELDS = ['legalName', 'preferredName', 'emailAddress', 'city', 'region', 'country', 'postalCode', 'announcements', 'votes', 'membershipType', 'account']

export type MemberSession = { cmsSession: string; site: SiteForm }

export function membershipInputs(webUrl: string, cmsUrl: string, member: MemberSession): fc.Arbitrary<FuzzRequest> {
  const json = (method: string, path: string, body?: string): FuzzRequest => ({
    method,
    url: `${cmsUrl}/api/memberships${path}`,
    headers: { authorization: `JWT ${member.cmsSession}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  })
  const fields = fc.dictionary(fc.constantFrom(...FIELDS, '__proto__'), fc.oneof(hostileJson, fc.constantFrom('basic', 'fellow', 'a@b', 'x'.repeat(200), true)), { maxKeys: 9 })
  // Never a true agreement: every sign-up here is refused.
  const signUp = fields.chain((values) => fc.constantFrom<unknown>(false, 'Yes', 'yes', 1, null, 'true').map((codeOfConduct) => JSON.stringify({ ...values, codeOfConduct })))
  const formValue = fc.oneof(hostileText.filter((text) => text.length < 20_000), fc.constantFrom('', 'on', 'yes', 'fellow', 'write your message'))
  const formFields = fc.dictionary(fc.constantFrom(...FIELDS, 'codeOfConduct', 'email_body_text', 'csrfToken', 'a[b]'), formValue, { maxKeys: 10 })
  return fc.oneof(
    { weight: 3, arbitrary: signUp.map((body) => json('POST', '/me', body)) },
    { weight: 2, arbitrary: fields.map((values) => json('PATCH', '/me', JSON.stringify({ ...values, codeOfConduct: true }))) },
    { weight: 1, arbitrary: malformedJsonBody.map((body) => json('POST', '/me', body)) },
    { weight: 1, arbitrary: fc.constantFrom('DELETE', 'POST').map((method) => json(method, method === 'POST' ? '/me/affirm' : '/me')) },
    {
      weight: 1,
      arbitrary: fc.tuple(hostileQueryValue, hostileQueryValue).map(([membershipType, votes]) => json('GET', `/export.csv?${new URLSearchParams({ membershipType, votes }).toString()}`)),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constantFrom('/users/membership/', '/users/membership/edit/', '/users/membership/affirm/', '/users/membership/delete/fuzz/'), formFields, fc.constantFrom('none', 'forged', 'honeypot')).map(
        ([path, values, guard]): FuzzRequest => {
          const sent: Record<string, string> = { ...values }
          if (guard === 'forged') sent.csrfToken = `${member.site.token.slice(0, -1)}x`
          if (guard === 'none') delete sent.csrfToken
          if (guard === 'honeypot') Object.assign(sent, { csrfToken: member.site.token, email_body_text: values.email_body_text && values.email_body_text !== 'write your message' ? values.email_body_text : 'buy now' })
          return { method: 'POST', url: `${webUrl}${path}`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: member.site.cookie }, body: new URLSearchParams(sent).toString() }
        },
      ),
    },
  )
}
