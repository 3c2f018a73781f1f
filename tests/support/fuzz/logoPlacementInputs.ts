/**
 * The logo placement API's parameters (issue 17): unknown publishers and flights, years out of
 * range or not numbers, repeated parameters, hostile strings, with and without the trailing slash.
 */
import fc from 'fast-check'

import type { FuzzRequest } from './FuzzTally'
import { hostileQueryValue } from './hostileValues'

const NAMES = ['publisher', 'flight', 'year', 'publisher[]', 'flight[in]', 'limit', 'page', 'where[sponsor][equals]']
const GOOD = ['psf', 'pypi', 'pycon', 'core', 'sponsors', 'download', 'jobs', '2026', '2022', '2050', '']

export function logoPlacementInputs(cmsUrl: string): fc.Arbitrary<FuzzRequest> {
  const value = fc.oneof(fc.constantFrom(...GOOD), hostileQueryValue)
  const pair = fc.tuple(fc.constantFrom(...NAMES), value).map(([name, text]) => `${encodeURIComponent(name)}=${encodeURIComponent(text)}`)
  const base = fc.constantFrom(`${cmsUrl}/api/v2/sponsors/logo-placement/`, `${cmsUrl}/api/v2/sponsors/logo-placement`)
  return fc.tuple(base, fc.array(pair, { minLength: 1, maxLength: 4 })).map(([url, pairs]) => ({ method: 'GET', url: `${url}?${pairs.join('&')}` }))
}
