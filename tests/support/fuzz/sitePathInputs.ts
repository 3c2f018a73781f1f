/**
 * Odd addresses on the public site: NUL bytes, overlong UTF-8, `..` in every encoding, double
 * encoding, very long paths, control and bidi characters, and odd query strings, under the
 * site's real prefixes (so the routes that look slugs up in the CMS see them).
 */
import fc from 'fast-check'

import type { FuzzRequest } from './FuzzTally'
import { hostileQueryValue } from './hostileValues'

const PREFIXES = [
  '/', '/downloads/', '/downloads/release/', '/downloads/windows/', '/downloads/latest/', '/success-stories/', '/success-stories/category/',
  '/events/', '/events/python-events/', '/events/python-events/category/', '/about/', '/doc/', '/boxes/', '/preview/pages/', '/static/',
  '/static/css/', '/search/', '/jobs/', '/blogs/', '/feeds/', '/_purge', '/health/', '/community/',
]

const ODD_SEGMENTS = [
  '%00', 'a%00b', '%C0%AE%C0%AE', '%C0%AF', '%E0%80%AE', '%2e%2e', '..', '.', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..%2F..%2F..%2Fpackage.json',
  '%252e%252e%252f', '%25', '%', '%G0', '%E0%A4%A', '%FF%FE', '%ED%A0%80', '%EF%BF%BF', '%E2%80%AE', '%0d%0aSet-Cookie:%20x=1', '%0A', '%09',
  '%20', '+', ';', ';jsessionid=1', '\\', '%5C..%5C', '//', '~', '%7e', 'index.php', '.env', '.git/config', 'wp-admin/', '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  'python-3147', 'python-3147%00', 'PYTHON-3147', '999999999999999999999', '-1', '0', '%F0%9F%90%8D', 'ü', 'über', 'a'.repeat(300),
]

const segment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_SEGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 7_000 }).map((length) => 'a'.repeat(length)) },
)

const queryString = fc.oneof(
  fc.constant(''),
  fc.array(fc.tuple(fc.constantFrom('q', 'page', 'year', 'month', 'submitted', 'deep', 'token', 'utm_source', '__proto__[x]', 'a[b][c][d]', 'q[]', ''), hostileQueryValue), { maxLength: 4 })
    .map((pairs) => `?${pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`),
  fc.constantFrom('?', '??', '?&&&', '?=', '?%', '?q=%ZZ', `?${'a=1&'.repeat(1_000)}`, '?page=-1', '?page=99999999999999999999', '?q=%00'),
)

export function sitePathInputs(webUrl: string): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      fc.constantFrom(...PREFIXES),
      fc.array(segment, { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      queryString,
      fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'OPTIONS', 'PURGE', 'DELETE'),
    )
    .map(([prefix, segments, trailingSlash, query, method]) => ({
      method,
      url: `${webUrl}${prefix}${segments.join('/')}${trailingSlash ? '/' : ''}${query}`,
      headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined,
      body: method === 'POST' ? 'a=1' : undefined,
    }))
}
