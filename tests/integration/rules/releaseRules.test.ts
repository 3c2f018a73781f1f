import { sql } from '@payloadcms/db-postgres'
import { ValidationError, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Release, ReleaseFile, User } from '../../../collections/generated/payload-types'
import { createRoleUsers } from '../../support/accessUsers'
import { createTestPayload } from '../../support/testPayload'

const PREFIX = 'https://www.python.org/ftp/python/'

/** The promise's rejection; fails the test when the write went through. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the write to be rejected, but it succeeded')
    },
    (error: unknown) => error,
  )
}

/** The field errors of a ValidationError, as `{ path, message }`. */
async function validationErrorsOf(promise: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  const error = await rejectionOf(promise)
  expect(error).toBeInstanceOf(ValidationError)
  return (error as ValidationError).data.errors.map(({ path, message }) => ({ path, message }))
}

/** The Postgres error behind a failed statement (drizzle wraps it in `cause`). */
async function postgresErrorOf(promise: Promise<unknown>): Promise<{ code?: string; constraint?: string }> {
  let current: unknown = await rejectionOf(promise)
  while (current && typeof current === 'object') {
    if (typeof (current as { code?: unknown }).code === 'string') return current as { code: string; constraint?: string }
    current = (current as { cause?: unknown }).cause
  }
  return {}
}

