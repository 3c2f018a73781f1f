import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminToken, call, createApiUser, type ApiUser } from '../support/legacyApiClient'

const cmsUrl = inject('cmsUrl')
const V1 = '/api/v1/downloads'
const SHA = 'a'.repeat(64)

let releaseManager: ApiUser
let editor: ApiUser
let admin: ApiUser
let draftId: number

function auth(user: ApiUser, extra: Record<string, string> = {}): RequestInit['headers'] {
  return { authorization: user.authorization, 'content-type': 'application/json', ...extra }
}

function post(path: string, user: ApiUser | null, body: unknown) {
  return call(cmsUrl, path, { method: 'POST', headers: user ? auth(user) : { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

function fileBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Windows installer (64-bit)',
    slug: '3771-Windows-installer-64-bit',
    os: '/api/v1/downloads/os/1/',
    release: `/api/v1/downloads/release/${draftId}/`,
    description: 'Recommended',
    is_source: false,
    url: 'https://www.python.org/ftp/python/3.77.1/python-3.77.1-amd64.exe',
    sha256_sum: SHA,
    filesize: 1234,
    download_button: true,
    ...overrides,
  }
}

async function fileCount(releaseId: number): Promise<number> {
  const answer = await call(cmsUrl, `${V1}/release_file/?release=${releaseId}`, { headers: auth(releaseManager) })
  return (answer.body as { meta: { total_count: number } }).meta.total_count
}

beforeAll(async () => {
  const token = await adminToken(cmsUrl, inject('adminEmail'), inject('adminPassword'))
  releaseManager = await createApiUser(cmsUrl, token, ['release-manager'], 'rm')
  editor = await createApiUser(cmsUrl, token, ['editor'], 'editor')
  admin = await createApiUser(cmsUrl, token, ['admin'], 'admin2')
  const created = await post(`${V1}/release/`, releaseManager, { name: 'Python 3.77.1', version: 3, is_published: false, release_date: '2031-01-02T03:04:05' })
  expect(created.status).toBe(201)
  draftId = Number(/\/release\/(\d+)\/$/.exec(created.headers.get('location') ?? '')?.[1])
})

// The system tests share one seeded database: leave it as seeded for the site's tests.
afterAll(async () => {
  if (draftId === undefined) return
  expect((await call(cmsUrl, `${V1}/release/${draftId}/`, { method: 'DELETE', headers: auth(releaseManager) })).status).toBe(204)
  expect((await call(cmsUrl, `${V1}/release/${draftId}/`, { headers: auth(releaseManager) })).status).toBe(404)
})

describe('GET lists and details (v1)', () => {
  it('finds an OS by slug, with tastypie meta and resource URIs, without redirecting the slash', async () => {
    const answer = await call(cmsUrl, `${V1}/os/?slug=windows`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect(answer.body).toEqual({
      meta: { limit: 20, offset: 0, total_count: 1, next: null, previous: null },
      objects: [{ name: 'Windows', slug: 'windows', resource_uri: '/api/v1/downloads/os/1/' }],
    })
  })

  it('finds a release by exact name, with "+" or "%20" for the space', async () => {
    const rest = await call(cmsUrl, '/api/releases?where[name][equals]=Python%203.14.7&depth=0')
    const doc = (rest.body as { docs: Record<string, unknown>[] }).docs[0]
    const expected = {
      name: 'Python 3.14.7',
      slug: 'python-3147',
      version: 3,
      is_published: true,
      is_latest: true,
      release_date: String(doc.releaseDate).replace(/\.\d{3}Z$/, ''),
      pre_release: false,
      release_page: doc.releasePage == null ? null : `/api/v1/pages/page/${String(doc.releasePage)}/`,
      release_notes_url: doc.releaseNotesUrl ?? '',
      show_on_download_page: true,
      resource_uri: `/api/v1/downloads/release/${String(doc.id)}/`,
    }
    for (const query of ['Python+3.14.7', 'Python%203.14.7']) {
      const answer = await call(cmsUrl, `${V1}/release/?name=${query}`)
      expect(answer.status).toBe(200)
      expect(answer.body).toEqual({ meta: { limit: 20, offset: 0, total_count: 1, next: null, previous: null }, objects: [expected] })
    }
    const detail = await call(cmsUrl, `${V1}/release/${String(doc.id)}/`)
    expect(detail.status).toBe(200)
    expect(detail.body).toEqual(expected)
  })

  it('pages with limit and offset, keeping the filters in next and previous', async () => {
    const answer = await call(cmsUrl, `${V1}/release/?version=3&limit=2&offset=2`)
    const meta = (answer.body as { meta: Record<string, unknown> }).meta
    expect(answer.status).toBe(200)
    expect(meta).toMatchObject({
      limit: 2,
      offset: 2,
      next: '/api/v1/downloads/release/?version=3&limit=2&offset=4',
      previous: '/api/v1/downloads/release/?version=3&limit=2&offset=0',
    })
    expect((answer.body as { objects: unknown[] }).objects).toHaveLength(2)
  })

  it('lists the files of a release, with relations as resource URIs', async () => {
    const releases = await call(cmsUrl, `${V1}/release/?name=Python+3.14.7`)
    const uri = (releases.body as { objects: { resource_uri: string }[] }).objects[0].resource_uri
    const id = /(\d+)\/$/.exec(uri)?.[1]
    const answer = await call(cmsUrl, `${V1}/release_file/?release=${id}&limit=0`)
    const objects = (answer.body as { objects: Record<string, unknown>[] }).objects
    expect(answer.status).toBe(200)
    expect(objects.length).toBeGreaterThan(5)
    const installer = objects.find((object) => object.name === 'Windows installer (64-bit)') as Record<string, unknown>
    expect(Object.keys(installer).sort()).toEqual(
      [
        'name', 'slug', 'os', 'release', 'description', 'is_source', 'url', 'gpg_signature_file', 'sigstore_signature_file',
        'sigstore_cert_file', 'sigstore_bundle_file', 'sbom_spdx2_file', 'md5_sum', 'sha256_sum', 'filesize', 'download_button', 'resource_uri',
      ].sort(),
    )
    expect(installer).toMatchObject({ os: '/api/v1/downloads/os/1/', release: uri, is_source: false, download_button: true, slug: '3147-Windows-installer-64-bit' })
  })

  it('answers 404 for an unknown id, an unknown resource and a non-numeric id', async () => {
    for (const path of [`${V1}/release/999999/`, `${V1}/nothing/`, `${V1}/os/abc/`]) {
      const answer = await call(cmsUrl, path)
      expect(answer.status).toBe(404)
      expect(answer.body).toHaveProperty('error_message')
    }
    expect((await call(cmsUrl, `${V1}/release/999999/`)).body).toEqual({ error_message: "No release with id '999999'." })
  })

  it('answers 400 for a bad filter value or page parameter', async () => {
    expect(await call(cmsUrl, `${V1}/release_file/?release=abc`)).toMatchObject({
      status: 400,
      body: { error_message: "Invalid value 'abc' for filter 'release': expected an integer id." },
    })
    expect(await call(cmsUrl, `${V1}/release/?limit=-1`)).toMatchObject({
      status: 400,
      body: { error_message: "Invalid limit '-1' provided. Please provide a non-negative integer." },
    })
  })

  it('shows an unpublished release and its files to release managers only (404 for others)', async () => {
    const byName = `${V1}/release/?name=Python+3.77.1`
    expect((await call(cmsUrl, byName)).body).toMatchObject({ meta: { total_count: 0 }, objects: [] })
    expect((await call(cmsUrl, byName, { headers: auth(editor) })).body).toMatchObject({ meta: { total_count: 0 } })
    expect((await call(cmsUrl, byName, { headers: auth(releaseManager) })).body).toMatchObject({
      meta: { total_count: 1 },
      objects: [{ name: 'Python 3.77.1', is_published: false, release_date: '2031-01-02T03:04:05', resource_uri: `/api/v1/downloads/release/${draftId}/` }],
    })
    expect((await call(cmsUrl, `${V1}/release/${draftId}/`)).status).toBe(404)
    expect((await call(cmsUrl, `${V1}/release/${draftId}/`, { headers: auth(releaseManager) })).status).toBe(200)
  })
})

describe('authentication and methods (v1)', () => {
  it('refuses PUT and PATCH with 405 before looking at credentials', async () => {
    const put = await call(cmsUrl, `${V1}/release/`, { method: 'PUT', body: '{}' })
    expect(put.status).toBe(405)
    const patch = await call(cmsUrl, `${V1}/release/${draftId}/`, { method: 'PATCH', body: '{}' })
    expect(patch.status).toBe(405)
    expect(patch.headers.get('allow')).toBe('GET, DELETE')
    expect(patch.body).toEqual({ error_message: 'Method not allowed here; allowed: GET, DELETE.' })
  })

  it('answers 401 without credentials, with a malformed header, or a wrong key or username', async () => {
    const body = fileBody()
    const noCredentials = await post(`${V1}/release_file/`, null, body)
    expect(noCredentials.status).toBe(401)
    expect(noCredentials.headers.get('www-authenticate')).toBe('ApiKey')
    expect(noCredentials.body).toEqual({ error_message: 'Authentication required: send "Authorization: ApiKey <username>:<key>".' })
    for (const authorization of [
      `ApiKey ${releaseManager.username}`,
      `ApiKey ${releaseManager.username}:${releaseManager.apiKey}:x`,
      `ApiKey :${releaseManager.apiKey}`,
      `users API-Key ${releaseManager.apiKey}`,
    ]) {
      const answer = await call(cmsUrl, `${V1}/release_file/`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(answer.status, authorization).toBe(401)
      expect(answer.body).toEqual({ error_message: 'Malformed Authorization header: expected "ApiKey <username>:<key>".' })
    }
    for (const authorization of [`ApiKey ${releaseManager.username}:wrong-key`, `ApiKey ${editor.username}:${releaseManager.apiKey}`]) {
      const answer = await call(cmsUrl, `${V1}/release_file/`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(answer.status).toBe(401)
      expect(answer.body).toEqual({ error_message: 'Invalid username or API key.' })
    }
    expect(await fileCount(draftId)).toBe(0)
  })

  it('refuses credentials in the query string or the body, even on reads', async () => {
    const query = await call(cmsUrl, `${V1}/os/?username=${releaseManager.username}&api_key=${releaseManager.apiKey}`)
    expect(query.status).toBe(401)
    expect(query.body).toEqual({ error_message: 'Credentials in the query string are refused: send "Authorization: ApiKey <username>:<key>".' })
    const inBody = await post(`${V1}/release_file/`, null, { ...fileBody(), username: releaseManager.username, api_key: releaseManager.apiKey })
    expect(inBody.status).toBe(401)
    expect(inBody.body).toEqual({ error_message: 'Credentials in the request body are refused: send "Authorization: ApiKey <username>:<key>".' })
  })

  it('answers 403 to a valid key without the release-manager role, and POST os/ needs an admin', async () => {
    const wrongRole = await post(`${V1}/release_file/`, editor, fileBody())
    expect(wrongRole.status).toBe(403)
    expect(wrongRole.body).toEqual({ error_message: 'Only a release manager may change release files.' })
    const osByManager = await post(`${V1}/os/`, releaseManager, { name: 'Plan 9', slug: 'plan9' })
    expect(osByManager.status).toBe(403)
    expect(osByManager.body).toEqual({ error_message: 'Only an admin may change operating systems.' })
    const osByAdmin = await post(`${V1}/os/`, admin, { name: 'Plan 9', slug: 'plan9' })
    expect(osByAdmin.status).toBe(201)
    const location = osByAdmin.headers.get('location') as string
    expect(location).toMatch(/^\/api\/v1\/downloads\/os\/\d+\/$/)
    expect((await call(cmsUrl, location)).body).toEqual({ name: 'Plan 9', slug: 'plan9', resource_uri: location })
    expect((await call(cmsUrl, location, { method: 'DELETE', headers: auth(admin) })).status).toBe(204)
    expect((await call(cmsUrl, location)).status).toBe(404)
  })
})

describe('POST and DELETE release files (v1)', () => {
  it('creates a file: 201, empty body, Location; the server sets is_source and keeps the slug', async () => {
    const answer = await post(`${V1}/release_file/`, releaseManager, fileBody({ is_source: true }))
    expect(answer.status).toBe(201)
    expect(answer.text).toBe('')
    const location = answer.headers.get('location') as string
    expect(location).toMatch(/^\/api\/v1\/downloads\/release_file\/\d+\/$/)
    const created = await call(cmsUrl, location, { headers: auth(releaseManager) })
    expect(created.body).toEqual({
      ...fileBody(),
      is_source: false,
      gpg_signature_file: '',
      sigstore_signature_file: '',
      sigstore_cert_file: '',
      sigstore_bundle_file: '',
      sbom_spdx2_file: '',
      md5_sum: '',
      resource_uri: location,
    })
  })

  it('refuses a second download button for the same release and OS: 400, nothing written', async () => {
    const before = await fileCount(draftId)
    const answer = await post(`${V1}/release_file/`, releaseManager, fileBody({ name: 'Windows installer (ARM64)', slug: '3771-Windows-installer-ARM64', url: 'https://www.python.org/ftp/python/3.77.1/python-3.77.1-arm64.exe' }))
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({
      error_message: 'The release file is invalid: download_button: This release already has a download button for this OS: "Windows installer (64-bit)".',
      'downloads/release_file': { download_button: ['This release already has a download button for this OS: "Windows installer (64-bit)".'] },
    })
    expect(await fileCount(draftId)).toBe(before)
  })

  it('refuses a bad sha256, a bad URL prefix, a bad resource URI and an unknown OS with field errors', async () => {
    const base = { download_button: false, slug: '3771-x', url: 'https://www.python.org/ftp/python/3.77.1/x.zip' }
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ sha256_sum: 'abc' }, { sha256_sum: ['A SHA-256 checksum is 64 hexadecimal characters.'] }],
      [{ url: 'https://example.org/x.zip' }, { url: ['The URL must start with https://www.python.org/ftp/python/.'] }],
      [{ os: 'windows' }, { os: ['Expected a resource URI like "/api/v1/downloads/os/<id>/", got "windows".'] }],
      [{ os: '/api/v1/downloads/os/999/' }, { os: ["Could not find the provided object via resource URI '/api/v1/downloads/os/999/'."] }],
      [{ filesize: 'big' }, { filesize: ['Expected an integer.'] }],
    ]
    const before = await fileCount(draftId)
    for (const [override, errors] of cases) {
      const answer = await post(`${V1}/release_file/`, releaseManager, fileBody({ ...base, ...override }))
      expect(answer.status, JSON.stringify(override)).toBe(400)
      expect((answer.body as Record<string, unknown>)['downloads/release_file']).toEqual(errors)
      expect((answer.body as { error_message: string }).error_message).toMatch(/^The release file is invalid: /)
    }
    const badJson = await call(cmsUrl, `${V1}/release_file/`, { method: 'POST', headers: auth(releaseManager), body: '{not json' })
    expect(badJson.status).toBe(400)
    expect(badJson.body).toEqual({ error_message: 'The request body is not valid JSON (send Content-Type: application/json).' })
    expect(await fileCount(draftId)).toBe(before)
  })

  it('refuses DELETE on the file list without exactly one release, and on other lists', async () => {
    for (const query of ['', '?release=1&release=2', '?release=x']) {
      const answer = await call(cmsUrl, `${V1}/release_file/${query}`, { method: 'DELETE', headers: auth(releaseManager) })
      expect(answer.status, query).toBe(400)
      expect(answer.body).toEqual({ error_message: "Deleting release files needs exactly one 'release' parameter holding a release id, e.g. ?release=42." })
    }
    expect((await call(cmsUrl, `${V1}/release/`, { method: 'DELETE', headers: auth(releaseManager) })).status).toBe(405)
    expect((await call(cmsUrl, `${V1}/release_file/?release=${draftId}`, { method: 'DELETE' })).status).toBe(401)
    expect((await call(cmsUrl, `${V1}/release_file/?release=${draftId}`, { method: 'DELETE', headers: auth(editor) })).status).toBe(403)
  })

  it('deletes one file (204) and answers 404 for an unknown one', async () => {
    const created = await post(`${V1}/release_file/`, releaseManager, fileBody({ download_button: false, name: 'Gzipped source tarball', slug: '3771-Gzipped-source-tarball', os: '/api/v1/downloads/os/3/', url: 'https://www.python.org/ftp/python/3.77.1/Python-3.77.1.tgz' }))
    expect(created.status).toBe(201)
    const location = created.headers.get('location') as string
    const deleted = await call(cmsUrl, location, { method: 'DELETE', headers: auth(releaseManager) })
    expect(deleted.status).toBe(204)
    expect(deleted.text).toBe('')
    const again = await call(cmsUrl, location, { method: 'DELETE', headers: auth(releaseManager) })
    expect(again.status).toBe(404)
  })

  it('deletes every file of a release (204)', async () => {
    expect(await fileCount(draftId)).toBeGreaterThan(0)
    const answer = await call(cmsUrl, `${V1}/release_file/?release=${draftId}`, { method: 'DELETE', headers: auth(releaseManager) })
    expect(answer.status).toBe(204)
    expect(await fileCount(draftId)).toBe(0)
  })
})

describe('atomic requests (v1)', () => {
  it('rolls back the whole request: a failed "latest" release leaves the current latest untouched', async () => {
    // Saving with is_latest demotes Python 3.14.7 first (a hook, same transaction); the insert then
    // fails on the duplicate slug. Nothing of the request may remain.
    const answer = await post(`${V1}/release/`, releaseManager, { name: 'Python 3.77.9', slug: 'python-3147', version: 3, is_latest: true, is_published: true })
    expect(answer.status).toBe(400)
    expect((answer.body as Record<string, unknown>)['downloads/release']).toHaveProperty('slug')
    const latest = await call(cmsUrl, `${V1}/release/?name=Python+3.14.7`)
    expect((latest.body as { objects: { is_latest: boolean }[] }).objects[0].is_latest).toBe(true)
    expect((await call(cmsUrl, `${V1}/release/?name=Python+3.77.9`, { headers: auth(releaseManager) })).body).toMatchObject({ meta: { total_count: 0 } })
  })
})

describe('read-only v2', () => {
  it('serves plain arrays with absolute hyperlinks', async () => {
    const os = await call(cmsUrl, '/api/v2/downloads/os/')
    expect(os.status).toBe(200)
    expect(os.headers.get('cache-control')).toBe('no-store')
    expect((os.body as unknown[]).slice(0, 1)).toEqual([{ name: 'Windows', slug: 'windows', resource_uri: `${cmsUrl}/api/v2/downloads/os/1/` }])
    const releases = await call(cmsUrl, '/api/v2/downloads/release/?name=Python%203.14.7')
    const release = (releases.body as Record<string, string>[])[0]
    expect(release.release_date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    const id = /(\d+)\/$/.exec(release.resource_uri)?.[1]
    const files = await call(cmsUrl, `/api/v2/downloads/release_file/?release=${id}`)
    expect(Array.isArray(files.body)).toBe(true)
    expect((files.body as Record<string, string>[])[0].release).toBe(release.resource_uri)
  })

  it('refuses unknown filters with 400 and writes with 405', async () => {
    expect(await call(cmsUrl, '/api/v2/downloads/release_file/?colour=red')).toMatchObject({ status: 400, body: { error_message: "Unknown filter 'colour'." } })
    expect((await call(cmsUrl, '/api/v2/downloads/os/', { method: 'POST', headers: auth(admin), body: '{}' })).status).toBe(405)
  })
})
