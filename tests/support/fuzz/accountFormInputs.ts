/**
 * Posts to the site's account forms (issue 11) that must be refused before anything reaches the
 * CMS or spends a rate limit: no or a forged CSRF token, or python.org's honeypot
 * (`email_body_text`) changed with the real token; and the mailed links' paths with hostile
 * tokens. Each answer must be a 4xx with a page, or the redirect to sign in, never a 5xx.
 */
import fc from 'fast-check'

import type { FuzzRequest } from './FuzzTally'
import type { SiteForm } from './storyInputs'
import { hostileText } from './hostileValues'

const FORMS = [
  '/accounts/signup/',
  '/accounts/login/',
  '/accounts/logout/',
  '/accounts/password/reset/',
  '/accounts/password/reset/key/fuzz-token-0123456789/',
  '/accounts/confirm-email/fuzz-token-0123456789/',
  '/accounts/password/change/',
  '/accounts/email/',
  '/users/edit/',
  '/users/fuzz/delete/',
]
/** The forms with python.org's honeypot, refused with the real token when it changes. */
const HONEYPOT_FORMS = ['/accounts/signup/']
const FIELDS = ['username', 'email', 'login', 'password', 'passwordAgain', 'currentPassword', 'next', 'firstName', 'bio', 'emailPrivacy', 'email_body_text', 'csrfToken']

const formValue = fc.oneof(hostileText.filter((text) => text.length < 20_000), fc.constantFrom('', 'guido', 'a@b', '//evil.example/', 'write your message'))

/** `form` holds a CSRF cookie and token issued for /accounts/ (GET /accounts/login/). */
export function accountFormInputs(webUrl: string, form: SiteForm): fc.Arbitrary<FuzzRequest> {
  const fields = fc.dictionary(fc.constantFrom(...FIELDS, '__proto__', 'a[b]'), formValue, { maxKeys: 8 })
  const post = (url: string, values: Record<string, string>, cookie: boolean): FuzzRequest => ({
    method: 'POST',
    url: `${webUrl}${url}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie: form.cookie } : {}) },
    body: new URLSearchParams(values).toString(),
  })
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(fc.constantFrom(...FORMS), fields, fc.constantFrom('none', 'forged')).map(([url, values, guard]) => {
        const sent: Record<string, string> = { ...values }
        if (guard === 'forged') sent.csrfToken = `${form.token.slice(0, -1)}x`
        else delete sent.csrfToken
        return post(url, sent, guard === 'forged')
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...HONEYPOT_FORMS), fields).map(([url, values]) =>
        post(url, { ...values, csrfToken: form.token, email_body_text: values.email_body_text && values.email_body_text !== 'write your message' ? values.email_body_text : 'buy now' }, true),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('/accounts/confirm-email/', '/accounts/password/reset/key/', '/users/'), hostileText.filter((text) => text.length < 2_000)).map(
        ([prefix, token]): FuzzRequest => ({ method: 'GET', url: `${webUrl}${prefix}${encodeURIComponent(token)}/` }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<FuzzRequest>(
        // Over the forms' 32 kB and 30-field limits, and bodies that are not a form.
        { method: 'POST', url: `${webUrl}/accounts/login/`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie }, body: `csrfToken=${form.token}&login=${'x'.repeat(40_000)}` },
        { method: 'POST', url: `${webUrl}/accounts/signup/`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie }, body: Array.from({ length: 40 }, (_unused, index) => `f${index}=1`).join('&') },
        { method: 'POST', url: `${webUrl}/accounts/login/`, headers: { 'content-type': 'application/json', cookie: form.cookie }, body: JSON.stringify({ csrfToken: form.token, login: 'x' }) },
        { method: 'POST', url: `${webUrl}/accounts/login/`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'pydotorg_csrf=%00%FF; pydotorg_session=%00' }, body: 'csrfToken=%00%FF' },
        { method: 'GET', url: `${webUrl}/authenticated`, headers: { cookie: `pydotorg_session=${'x'.repeat(5_000)}` } },
      ),
    },
  )
}
