/**
 * Issue 18: the admin's preview link carried the editor's CMS session token. It now carries a
 * preview token (collections/preview/previewToken) that `GET /api/preview/<collection>/<id>`
 * accepts for reading that one document's latest draft as that editor, for 30 minutes, and that
 * nothing else accepts. Through Payload's own routing on a real Postgres.
 * Counted under `preview tokens` by `npm run test:security`.
 */
import { createLocalReq, handleEndpoints, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../../collections/generated/payload-types'
import { createPreviewToken, PREVIEW_TOKEN_MINUTES } from '../../../collections/preview/previewToken'
import { sitePreviewUrl } from '../../../collections/preview/sitePreviewUrl'
import { PREVIEW_TOKEN_HEADER } from '../../../cms/endpoints/previewDraft'
import { TEST_PASSWORD } from '../../support/accessFixtures'
import { createRoleUsers } from '../../support/accessUsers'
import { createCheckCounter } from '../../support/checkCounter'
import { createTestPayload } from '../../support/testPayload'

const { checks, check } = createCheckCounter()
const SECRET = 'test-secret-0123456789abcdef0123456789'

let payload: Payload
let editor: User
let draftId: number
let otherDraftId: number

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown>; cacheControl: string | null }> {
  const response = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost${path}`, { headers }) })
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cacheControl: response.headers.get('cache-control') }
}
const preview = (collection: string, id: number, token: string) => get(`/api/preview/${collection}/${id}`, { [PREVIEW_TOKEN_HEADER]: token })

beforeAll(async () => {
  payload = await createTestPayload('preview_tokens', { PAYLOAD_SECRET: SECRET, SITE_URL: 'https://www.python.test' })
  const users = await createRoleUsers(payload, 'preview')
  editor = users.editor
  draftId = (await payload.create({ collection: 'pages', data: { title: 'Secret draft', path: '/preview/secret/', _status: 'draft' }, draft: true, overrideAccess: true })).id
  otherDraftId = (await payload.create({ collection: 'pages', data: { title: 'Other draft', path: '/preview/other/', _status: 'draft' }, draft: true, overrideAccess: true })).id
})
afterAll(async () => {
  console.log(`preview tokens: ${checks.run} checks, ${checks.failed} failed`)
  await payload?.destroy()
})

describe("the admin's preview link", () => {
  it("carries a preview token for this document, not the editor's session token", async () => {
    const session = (await payload.login({ collection: 'users', data: { email: editor.email, password: TEST_PASSWORD } })).token ?? ''
    const req = (await createLocalReq({ user: { ...editor, collection: 'users' } }, payload)) as PayloadRequest
    const url = await sitePreviewUrl('pages')({ id: draftId }, { req, token: session, locale: 'en' })
    await check('link points at the site with a token that is not the session', async () => {
      expect(url).toMatch(new RegExp(`^https://www\\.python\\.test/preview/pages/${draftId}/\\?token=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`))
      expect(url).not.toContain(session)
      const token = new URL(url ?? '').searchParams.get('token') ?? ''
      const answer = await preview('pages', draftId, token)
      expect(answer.status).toBe(200)
      expect(answer.body.title).toBe('Secret draft')
      expect(answer.cacheControl).toBe('private, no-store')
    })
    await check('no link without a signed-in user', async () => {
      const anonymous = (await createLocalReq({}, payload)) as PayloadRequest
      expect(await sitePreviewUrl('pages')({ id: draftId }, { req: anonymous, token: null, locale: 'en' })).toBeNull()
    })
  })
})

describe('a preview token', () => {
  it('reads its own document only, and only as a draft read', async () => {
    const token = await createPreviewToken(SECRET, { userId: editor.id, collection: 'pages', id: draftId })
    await check('not another document', async () => {
      expect((await preview('pages', otherDraftId, token)).status).toBe(401)
    })
    await check('not another collection', async () => {
      expect((await preview('releases', draftId, token)).status).toBe(401)
    })
    await check('not the REST API as a session (Authorization: JWT / Bearer)', async () => {
      for (const scheme of ['JWT', 'Bearer']) {
        const answer = await get(`/api/pages/${draftId}?draft=true`, { authorization: `${scheme} ${token}` })
        expect(answer.status, scheme).not.toBe(200)
        const list = await get('/api/pages?draft=true&where[_status][equals]=draft', { authorization: `${scheme} ${token}` })
        expect(JSON.stringify(list.body), scheme).not.toContain('Secret draft')
      }
    })
    await check('not for writing', async () => {
      const request = new Request(`http://localhost/api/pages/${draftId}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, [PREVIEW_TOKEN_HEADER]: token }, body: JSON.stringify({ title: 'Changed' }) })
      expect((await handleEndpoints({ config: payload.config, request })).status).toBe(403)
      expect((await payload.findByID({ collection: 'pages', id: draftId, draft: true, overrideAccess: true })).title).toBe('Secret draft')
    })
    await check('not who am I', async () => {
      const me = await get('/api/users/me', { authorization: `JWT ${token}` })
      expect(me.body.user ?? null).toBeNull()
    })
  })

  it('expires in minutes, and is refused when forged, or made from a session', async () => {
    await check('expired', async () => {
      const old = await createPreviewToken(SECRET, { userId: editor.id, collection: 'pages', id: draftId }, new Date(Date.now() - (PREVIEW_TOKEN_MINUTES + 1) * 60_000))
      expect((await preview('pages', draftId, old)).status).toBe(401)
    })
    await check('signed with another secret', async () => {
      const forged = await createPreviewToken('another-secret-0123456789abcdef', { userId: editor.id, collection: 'pages', id: draftId })
      expect((await preview('pages', draftId, forged)).status).toBe(401)
    })
    await check("the editor's session token", async () => {
      const session = (await payload.login({ collection: 'users', data: { email: editor.email, password: TEST_PASSWORD } })).token ?? ''
      expect((await preview('pages', draftId, session)).status).toBe(401)
    })
    await check('no token', async () => {
      expect((await get(`/api/preview/pages/${draftId}`)).status).toBe(401)
    })
  })

  it("reads with the editor's rights as they are now", async () => {
    const token = await createPreviewToken(SECRET, { userId: editor.id, collection: 'pages', id: draftId })
    await payload.update({ collection: 'users', id: editor.id, data: { roles: [] }, overrideAccess: true })
    await check('an account without rights reads nothing', async () => {
      expect((await preview('pages', draftId, token)).status).toBe(404)
    })
    await payload.update({ collection: 'users', id: editor.id, data: { roles: ['editor'] }, overrideAccess: true })
  })
})
