/**
 * Uploads over real HTTP: the size limit (413 with a message), the type read from the bytes
 * (a PHP, HTML or SVG file named .png is refused, an image named .html is stored as what it is),
 * images re-encoded by sharp (EXIF/GPS metadata and a polyglot tail gone), names made safe (no
 * path traversal), and stored files served so that they can never run on the CMS's origin.
 * Prints `uploads: N checks, M failed` (read by `npm run test:security`).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminToken, call, createApiUser, type ApiUser, type HttpAnswer } from '../../support/legacyApiClient'
import { createCheckCounter } from '../../support/checkCounter'

const cmsUrl = inject('cmsUrl')
const maxBytes = inject('uploadMaxBytes')
const mediaDir = path.join(inject('dataDir'), 'media')
let token: string
let manager: ApiUser
const cleanup: string[] = []
/** Each check is counted for the summary line, then asserted. */
const { checks, check } = createCheckCounter()

async function upload(collection: 'media' | 'release-artifacts', name: string, bytes: Buffer, type: string, authorization = `JWT ${token}`): Promise<HttpAnswer> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  form.append('_payload', JSON.stringify(collection === 'media' ? { alt: `upload test ${name}` } : {}))
  const answer = await call(cmsUrl, `/api/${collection}`, { method: 'POST', headers: { authorization }, body: form })
  if (answer.status === 201) cleanup.push(`/api/${collection}/${(answer.body as { doc: { id: number } }).doc.id}`)
  return answer
}

function messageOf(answer: HttpAnswer): string {
  const body = answer.body as { errors?: { message?: string; data?: { errors?: { message?: string }[] } }[] } | null
  return (body?.errors ?? []).map((error) => [error.message, ...(error.data?.errors ?? []).map((inner) => inner.message)].join(' ')).join(' ')
}

async function mediaCount(): Promise<number> {
  return ((await call(cmsUrl, '/api/media?limit=0&depth=0', { headers: { authorization: `JWT ${token}` } })).body as { totalDocs: number }).totalDocs
}

/** The stored file, read as staff: an image no published content shows is not served to visitors (issue 18). */
async function stored(filename: string): Promise<{ response: Response; bytes: Buffer }> {
  const response = await fetch(`${cmsUrl}/api/media/file/${encodeURIComponent(filename)}`, { headers: { authorization: `JWT ${token}` } })
  return { response, bytes: Buffer.from(await response.arrayBuffer()) }
}

const png = (width = 40, height = 30) => sharp({ create: { width, height, channels: 3, background: '#ffd43b' } }).png().toBuffer()

beforeAll(async () => {
  token = await adminToken(cmsUrl, inject('adminEmail'), inject('adminPassword'))
  manager = await createApiUser(cmsUrl, token, ['release-manager'], 'upload-check-rm')
})

afterAll(async () => {
  for (const entry of cleanup.reverse()) await call(cmsUrl, entry, { method: 'DELETE', headers: { authorization: `JWT ${token}` } })
  if (manager) await call(cmsUrl, `/api/users/${manager.id}`, { method: 'DELETE', headers: { authorization: `JWT ${token}` } })
  console.log(`uploads: ${checks.run} checks, ${checks.failed} failed`)
})

