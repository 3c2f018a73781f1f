import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { sitePreviewUrl } from '../../../collections/preview/sitePreviewUrl'

const req = { payload: { config: { custom: { schema: { siteUrl: 'https://www.python.org' } } } } } as unknown as PayloadRequest

describe('sitePreviewUrl', () => {
  it("points the admin's preview button at the site's preview route with the editor's token", async () => {
    const url = await sitePreviewUrl('success-stories')({ id: 42 }, { req, token: 'a.b.c', locale: 'en' })
    expect(url).toBe('https://www.python.org/preview/success-stories/42/?token=a.b.c')
  })

  it('offers no preview without a token or before the document is saved', async () => {
    expect(await sitePreviewUrl('pages')({ id: 1 }, { req, token: null, locale: 'en' })).toBeNull()
    expect(await sitePreviewUrl('pages')({}, { req, token: 'a.b.c', locale: 'en' })).toBeNull()
  })
})
