import { createHash } from 'node:crypto'

import { beforeAll, describe, expect, inject, it } from 'vitest'

import { adminToken, call, createApiUser, type ApiUser } from '../support/legacyApiClient'

const cmsUrl = inject('cmsUrl')

let manager: ApiUser
let editor: ApiUser

function upload(user: ApiUser, name: string, bytes: Buffer, fields: Record<string, string> = {}) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), name)
  form.append('_payload', JSON.stringify(fields))
  return call(cmsUrl, '/api/release-artifacts', { method: 'POST', headers: { authorization: `users API-Key ${user.apiKey}` }, body: form })
}

beforeAll(async () => {
  const token = await adminToken(cmsUrl, inject('adminEmail'), inject('adminPassword'))
  manager = await createApiUser(cmsUrl, token, ['release-manager'], 'upload-rm')
  editor = await createApiUser(cmsUrl, token, ['editor'], 'upload-editor')
})

describe('uploading release artifacts over HTTP', () => {
  it('stores an installer and computes its checksums and size on the server', async () => {
    const bytes = Buffer.from('MZ pretend installer for 3.79.0\n'.repeat(100))
    const answer = await upload(manager, 'python-3.79.0-amd64.exe', bytes, { sha256Sum: '0'.repeat(64) })
    expect(answer.status).toBe(201)
    const doc = (answer.body as { doc: Record<string, unknown> }).doc
    expect(doc).toMatchObject({
      filename: 'python-3.79.0-amd64.exe',
      filesize: bytes.length,
      sha256Sum: createHash('sha256').update(bytes).digest('hex'),
      md5Sum: createHash('md5').update(bytes).digest('hex'),
    })
    // Staff can fetch the stored bytes back; the public cannot.
    const file = await fetch(`${cmsUrl}/api/release-artifacts/file/python-3.79.0-amd64.exe`, { headers: { authorization: `users API-Key ${manager.apiKey}` } })
    expect(file.status).toBe(200)
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true)
    expect((await fetch(`${cmsUrl}/api/release-artifacts/file/python-3.79.0-amd64.exe`)).status).toBe(403)
  })

  it('refuses an upload from a user without the release-manager role', async () => {
    const answer = await upload(editor, 'nope.bin', Buffer.from('x'))
    expect(answer.status).toBe(403)
  })
})