describe('release rules (issue 2), on the Local API as a release manager and in the database', () => {
  let payload: Payload
  let releaseManager: User
  let windows: number
  let macos: number
  let source: number
  const asReleaseManager = () => ({ user: releaseManager, overrideAccess: false, depth: 0 }) as const

  const createRelease = (data: Partial<Release> & { name: string }) =>
    payload.create({
      collection: 'releases',
      data: { version: 3, isPublished: true, releaseDate: '2030-01-01T00:00:00.000Z', ...data },
      ...asReleaseManager(),
    })
  const createFile = (data: Partial<ReleaseFile> & { release: number; os: number; name: string; url: string }) =>
    payload.create({ collection: 'release-files', data, ...asReleaseManager() })
  const releaseById = (id: number) => payload.findByID({ collection: 'releases', id, depth: 0 })
  const fileById = (id: number) => payload.findByID({ collection: 'release-files', id, depth: 0 })
  const countFiles = async () => (await payload.count({ collection: 'release-files' })).totalDocs

  beforeAll(async () => {
    payload = await createTestPayload('release_rules')
    releaseManager = (await createRoleUsers(payload, 'rules'))['release-manager']
    const os = async (name: string, slug: string) =>
      (await payload.create({ collection: 'operating-systems', data: { name, slug }, overrideAccess: true })).id
    windows = await os('Windows', 'windows')
    macos = await os('macOS', 'macos')
    source = await os('Source release', 'source')
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  describe('isLatest', () => {
    it('clears isLatest on the other releases of the same version only, on create and on update', async () => {
      const older3 = await createRelease({ name: 'Python 3.13.1', isLatest: true })
      const latest2 = await createRelease({ name: 'Python 2.7.17', version: 2, isLatest: true })
      const newer3 = await createRelease({ name: 'Python 3.13.2', isLatest: true })
      expect((await releaseById(older3.id)).isLatest).toBe(false)
      expect((await releaseById(latest2.id)).isLatest).toBe(true)
      expect(newer3.isLatest).toBe(true)

      await payload.update({ collection: 'releases', id: older3.id, data: { isLatest: true }, ...asReleaseManager() })
      expect((await releaseById(older3.id)).isLatest).toBe(true)
      expect((await releaseById(newer3.id)).isLatest).toBe(false)
      expect((await releaseById(latest2.id)).isLatest).toBe(true)

      // Saving a release that is not latest leaves the flags alone.
      await payload.update({ collection: 'releases', id: newer3.id, data: { preRelease: false }, ...asReleaseManager() })
      const flagged = await payload.find({ collection: 'releases', where: { isLatest: { equals: true } }, sort: 'name', depth: 0 })
      expect(flagged.docs.map((release) => release.name)).toEqual(['Python 2.7.17', 'Python 3.13.1'])
    })

    it('is backed by a partial unique index: SQL cannot make two releases of one version latest', async () => {
      const notLatest = await payload.find({ collection: 'releases', where: { name: { equals: 'Python 3.13.2' } }, depth: 0 })
      const id = notLatest.docs[0].id
      const error = await postgresErrorOf(payload.db.drizzle.execute(sql`UPDATE "releases" SET "is_latest" = true WHERE "id" = ${id}`))
      expect(error).toMatchObject({ code: '23505', constraint: 'releases_one_latest_per_version' })
      expect((await releaseById(id)).isLatest).toBe(false)
      // Another version may have its own latest release.
      const v100 = await createRelease({ name: 'Python install manager 25.0', version: 100 })
      await payload.db.drizzle.execute(sql`UPDATE "releases" SET "is_latest" = true WHERE "id" = ${v100.id}`)
      expect((await releaseById(v100.id)).isLatest).toBe(true)
    })
  })

  describe('one download button per release and OS', () => {
    let release: Release
    let otherRelease: Release
    let button: ReleaseFile

    beforeAll(async () => {
      release = await createRelease({ name: 'Python 3.12.1' })
      otherRelease = await createRelease({ name: 'Python 3.12.2' })
      button = await createFile({
        release: release.id,
        os: windows,
        name: 'Windows installer (64-bit)',
        url: `${PREFIX}3.12.1/python-3.12.1-amd64.exe`,
        downloadButton: true,
      })
    })

    it('refuses a second download-button file for the same release and OS, writing nothing', async () => {
      const before = await countFiles()
      const errors = await validationErrorsOf(
        createFile({ release: release.id, os: windows, name: 'Windows installer (ARM64)', url: `${PREFIX}3.12.1/python-3.12.1-arm64.exe`, downloadButton: true }),
      )
      expect(errors).toEqual([
        { path: 'downloadButton', message: 'This release already has a download button for this OS: "Windows installer (64-bit)".' },
      ])
      expect(await countFiles()).toBe(before)
    })

    it('refuses turning the button on for a second file of the same release and OS', async () => {
      const plain = await createFile({ release: release.id, os: windows, name: 'Windows embeddable package (64-bit)', url: `${PREFIX}3.12.1/python-3.12.1-embed-amd64.zip` })
      const errors = await validationErrorsOf(
        payload.update({ collection: 'release-files', id: plain.id, data: { downloadButton: true }, ...asReleaseManager() }),
      )
      expect(errors).toEqual([
        { path: 'downloadButton', message: 'This release already has a download button for this OS: "Windows installer (64-bit)".' },
      ])
      expect((await fileById(plain.id)).downloadButton).toBe(false)
    })

    it('accepts a button for another OS of the same release, and for the same OS of another release', async () => {
      const mac = await createFile({ release: release.id, os: macos, name: 'macOS 64-bit universal2 installer', url: `${PREFIX}3.12.1/python-3.12.1-macos11.pkg`, downloadButton: true })
      const other = await createFile({ release: otherRelease.id, os: windows, name: 'Windows installer (64-bit)', url: `${PREFIX}3.12.2/python-3.12.2-amd64.exe`, downloadButton: true })
      expect([mac.downloadButton, other.downloadButton]).toEqual([true, true])
    })

    it('keeps accepting updates of the file that holds the button', async () => {
      const updated = await payload.update({
        collection: 'release-files',
        id: button.id,
        data: { description: 'For most Windows users', downloadButton: true },
        ...asReleaseManager(),
      })
      expect(updated).toMatchObject({ description: 'For most Windows users', downloadButton: true })
    })

    it('is backed by a partial unique index: SQL cannot insert or set a second button', async () => {
      const before = await countFiles()
      const insert = await postgresErrorOf(
        payload.db.drizzle.execute(sql`
          INSERT INTO "release_files" ("release_id", "os_id", "name", "url", "download_button")
          VALUES (${release.id}, ${windows}, 'Sneaky installer', ${`${PREFIX}3.12.1/sneaky.exe`}, true)`),
      )
      expect(insert).toMatchObject({ code: '23505', constraint: 'release_files_one_download_button_per_os' })
      expect(await countFiles()).toBe(before)

      const plain = await payload.find({ collection: 'release-files', where: { name: { equals: 'Windows embeddable package (64-bit)' } }, depth: 0 })
      const update = await postgresErrorOf(
        payload.db.drizzle.execute(sql`UPDATE "release_files" SET "download_button" = true WHERE "id" = ${plain.docs[0].id}`),
      )
      expect(update).toMatchObject({ code: '23505', constraint: 'release_files_one_download_button_per_os' })
      expect((await fileById(plain.docs[0].id)).downloadButton).toBe(false)
    })
  })

  describe('file URLs, sidecars and checksums', () => {
    let release: Release
    const url = `${PREFIX}3.11.9/Python-3.11.9.tar.xz`
    const validFile = () => ({ release: release.id, os: source, name: 'XZ compressed source tarball', url })

    beforeAll(async () => {
      release = await createRelease({ name: 'Python 3.11.9' })
    })

    it.each([
      ['another host', 'https://example.org/python/3.11.9/Python-3.11.9.tar.xz', 'The URL must start with https://www.python.org/ftp/python/.'],
      ['plain http', 'http://www.python.org/ftp/python/3.11.9/Python-3.11.9.tar.xz', 'The URL must start with https://www.python.org/ftp/python/.'],
      ['the prefix alone', PREFIX, 'The URL must start with https://www.python.org/ftp/python/.'],
      ['a space', `${PREFIX}3.11.9/Python 3.11.9.tar.xz`, 'A URL may not contain spaces.'],
    ])('refuses a file URL with %s, writing nothing', async (_case, badUrl, message) => {
      const before = await countFiles()
      expect(await validationErrorsOf(createFile({ ...validFile(), url: badUrl }))).toEqual([{ path: 'url', message }])
      expect(await countFiles()).toBe(before)
    })

    it('accepts the sidecar URLs that are the file URL plus .asc, .sig, .crt, .sigstore, .spdx.json', async () => {
      const file = await createFile({
        ...validFile(),
        gpgSignatureFile: `${url}.asc`,
        sigstoreSignatureFile: `${url}.sig`,
        sigstoreCertFile: `${url}.crt`,
        sigstoreBundleFile: `${url}.sigstore`,
        sbomSpdx2File: `${url}.spdx.json`,
        md5Sum: 'AB'.repeat(16),
        sha256Sum: 'c0ffee00'.repeat(8),
      })
      expect(file).toMatchObject({ url, gpgSignatureFile: `${url}.asc`, sbomSpdx2File: `${url}.spdx.json`, sha256Sum: 'c0ffee00'.repeat(8) })

      // An update of one sidecar is checked against the stored URL.
      const errors = await validationErrorsOf(
        payload.update({ collection: 'release-files', id: file.id, data: { sigstoreCertFile: `${url}.pem` }, ...asReleaseManager() }),
      )
      expect(errors).toEqual([{ path: 'sigstoreCertFile', message: `This must be the file URL plus ".crt": ${url}.crt.` }])
      expect((await fileById(file.id)).sigstoreCertFile).toBe(`${url}.crt`)
      // Moving the file without its sidecars is refused too.
      const moved = `${PREFIX}3.11.9/Python-3.11.9.tgz`
      expect(
        (await validationErrorsOf(payload.update({ collection: 'release-files', id: file.id, data: { url: moved, gpgSignatureFile: `${moved}.asc` }, ...asReleaseManager() }))).map((e) => e.path),
      ).toEqual(['sigstoreSignatureFile', 'sigstoreCertFile', 'sigstoreBundleFile', 'sbomSpdx2File'])
      expect((await fileById(file.id)).url).toBe(url)
    })

    it('refuses every sidecar URL that is not the file URL plus its suffix, naming each field', async () => {
      const before = await countFiles()
      const errors = await validationErrorsOf(
        createFile({
          ...validFile(),
          url: `${PREFIX}3.11.9/Python-3.11.9.tgz`,
          gpgSignatureFile: `${PREFIX}3.11.9/Python-3.11.9.tgz.sig`,
          sigstoreSignatureFile: `${PREFIX}3.11.9/Python-3.11.9.tar.xz.sig`,
          sigstoreCertFile: `${PREFIX}3.11.9/Python-3.11.9.tgz.pem`,
          sigstoreBundleFile: `https://example.org/Python-3.11.9.tgz.sigstore`,
          sbomSpdx2File: `${PREFIX}3.11.9/Python-3.11.9.tgz.spdx`,
        }),
      )
      const base = `${PREFIX}3.11.9/Python-3.11.9.tgz`
      expect(errors).toEqual([
        { path: 'gpgSignatureFile', message: `This must be the file URL plus ".asc": ${base}.asc.` },
        { path: 'sigstoreSignatureFile', message: `This must be the file URL plus ".sig": ${base}.sig.` },
        { path: 'sigstoreCertFile', message: `This must be the file URL plus ".crt": ${base}.crt.` },
        { path: 'sigstoreBundleFile', message: `This must be the file URL plus ".sigstore": ${base}.sigstore.` },
        { path: 'sbomSpdx2File', message: `This must be the file URL plus ".spdx.json": ${base}.spdx.json.` },
      ])
      expect(await countFiles()).toBe(before)
    })

    it.each([
      ['sha256Sum', 'ab'.repeat(31) + 'a', 'A SHA-256 checksum is 64 hexadecimal characters.'],
      ['sha256Sum', 'g'.repeat(64), 'A SHA-256 checksum is 64 hexadecimal characters.'],
      ['sha256Sum', 'ab'.repeat(33), 'A SHA-256 checksum is 64 hexadecimal characters.'],
      ['md5Sum', 'ab'.repeat(15), 'An MD5 checksum is 32 hexadecimal characters.'],
      ['md5Sum', 'z'.repeat(32), 'An MD5 checksum is 32 hexadecimal characters.'],
    ] as const)('refuses %s %s', async (field, value, message) => {
      const before = await countFiles()
      const data = { ...validFile(), url: `${PREFIX}3.11.9/checksum-${field}-${value}.exe`, [field]: value }
      expect(await validationErrorsOf(createFile(data))).toEqual([{ path: field, message }])
      expect(await countFiles()).toBe(before)
    })
  })

  describe('derived fields', () => {
    let release: Release

    beforeAll(async () => {
      release = await createRelease({ name: 'Python 3.14.7' })
    })

    it('derives a blank slug as the release tooling does and sets isSource from the OS, whatever the client sent', async () => {
      const tarball = await createFile({ release: release.id, os: source, name: 'XZ compressed source tarball', url: `${PREFIX}3.14.7/Python-3.14.7.tar.xz`, isSource: false })
      expect(tarball).toMatchObject({ slug: '3147-XZ-compressed-source-tarball', isSource: true })
      const installer = await createFile({ release: release.id, os: windows, name: 'Windows installer (64-bit)', url: `${PREFIX}3.14.7/python-3.14.7-amd64.exe`, slug: '', isSource: true })
      expect(installer).toMatchObject({ slug: '3147-Windows-installer-64-bit', isSource: false })

      const candidate = await createRelease({ name: 'Python 3.15.0rc2' })
      const rcFile = await createFile({ release: candidate.id, os: source, name: 'Gzipped source tarball', url: `${PREFIX}3.15.0/Python-3.15.0rc2.tgz` })
      expect(rcFile.slug).toBe('3150-rc2-Gzipped-source-tarball')
    })

    it('keeps a slug the client gave, and follows the OS on update', async () => {
      const file = await createFile({ release: release.id, os: windows, name: 'Windows installer (ARM64)', url: `${PREFIX}3.14.7/python-3.14.7-arm64.exe`, slug: 'custom-arm64' })
      expect(file).toMatchObject({ slug: 'custom-arm64', isSource: false })
      const moved = await payload.update({ collection: 'release-files', id: file.id, data: { os: source }, ...asReleaseManager() })
      expect(moved.isSource).toBe(true)
      const forced = await payload.update({ collection: 'release-files', id: file.id, data: { isSource: false }, ...asReleaseManager() })
      expect(forced.isSource).toBe(true)
      const back = await payload.update({ collection: 'release-files', id: file.id, data: { os: windows, isSource: true }, ...asReleaseManager() })
      expect(back).toMatchObject({ slug: 'custom-arm64', isSource: false })
    })
  })
})
