/**
 * Success-story submissions that must be refused: to the CMS's public submit endpoint (wrong
 * types, over-long fields, bad URLs and emails, malformed bodies; the title always missing), and
 * to the site's form (no or a forged CSRF token, or the honeypot filled, so the per-address rate
 * limit that the site's own tests rely on is never spent).
 */
import fc from 'fast-check'

import type { FuzzRequest } from './FuzzTally'
import { hostileJson, hostileText, malformedJsonBody } from './hostileValues'

const FIELDS = ['companyName', 'companyUrl', 'categorySlug', 'author', 'authorEmail', 'pullQuote', 'content', 'featured', '_status', 'slug', 'website', 'csrfToken']

const submitBody = fc
  .dictionary(fc.constantFrom(...FIELDS), fc.oneof(hostileJson, fc.constantFrom('javascript:alert(1)', 'https://', 'a@b', 'x'.repeat(30_000), 'business')), { maxKeys: 8 })
  .chain((fields) => fc.constantFrom<unknown>(undefined, null, '', '   ', 42, { text: 'x' }, '\u0000').map((name) => JSON.stringify({ ...fields, name })))

const formValue = fc.oneof(hostileText.filter((text) => text.length < 70_000), fc.constantFrom('', 'business', 'https://example.com/'))

export type SiteForm = { cookie: string; token: string }

export function storyInputs(webUrl: string, cmsUrl: string, form: SiteForm): fc.Arbitrary<FuzzRequest> {
  const submitUrl = `${cmsUrl}/api/success-stories/submit`
  const formUrl = `${webUrl}/success-stories/create/`
  const formFields = fc.dictionary(fc.constantFrom(...FIELDS, 'name', 'a[b]', '__proto__'), formValue, { maxKeys: 10 })
  return fc.oneof(
    { weight: 3, arbitrary: submitBody.map((body): FuzzRequest => ({ method: 'POST', url: submitUrl, headers: { 'content-type': 'application/json' }, body })) },
    { weight: 1, arbitrary: malformedJsonBody.map((body): FuzzRequest => ({ method: 'POST', url: submitUrl, headers: { 'content-type': 'application/json' }, body })) },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=--x').map((type): FuzzRequest => ({ method: 'POST', url: submitUrl, headers: { 'content-type': type }, body: 'name=x' })) },
    {
      weight: 3,
      arbitrary: fc.tuple(formFields, fc.constantFrom('none', 'forged', 'honeypot')).map(([fields, guard]): FuzzRequest => {
        // With the real token pair, only a filled honeypot is refused before the rate limit.
        const values: Record<string, string> = { ...fields }
        if (guard === 'forged') values.csrfToken = `${form.token.slice(0, -1)}x`
        if (guard === 'honeypot') Object.assign(values, { csrfToken: form.token, website: values.website || 'https://spam.example/' })
        if (guard === 'none') delete values.csrfToken
        return {
          method: 'POST',
          url: formUrl,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...(guard === 'none' ? {} : { cookie: form.cookie }) },
          body: new URLSearchParams(values).toString(),
        }
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom<FuzzRequest>(
      // Over the form's 64 kB and 50-field limits, and bodies that are not a form.
      { method: 'POST', url: formUrl, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie }, body: `csrfToken=${form.token}&content=${'x'.repeat(70_000)}` },
      { method: 'POST', url: formUrl, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie }, body: Array.from({ length: 60 }, (_unused, index) => `f${index}=1`).join('&') },
      { method: 'POST', url: formUrl, headers: { 'content-type': 'application/json', cookie: form.cookie }, body: JSON.stringify({ csrfToken: form.token, name: 'x' }) },
      { method: 'POST', url: formUrl, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'pydotorg_csrf=%00%FF; pydotorg_csrf=x' }, body: 'csrfToken=%00%FF' },
      { method: 'POST', url: formUrl, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-16' }, body: 'name=x' },
      { method: 'POST', url: formUrl, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '%%%&&&===' },
    ) },
  )
}
