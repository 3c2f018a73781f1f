/**
 * The sponsorship assets API's parameters (issue 17): missing, long, repeated and hostile
 * internal names, list_empty values that are not booleans, with and without the trailing slash.
 */
import fc from 'fast-check'

import type { FuzzRequest } from './FuzzTally'
import { hostileQueryValue } from './hostileValues'

const NAMES = ['internal_name', 'list_empty', 'internal_name[]', 'where[internalName][equals]', 'limit', 'depth']
const GOOD = ['web_logo', 'pypi_blurb', 'landing_page_link', 'true', 'false', '1', '0', '', 'x'.repeat(129)]

export function sponsorshipAssetApiInputs(cmsUrl: string): fc.Arbitrary<FuzzRequest> {
  const value = fc.oneof(fc.constantFrom(...GOOD), hostileQueryValue)
  const pair = fc.tuple(fc.constantFrom(...NAMES), value).map(([name, text]) => `${encodeURIComponent(name)}=${encodeURIComponent(text)}`)
  const base = fc.constantFrom(`${cmsUrl}/api/v2/sponsors/sponsorship-assets/`, `${cmsUrl}/api/v2/sponsors/sponsorship-assets`)
  return fc.tuple(base, fc.array(pair, { minLength: 0, maxLength: 4 })).map(([url, pairs]) => ({ method: 'GET', url: pairs.length === 0 ? url : `${url}?${pairs.join('&')}` }))
}