describe('uploads over HTTP', () => {
  it(`refuses an image or an artifact over UPLOAD_MAX_BYTES (${maxBytes}) with a 413 that says so, storing nothing`, async () => {
    const before = await mediaCount()
    const big = Buffer.concat([await png(), Buffer.alloc(maxBytes + 1024, 7)])
    const image = await upload('media', 'big.png', big, 'image/png')
    await check('media over the limit', () => expect([image.status, messageOf(image)]).toEqual([413, `The file is larger than the ${maxBytes} bytes allowed (UPLOAD_MAX_BYTES).`]))
    const artifact = await upload('release-artifacts', 'python-3.99.0-amd64.exe', big, 'application/octet-stream', `users API-Key ${manager.apiKey}`)
    await check('artifact over the limit', () => expect([artifact.status, messageOf(artifact)]).toEqual([413, `The file is larger than the ${maxBytes} bytes allowed (UPLOAD_MAX_BYTES).`]))
    await check('nothing stored', async () => expect(await mediaCount()).toBe(before))
  })

  it('reads the type from the bytes: PHP, HTML, SVG with a script, an executable and text named as images are refused', async () => {
    const before = await mediaCount()
    const cases: [string, Buffer][] = [
      ['shell.png', Buffer.from('<?php system($_GET["c"]); ?>')],
      ['page.png', Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>')],
      ['drawing.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>')],
      ['photo.jpg', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200, 0)])],
      ['notes.gif', Buffer.from('just some text, not a picture\n'.repeat(20))],
    ]
    for (const [name, bytes] of cases) {
      const answer = await upload('media', name, bytes, name.endsWith('.jpg') ? 'image/jpeg' : name.endsWith('.gif') ? 'image/gif' : 'image/png')
      await check(`${name} refused`, () => {
        expect(answer.status, name).toBe(400)
        expect(messageOf(answer), name).toMatch(/type|MIME|harmful|not allowed/i)
      })
    }
    await check('nothing stored', async () => expect(await mediaCount()).toBe(before))
  })

  it('stores an image under the extension of what it is, whatever the client called it', async () => {
    const jpeg = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#306998' } }).jpeg().toBuffer()
    const renamed = await upload('media', 'holiday.gif', jpeg, 'image/gif')
    const page = await upload('media', 'evil.html', await png(), 'text/html')
    await check('jpeg named .gif', () => expect((renamed.body as { doc: { filename: string; mimeType: string } }).doc).toMatchObject({ filename: 'holiday.jpg', mimeType: 'image/jpeg' }))
    await check('png named .html', () => expect((page.body as { doc: { filename: string; mimeType: string } }).doc).toMatchObject({ filename: 'evil.png', mimeType: 'image/png' }))
  })

  it('re-encodes images with sharp: EXIF and GPS metadata are gone from the stored original', async () => {
    const marker = 'pydotorg-exif-marker'
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3776ab' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: marker, Artist: 'A Person' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' } })
      .toBuffer()
    await check('the test photo carries EXIF', () => expect(photo.includes(marker)).toBe(true))
    const answer = await upload('media', 'with-gps.jpg', photo, 'image/jpeg')
    expect(answer.status, answer.text.slice(0, 300)).toBe(201)
    const { bytes } = await stored((answer.body as { doc: { filename: string } }).doc.filename)
    const metadata = await sharp(bytes).metadata()
    await check('EXIF and GPS gone', () => {
      expect(metadata.format).toBe('jpeg')
      expect(metadata.exif).toBeUndefined()
      expect(bytes.includes(marker)).toBe(false)
    })
  })

  it('re-encodes images with sharp: a PHP/HTML payload appended after the image data is gone', async () => {
    const polyglot = Buffer.concat([await png(), Buffer.from('<?php system($_GET[1]); ?><script>alert(1)</script>')])
    const answer = await upload('media', 'polyglot.png', polyglot, 'image/png')
    expect(answer.status, answer.text.slice(0, 300)).toBe(201)
    const { bytes, response } = await stored((answer.body as { doc: { filename: string } }).doc.filename)
    await check('polyglot tail gone', () => {
      expect(bytes.includes('<?php')).toBe(false)
      expect(bytes.includes('<script')).toBe(false)
    })
    await check('still a PNG', async () => expect((await sharp(bytes).metadata()).format).toBe('png'))
    await check('served inert', () => {
      expect(response.headers.get('content-type')).toBe('image/png')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    })
  })

  it('keeps uploaded names inside the media directory and safe: no traversal, no odd characters, bounded length', async () => {
    const image = await png()
    const cases: [string, string][] = [
      ['../../etc/passwd.png', 'passwd.png'],
      ['..\\..\\windows\\win.png', 'win.png'],
      ['space name ü.png', 'space-name-u.png'],
      ['.htaccess', 'htaccess.png'],
      [`${'b'.repeat(300)}.png`, `${'b'.repeat(96)}.png`],
    ]
    for (const [name, expected] of cases) {
      const answer = await upload('media', name, image, 'image/png')
      const filename = (answer.body as { doc?: { filename: string } }).doc?.filename
      await check(`name ${name.slice(0, 30)}`, () => {
        expect(answer.status, answer.text.slice(0, 200)).toBe(201)
        // Payload may add -1, -2 when a file of that name exists already.
        expect(filename?.replace(/-\d+(\.png)$/, '$1')).toBe(expected)
        expect(existsSync(path.join(mediaDir, filename ?? ''))).toBe(true)
      })
    }
    await check('nothing written outside the media directory', () => {
      expect(existsSync(path.join(inject('dataDir'), 'etc'))).toBe(false)
      expect(existsSync('/etc/passwd.png')).toBe(false)
    })
  })

  it('serves a release artifact, HTML included, as a download that cannot run on the CMS origin', async () => {
    const answer = await upload('release-artifacts', '../notes.html', Buffer.from('<script>fetch("/api/users")</script>'), 'text/html', `users API-Key ${manager.apiKey}`)
    expect(answer.status, answer.text.slice(0, 300)).toBe(201)
    const filename = (answer.body as { doc: { filename: string } }).doc.filename
    const response = await fetch(`${cmsUrl}/api/release-artifacts/file/${filename}`, { headers: { authorization: `users API-Key ${manager.apiKey}` } })
    await response.arrayBuffer()
    await check('artifact served as a download', () => {
      expect(filename).toBe('notes.html')
      expect(response.status).toBe(200)
      expect(response.headers.get('content-disposition')).toBe('attachment')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    })
  })
})
