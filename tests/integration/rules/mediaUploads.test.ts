import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload } from '../../support/testPayload'

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#ffd43b' } }).png().toBuffer()

describe('media uploads', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await createTestPayload('media_uploads')
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('stores an image with the thumbnail, card and hero sizes made by sharp', async () => {
    const data = await image(2000, 1200)
    const media = await payload.create({
      collection: 'media',
      data: { alt: 'The Python logo on yellow' },
      file: { data, mimetype: 'image/png', name: 'logo.png', size: data.length },
    })
    expect(media.mimeType).toBe('image/png')
    expect([media.width, media.height]).toEqual([2000, 1200])
    expect([media.sizes?.thumbnail?.width, media.sizes?.thumbnail?.height]).toEqual([300, 300])
    expect([media.sizes?.card?.width, media.sizes?.card?.height]).toEqual([768, 432])
    expect(media.sizes?.hero?.width).toBe(1600)
  })

  it('requires alt text', async () => {
    const data = await image(10, 10)
    await expect(
      payload.create({ collection: 'media', data: { alt: '' }, file: { data, mimetype: 'image/png', name: 'no-alt.png', size: data.length } }),
    ).rejects.toMatchObject({ status: 400, data: { errors: [{ path: 'alt', message: 'This field is required.' }] } })
  })

  it('refuses a file that is not an image, whatever its name says, and stores nothing', async () => {
    const before = (await payload.count({ collection: 'media' })).totalDocs
    const data = Buffer.from('#!/bin/sh\necho not an image\n')
    await expect(
      payload.create({ collection: 'media', data: { alt: 'A script' }, file: { data, mimetype: 'image/png', name: 'script.png', size: data.length } }),
    ).rejects.toMatchObject({ status: 400 })
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
  })
})
