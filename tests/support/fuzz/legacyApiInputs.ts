/**
 * python.org's release tooling API (/api/v1/downloads/), fed what the tooling never sends:
 * wrong types in every field, resource URIs that point nowhere or past Postgres' integers,
 * malformed bodies, junk filters, mangled ApiKey headers. Every write leaves its `name` empty,
 * so none is valid; DELETEs only name ids that cannot exist.
 */
import fc from 'fast-check'

import type { FuzzRequest } from './FuzzTally'
import { hostileJson, hostileQueryValue, malformedJsonBody } from './hostileValues'

const BAD_URIS = [
  '/api/v1/downloads/os/99999999999/', '/api/v1/downloads/os/0/', '/api/v1/downloads/os/-1/', '/api/v1/downloads/os/abc/', '/api/v1/downloads/release/2147483648/',
  'http://evil.example/api/v1/downloads/os/1/', '/api/v1/downloads/os/1/../../release/1/', '/api/v2/downloads/os/1', '../../etc/passwd', '', 42, null, {}, ['/api/v1/downloads/os/1/'],
]

const releaseFileField = fc.constantFrom('slug', 'os', 'release', 'description', 'is_source', 'url', 'gpg_signature_file', 'sha256_sum', 'md5_sum', 'filesize', 'download_button', 'sbom_spdx2_file', 'resource_uri', 'id', '__proto__')
const releaseField = fc.constantFrom('slug', 'version', 'is_published', 'is_latest', 'release_date', 'pre_release', 'release_page', 'release_notes_url', 'show_on_download_page', 'content', 'id')

function invalidObject(fields: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const value = fc.oneof(hostileJson, fc.constantFrom(...BAD_URIS))
  return fc.dictionary(fields, value, { maxKeys: 8 }).map((object) => JSON.stringify({ ...object, name: null }))
}

const junkFilters = fc
  .array(fc.tuple(fc.constantFrom('release', 'os', 'os__slug', 'slug', 'name', 'version', 'version__startswith', 'is_published', 'pre_release', 'release_date__gte', 'release_date__lt', 'release_date__nope', 'description__contains', 'limit', 'offset', 'format', 'order_by', '__proto__'), hostileQueryValue), { minLength: 1, maxLength: 4 })
  .map((pairs) => pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&'))

const junkId = fc.constantFrom('abc', '99999999999', '-1', '0', '1.5', '%00', '2147483647', '1e3')

export function legacyApiInputs(cmsUrl: string, authorization: string): fc.Arbitrary<FuzzRequest> {
  const base = `${cmsUrl}/api/v1/downloads`
  const json = { authorization, 'content-type': 'application/json' }
  return fc.oneof(
    { weight: 3, arbitrary: invalidObject(releaseFileField).map((body): FuzzRequest => ({ method: 'POST', url: `${base}/release_file/`, headers: json, body })) },
    { weight: 2, arbitrary: invalidObject(releaseField).map((body): FuzzRequest => ({ method: 'POST', url: `${base}/release/`, headers: json, body })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('release', 'release_file', 'os'), malformedJsonBody).map(([resource, body]): FuzzRequest => ({ method: 'POST', url: `${base}/${resource}/`, headers: json, body })) },
    { weight: 1, arbitrary: fc.constantFrom('release', 'release_file').map((resource): FuzzRequest => ({ method: 'POST', url: `${base}/${resource}/`, headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x&api_key=y' })) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('v1', 'v2'), fc.constantFrom('os', 'release', 'release_file'), junkFilters, fc.boolean()).map(([version, resource, query, signedIn]): FuzzRequest => ({
      method: 'GET',
      url: `${cmsUrl}/api/${version}/downloads/${resource}/?${query}`,
      headers: signedIn ? { authorization } : undefined,
    })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('os', 'release', 'release_file'), junkId, fc.constantFrom('GET', 'DELETE', 'PUT', 'PATCH')).map(([resource, id, method]): FuzzRequest => ({ method, url: `${base}/${resource}/${id}/`, headers: json, body: method === 'PUT' || method === 'PATCH' ? '{}' : undefined })) },
    { weight: 1, arbitrary: junkId.map((id): FuzzRequest => ({ method: 'DELETE', url: `${base}/release_file/?release=${id}&release=${id}`, headers: { authorization } })) },
    { weight: 1, arbitrary: junkId.filter((id) => id !== '2147483647').map((id): FuzzRequest => ({ method: 'DELETE', url: `${base}/release_file/?release=${id}`, headers: { authorization } })) },
    { weight: 2, arbitrary: fc.constantFrom('ApiKey', 'ApiKey ', 'ApiKey :', 'ApiKey user:', 'ApiKey :key', `ApiKey ${'a'.repeat(5_000)}:${'b'.repeat(5_000)}`, 'ApiKey a:b:c', 'Basic YTpi', 'Bearer x', 'ApiKey \u00e9:\u00e9', 'apikey x:y').map((header): FuzzRequest => ({
      method: 'POST',
      url: `${base}/release_file/`,
      headers: { authorization: header, 'content-type': 'application/json' },
      body: '{"name": null}',
    })) },
  )
}
