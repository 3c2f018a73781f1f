import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { contractPdf, TEST_PASSWORD, tinyPng } from '../../support/accessFixtures'
import { createRoleUsers } from '../../support/accessUsers'
import { startRestTestServer } from '../../support/restTestServer'
import { createTestPayload } from '../../support/testPayload'

type Target = { slug: 'media' | 'release-artifacts' | 'sponsor-contracts'; id: number; token: string; fine: Record<string, unknown> }

/**
 * The file facts of an upload (mimeType, filesize, ...) in a JSON update of every upload
 * collection, over the real REST routes: of the wrong type they are a 400 naming the field, one
 * by one and in a bulk update, and the document is unchanged; Payload read a `mimeType` object
 * before validating and answered 500 (bad-input fuzz, the first body below). Well-typed updates
 * still go through; a filename, url or sizes is dropped by Payload and changes nothing.
 */
describe('an upload\'s file facts in a JSON update', () => {
  let payload: Payload
  let rest: { baseUrl: string; close(): Promise<void> }
  const targets: Target[] = []

  async function signIn(email: string): Promise<string> {
    const answer = await fetch(`${rest.baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) })
    return ((await answer.json()) as { token: string }).token
  }

  beforeAll(async () => {
    payload = await createTestPayload('upload_metadata_rest')
    const users = await createRoleUsers(payload, 'uploads')
    rest = await startRestTestServer(payload)
    const sponsor = await payload.create({ collection: 'sponsors', data: { name: 'Example Corp' }, overrideAccess: true })
    const sponsorship = await payload.create({ collection: 'sponsorships', data: { sponsor: sponsor.id, year: 2026, status: 'applied' }, overrideAccess: true })
    const pdf = contractPdf(1)
    const contract = await payload.create({ collection: 'sponsor-contracts', data: { sponsorship: sponsorship.id, kind: 'signed' }, file: { data: pdf, mimetype: 'application/pdf', name: 'signed.pdf', size: pdf.length }, overrideAccess: true })
    const png = await tinyPng()
    const image = await payload.create({ collection: 'media', data: { alt: 'Logo' }, file: { data: png, mimetype: 'image/png', name: 'logo.png', size: png.length }, overrideAccess: true })
    const tarball = Buffer.from('not really a tarball')
    const artifact = await payload.create({ collection: 'release-artifacts', data: {}, file: { data: tarball, mimetype: 'application/gzip', name: 'Python-3.14.0.tgz', size: tarball.length }, overrideAccess: true })
    targets.push(
      { slug: 'sponsor-contracts', id: contract.id, token: await signIn(users['sponsors-manager'].email), fine: { kind: 'generated' } },
      { slug: 'media', id: image.id, token: await signIn(users.editor.email), fine: { alt: 'The logo' } },
      { slug: 'release-artifacts', id: artifact.id, token: await signIn(users['release-manager'].email), fine: { note: 'Source' } },
    )
  })
  afterAll(async () => {
    await rest?.close()
    await payload?.destroy()
  })

  const malformed: [string, Record<string, unknown>][] = [
    ['mimeType', { mimeType: { text: 'x' } }],
    ['mimeType', { sponsorship: true, filename: { text: 'x' }, mimeType: 0.5, filesize: '12abc', focalY: '1e309', kind: null }],
    ['filesize', { filesize: '12abc' }],
    ['focalY', { focalY: '1e309' }],
    ['thumbnailURL', { thumbnailURL: ['x'] }],
  ]
  /** Payload drops a caller's filename, url and sizes before anything reads them: ignored, whatever they are. */
  const ignored: Record<string, unknown>[] = [{ filename: { text: 'x' } }, { url: ['x'] }, { filename: 'renamed.pdf', sizes: 5 }]

  async function patch(target: Target, path: string, body: Record<string, unknown>): Promise<{ status: number; text: string }> {
    const answer = await fetch(`${rest.baseUrl}/api/${target.slug}${path}`, { method: 'PATCH', headers: { authorization: `JWT ${target.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    return { status: answer.status, text: await answer.text() }
  }

  it.each(['sponsor-contracts', 'media', 'release-artifacts'])('%s: each malformed fact is a 400 naming it, by id and in bulk, and nothing changes', async (slug) => {
    const target = targets.find((candidate) => candidate.slug === slug) as Target
    const before = await payload.findByID({ collection: target.slug, id: target.id, overrideAccess: true, depth: 0 })
    for (const [field, body] of malformed) {
      for (const path of [`/${target.id}`, `?where[id][equals]=${target.id}`]) {
        const answer = await patch(target, path, body)
        expect({ field, path, status: answer.status }).toEqual({ field, path, status: 400 })
        expect(answer.text).toContain(`${field} must be`)
      }
    }
    const after = await payload.findByID({ collection: target.slug, id: target.id, overrideAccess: true, depth: 0 })
    expect(after).toEqual(before)
  })

  it.each(['sponsor-contracts', 'media', 'release-artifacts'])('%s: a filename, url or sizes in the JSON is ignored, the stored file facts kept', async (slug) => {
    const target = targets.find((candidate) => candidate.slug === slug) as Target
    const before = await payload.findByID({ collection: target.slug, id: target.id, overrideAccess: true, depth: 0 })
    for (const body of ignored) expect((await patch(target, `/${target.id}`, body)).status).toBe(200)
    const after = await payload.findByID({ collection: target.slug, id: target.id, overrideAccess: true, depth: 0 })
    expect({ filename: after.filename, url: after.url }).toEqual({ filename: before.filename, url: before.url })
  })

  it.each(['sponsor-contracts', 'media', 'release-artifacts'])('%s: a well-typed update goes through', async (slug) => {
    const target = targets.find((candidate) => candidate.slug === slug) as Target
    const answer = await patch(target, `/${target.id}`, target.fine)
    expect(answer.status).toBe(200)
    const after = (await payload.findByID({ collection: target.slug, id: target.id, overrideAccess: true, depth: 0 })) as unknown as Record<string, unknown>
    expect(after).toMatchObject(target.fine)
  })
})
