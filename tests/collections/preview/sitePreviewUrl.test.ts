import type { PayloadRequest } from 'payload'
import { afterAll, describe, expect, it } from 'vitest'

import { verifyPreviewToken } from '../../../collections/preview/previewToken'
import { sitePreviewUrl } from '../../../collections/preview/sitePreviewUrl'
import { createCheckCounter } from '../../support/checkCounter'

const SECRET = 'unit-secret-0123456789abcdef'
const req = {
  user: { id: 7, collection: 'users' },
  payload: { config: { secret: SECRET, custom: { schema: { siteUrl: 'https://www.python.org' } } } },
} as unknown as PayloadRequest

const { checks, check } = createCheckCounter()
afterAll(() => console.log(`preview tokens: ${checks.run} checks, ${checks.failed} failed`))

describe('sitePreviewUrl', () => {
  it("points the admin's preview button at the site's preview route with a preview token, not the session token", async () => {
    const url = await sitePreviewUrl('success-stories')({ id: 42 }, { req, token: 'session.jwt.token', locale: 'en' })
    await check('the link carries a preview token for this document and user', async () => {
      expect(url).toMatch(/^https:\/\/www\.python\.org\/preview\/success-stories\/42\/\?token=[\w-]+\.[\w-]+\.[\w-]+$/)
      expect(url).not.toContain('session.jwt.token')
      const token = new URL(url ?? '').searchParams.get('token') ?? ''
      expect(await verifyPreviewToken(SECRET, token, { collection: 'success-stories', id: 42 })).toEqual({ userId: 7 })
      expect(await verifyPreviewToken(SECRET, token, { collection: 'success-stories', id: 43 })).toBeNull()
      expect(await verifyPreviewToken(SECRET, token, { collection: 'pages', id: 42 })).toBeNull()
    })
  })

  it('offers no preview without a signed-in user or before the document is saved', async () => {
    const anonymous = { ...req, user: null } as unknown as PayloadRequest
    expect(await sitePreviewUrl('pages')({ id: 1 }, { req: anonymous, token: null, locale: 'en' })).toBeNull()
    expect(await sitePreviewUrl('pages')({}, { req, token: 'a.b.c', locale: 'en' })).toBeNull()
  })
})
