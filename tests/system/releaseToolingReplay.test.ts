import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminToken, call, createApiUser, type ApiUser } from '../support/legacyApiClient'
import { addToPydotorg, ToolingFailure, type ToolingFile } from '../support/releaseTooling'

const cmsUrl = inject('cmsUrl')
const webUrl = inject('webUrl')
const RELEASE = '3.78.0rc1'

/** A realistic FTP directory for one release candidate (rt's tests/fake-ftp-files.txt, trimmed). */
const FILES: ToolingFile[] = [
  'Python-3.78.0rc1.tgz',
  'Python-3.78.0rc1.tar.xz',
  'python-3.78.0rc1-amd64.exe',
  'python-3.78.0rc1-arm64.exe',
  'python-3.78.0rc1.exe',
  'python-3.78.0rc1-embed-amd64.zip',
  'python-3.78.0rc1-embed-arm64.zip',
  'python-3.78.0rc1-embed-win32.zip',
  'python-3.78.0rc1-macos11.pkg',
  'Python-3.78.0rc1-aarch64-linux-android.tar.gz',
  'Python-3.78.0rc1-x86_64-linux-android.tar.gz',
  'Python-3.78.0rc1-iOS-XCframework.tar.gz',
].map((filename, index) => ({
  filename,
  sha256: randomBytes(32).toString('hex'),
  size: 1000 + index,
  sidecars: filename.endsWith('.tgz') || filename.endsWith('.tar.xz') ? ['.asc', '.sig', '.crt', '.sigstore', '.spdx.json'] : ['.sigstore'],
}))

let manager: ApiUser
let releaseId: number

async function filesOf(id: number, authorization?: string) {
  const answer = await call(cmsUrl, `/api/v1/downloads/release_file/?release=${id}&limit=0`, { headers: authorization ? { authorization } : {} })
  return (answer.body as { objects: Record<string, unknown>[] }).objects
}

beforeAll(async () => {
  const token = await adminToken(cmsUrl, inject('adminEmail'), inject('adminPassword'))
  manager = await createApiUser(cmsUrl, token, ['release-manager'], 'replay-rm')
  // Release day step 1: the release manager creates the (unpublished) release.
  const created = await call(cmsUrl, '/api/releases', {
    method: 'POST',
    headers: { authorization: `users API-Key ${manager.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Python ${RELEASE}`, version: 3, preRelease: true, isPublished: false, releaseDate: '2031-05-06T00:00:00.000Z' }),
  })
  expect(created.status).toBe(201)
  releaseId = (created.body as { doc: { id: number } }).doc.id
})

// The system tests share one seeded database: leave it as seeded for the site's tests.
afterAll(async () => {
  if (releaseId === undefined) return
  const deleted = await call(cmsUrl, `/api/v1/downloads/release/${releaseId}/`, { method: 'DELETE', headers: { authorization: manager.authorization } })
  expect(deleted.status).toBe(204)
})

describe("python.org's release tooling, replayed against the legacy API", () => {
  it('posts every file of an unpublished release, twice, with the same result', async () => {
    const authInfo = `${manager.username}:${manager.apiKey}`
    const first = await addToPydotorg({ baseUrl: `${cmsUrl}/api/v1`, authInfo, release: RELEASE, files: FILES })
    expect(first.map((entry) => `${entry.method} ${entry.path} ${entry.status}`).slice(0, 4)).toEqual([
      `GET downloads/release/?name=Python+${RELEASE} 200`,
      `DELETE downloads/release_file/?release=${releaseId} 204`,
      'GET downloads/os/?slug=source 200',
      'POST downloads/release_file/ 201',
    ])
    const afterFirst = await filesOf(releaseId, manager.authorization)
    expect(afterFirst).toHaveLength(FILES.length)

    await addToPydotorg({ baseUrl: `${cmsUrl}/api/v1/`, authInfo, release: RELEASE, files: FILES })
    const afterSecond = await filesOf(releaseId, manager.authorization)
    const shape = (objects: Record<string, unknown>[]) => objects.map(({ resource_uri: _uri, ...rest }) => rest).sort((a, b) => String(a.url).localeCompare(String(b.url)))
    expect(shape(afterSecond)).toEqual(shape(afterFirst))
    const tarball = afterSecond.find((object) => String(object.url).endsWith('.tar.xz'))
    expect(tarball).toMatchObject({
      name: 'XZ compressed source tarball',
      slug: '3780-rc1-XZ-compressed-source-tarball',
      os: '/api/v1/downloads/os/3/',
      is_source: true,
      download_button: true,
      sbom_spdx2_file: 'https://www.python.org/ftp/python/3.78.0/Python-3.78.0rc1.tar.xz.spdx.json',
    })
    // Unpublished: nobody else sees the release or its files.
    expect(await filesOf(releaseId)).toEqual([])
  })

  it('on a failed post, removes the files it created in this run, newest first', async () => {
    const broken = [...FILES.slice(0, 3), { ...FILES[3], sha256: 'not-a-checksum' }]
    const authInfo = `${manager.username}:${manager.apiKey}`
    await expect(addToPydotorg({ baseUrl: `${cmsUrl}/api/v1`, authInfo, release: RELEASE, files: broken })).rejects.toThrow(ToolingFailure)
    expect(await filesOf(releaseId, manager.authorization)).toEqual([])
    // A good run afterwards restores everything.
    await addToPydotorg({ baseUrl: `${cmsUrl}/api/v1`, authInfo, release: RELEASE, files: FILES })
    expect(await filesOf(releaseId, manager.authorization)).toHaveLength(FILES.length)
  })

  it('once published, the release data lists exactly the posted files', async () => {
    const published = await call(cmsUrl, `/api/releases/${releaseId}`, {
      method: 'PATCH',
      headers: { authorization: `users API-Key ${manager.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ isPublished: true }),
    })
    expect(published.status).toBe(200)
    const visible = await filesOf(releaseId)
    expect(visible.map((object) => object.url).sort()).toEqual(FILES.map((file) => `https://www.python.org/ftp/python/3.78.0/${file.filename}`).sort())
    const rest = await call(cmsUrl, `/api/release-files?where[release][equals]=${releaseId}&limit=0&depth=0`)
    expect((rest.body as { totalDocs: number }).totalDocs).toBe(FILES.length)
    // The site's release page links exactly those files (plus their signature and SBOM sidecars).
    const page = await fetch(`${webUrl}/downloads/release/python-3780rc1/`, { redirect: 'manual' })
    expect(page.status).toBe(200)
    const html = await page.text()
    const linked = new Set(
      [...html.matchAll(/href="(https:\/\/www\.python\.org\/ftp\/python\/3\.78\.0\/[^"]+)"/g)]
        .map((match) => match[1])
        .filter((href) => !/\.(asc|sig|crt|sigstore|spdx\.json)$/.test(href)),
    )
    expect([...linked].sort()).toEqual(FILES.map((file) => `https://www.python.org/ftp/python/3.78.0/${file.filename}`).sort())
  })
})
