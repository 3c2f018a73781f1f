import { ValidationError, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload } from '../../support/testPayload'

/**
 * RELEASE_FILE_URL_PREFIX is read once at start-up. Payload keeps one instance per process, so
 * this lives in its own test file (own worker) rather than beside the default-prefix rules.
 */
const CUSTOM_PREFIX = 'https://downloads.example.org/python/'

describe('release file URLs with a custom RELEASE_FILE_URL_PREFIX', () => {
  let payload: Payload
  let release: number
  let source: number

  beforeAll(async () => {
    payload = await createTestPayload('rules_prefix', { RELEASE_FILE_URL_PREFIX: CUSTOM_PREFIX })
    source = (await payload.create({ collection: 'operating-systems', data: { name: 'Source release', slug: 'source' } })).id
    release = (await payload.create({ collection: 'releases', data: { name: 'Python 3.14.7', version: 3, releaseDate: '2030-01-01T00:00:00.000Z' } })).id
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('accepts URLs under the configured prefix', async () => {
    const file = await payload.create({
      collection: 'release-files',
      data: { release, os: source, name: 'XZ compressed source tarball', url: `${CUSTOM_PREFIX}3.14.7/Python-3.14.7.tar.xz` },
      depth: 0,
    })
    expect(file.url).toBe(`${CUSTOM_PREFIX}3.14.7/Python-3.14.7.tar.xz`)
  })

  it("refuses python.org's own prefix, naming the configured one", async () => {
    const before = (await payload.count({ collection: 'release-files' })).totalDocs
    const error = await payload
      .create({
        collection: 'release-files',
        data: { release, os: source, name: 'Gzipped source tarball', url: 'https://www.python.org/ftp/python/3.14.7/Python-3.14.7.tgz' },
      })
      .then(
        () => null,
        (reason: unknown) => reason,
      )
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).data.errors.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'url', message: `The URL must start with ${CUSTOM_PREFIX}.` },
    ])
    expect((await payload.count({ collection: 'release-files' })).totalDocs).toBe(before)
  })
})
