import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'

import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload } from '../../support/testPayload'

const MAX_BYTES = 64
const digest = (algorithm: string, data: Buffer) => createHash(algorithm).update(data).digest('hex')

describe('release artifacts: uploads whose checksums the server computes', () => {
  let payload: Payload
  let manager: PayloadRequest
  let releaseId: number
  let windowsId: number

  beforeAll(async () => {
    payload = await createTestPayload('release_artifacts', { UPLOAD_MAX_BYTES: String(MAX_BYTES) })
    const user = await payload.create({
      collection: 'users',
      data: { email: 'rm@example.org', username: 'rm', password: 'a-long-password-1', roles: ['release-manager'] },
    })
    manager = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
    windowsId = (await payload.create({ collection: 'operating-systems', data: { name: 'Windows', slug: 'windows' } })).id
    releaseId = (await payload.create({ collection: 'releases', data: { name: 'Python 3.77.2', version: 3, releaseDate: '2031-01-01T00:00:00.000Z' } })).id
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('computes SHA-256, MD5 and size from the bytes, ignoring what the client claims, and stores the file under the data dir', async () => {
    const data = Buffer.from('MZ a pretend Windows installer\n')
    const artifact = await payload.create({
      collection: 'release-artifacts',
      data: { sha256Sum: '0'.repeat(64), md5Sum: 'forged' },
      file: { data, mimetype: 'application/octet-stream', name: 'python-3.77.2-amd64.exe', size: data.length },
      req: manager,
      overrideAccess: false,
    })
    expect(artifact).toMatchObject({ filename: 'python-3.77.2-amd64.exe', sha256Sum: digest('sha256', data), md5Sum: digest('md5', data), filesize: data.length })
    const staticDir = payload.collections['release-artifacts'].config.upload.staticDir as string
    expect(existsSync(path.join(staticDir, 'python-3.77.2-amd64.exe'))).toBe(true)
    expect(path.basename(staticDir)).toBe('release-artifacts')
  })

  it('gives a release file with only an artifact its URL, checksums and size', async () => {
    const data = Buffer.from('PK a pretend embeddable zip\n')
    const artifact = await payload.create({
      collection: 'release-artifacts',
      data: {},
      file: { data, mimetype: 'application/zip', name: 'python-3.77.2-embed-amd64.zip', size: data.length },
      req: manager,
      overrideAccess: false,
    })
    const file = await payload.create({
      collection: 'release-files',
      data: { release: releaseId, os: windowsId, name: 'Windows embeddable package (64-bit)', artifact: artifact.id, sha256Sum: 'f'.repeat(64) } as never,
      req: manager,
      overrideAccess: false,
    })
    expect(file).toMatchObject({
      url: 'https://www.python.org/ftp/python/3.77.2/python-3.77.2-embed-amd64.zip',
      sha256Sum: digest('sha256', data),
      md5Sum: digest('md5', data),
      fileSize: data.length,
      slug: '3772-Windows-embeddable-package-64-bit',
    })
  })

  it(`refuses a file over UPLOAD_MAX_BYTES (${MAX_BYTES}) with 413 and stores nothing`, async () => {
    const before = (await payload.count({ collection: 'release-artifacts', overrideAccess: true })).totalDocs
    const data = Buffer.alloc(MAX_BYTES + 1, 1)
    await expect(
      payload.create({
        collection: 'release-artifacts',
        data: {},
        file: { data, mimetype: 'application/octet-stream', name: 'too-big.bin', size: data.length },
        req: manager,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 413, message: `The file is larger than the ${MAX_BYTES} bytes allowed (UPLOAD_MAX_BYTES).` })
    expect((await payload.count({ collection: 'release-artifacts', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('lets only release managers (and admins) upload; anonymous visitors cannot read artifacts', async () => {
    const data = Buffer.from('x')
    const anonymous = await createLocalReq({}, payload)
    await expect(
      payload.create({ collection: 'release-artifacts', data: {}, file: { data, mimetype: 'text/plain', name: 'x.txt', size: 1 }, req: anonymous, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(payload.find({ collection: 'release-artifacts', req: anonymous, overrideAccess: false })).rejects.toMatchObject({ status: 403 })
  })
})
