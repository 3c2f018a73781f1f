/**
 * PSF sponsorship requests (issue 17) that must be refused, as a signed-in, verified account that
 * is a contact of no sponsor and has no sponsorship: applications to the CMS's endpoint that can
 * never be whole (no primary contact, hostile packages, benefits, companies, or a staff-only
 * field), malformed bodies, the dashboard's endpoints for sponsorships and assets it does not
 * have; and the site's application and asset forms posted with no or a forged CSRF token, or the
 * honeypot changed with the real one.
 */
import fc from 'fast-check'

import type { FuzzRequest } from './FuzzTally'
import type { SiteForm } from './storyInputs'
import { hostileJson, hostileNumber, hostileText, malformedJsonBody } from './hostileValues'

export type SponsorshipFuzzAccount = { cmsSession: string; site: SiteForm }

const STAFF_FIELDS = ['status', 'submittedBy', 'sponsorshipFee', 'startDate', 'endDate', 'contract', 'year']
const FORM_FIELDS = ['package', 'sponsor', 'benefit_1', 'benefit_99999', 'company_name', 'company_description', 'company_landingPageUrl', 'contact_0_name', 'contact_0_email', 'contact_0_phone', 'contact_0_primary', 'contact_9_name', 'action']

export function sponsorshipInputs(webUrl: string, cmsUrl: string, account: SponsorshipFuzzAccount): fc.Arbitrary<FuzzRequest> {
  const json = (method: string, path: string, body?: string): FuzzRequest => ({
    method,
    url: `${cmsUrl}/api/sponsorships${path}`,
    headers: { authorization: `JWT ${account.cmsSession}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  })
  const company = fc.oneof(hostileJson, fc.record({ name: fc.oneof(hostileText, fc.constant('Fuzz Co')), description: hostileText, landingPageUrl: fc.oneof(hostileText, fc.constantFrom('javascript:alert(1)', 'https://fuzz.example/')) }))
  // Never a primary contact: every application here is refused.
  const contacts = fc.oneof(hostileJson, fc.array(fc.record({ name: hostileText, email: fc.oneof(hostileText, fc.constant('fuzz@example.org')), phone: hostileText, primary: fc.constantFrom(false, 'true', 1, null) }), { maxLength: 7 }))
  const choice = fc.record({ package: fc.oneof(hostileJson, hostileNumber), benefits: fc.oneof(hostileJson, fc.array(fc.oneof(hostileNumber, hostileText), { maxLength: 120 })), sponsor: fc.oneof(fc.constant(undefined), hostileJson, hostileNumber) })
  const application = fc.tuple(choice, company, contacts).map(([picked, firm, people]) => JSON.stringify({ ...picked, company: firm, contacts: Array.isArray(people) ? people : people }))
  const withStaffField = fc.tuple(fc.constantFrom(...STAFF_FIELDS), hostileJson).map(([field, value]) => JSON.stringify({ package: 1, [field]: value ?? 'x' }))
  const id = fc.oneof(fc.integer({ min: 1, max: 10_000_000 }).map(String), hostileText.filter((text) => text.length < 200).map((text) => encodeURIComponent(text)).filter((text) => !/^[.]*$/.test(text)))
  const formValue = fc.oneof(hostileText.filter((text) => text.length < 20_000), fc.constantFrom('', 'on', 'submit', 'preview', 'write your message'))
  const formFields = fc.dictionary(fc.constantFrom(...FORM_FIELDS, 'email_body_text', 'csrfToken', 'a[b]'), formValue, { maxKeys: 12 })
  return fc.oneof(
    { weight: 4, arbitrary: application.map((body) => json('POST', '/application', body)) },
    { weight: 1, arbitrary: withStaffField.map((body) => json('POST', '/application', body)) },
    { weight: 1, arbitrary: malformedJsonBody.map((body) => json('POST', '/application', body)) },
    { weight: 1, arbitrary: id.map((value) => json('GET', `/mine/${value}`)) },
    { weight: 2, arbitrary: fc.tuple(id, id, hostileJson).map(([sponsorship, asset, value]) => json('POST', `/mine/${sponsorship}/assets/${asset}`, JSON.stringify({ value }))) },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constantFrom('/sponsors/application/', '/users/sponsorships/1/assets/1/'), formFields, fc.constantFrom('none', 'forged', 'honeypot')).map(([path, values, guard]): FuzzRequest => {
        const sent: Record<string, string> = { ...values }
        if (guard === 'forged') sent.csrfToken = `${account.site.token.slice(0, -1)}x`
        if (guard === 'none') delete sent.csrfToken
        if (guard === 'honeypot') Object.assign(sent, { csrfToken: account.site.token, email_body_text: values.email_body_text && values.email_body_text !== 'write your message' ? values.email_body_text : 'buy now' })
        return { method: 'POST', url: `${webUrl}${path}`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: account.site.cookie }, body: new URLSearchParams(sent).toString() }
      }),
    },
  )
}
