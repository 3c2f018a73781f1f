import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { parseLegacyInput } from '../../../../cms/endpoints/legacyDownloads/legacyInput'
import type { LegacyResource } from '../../../../cms/endpoints/legacyDownloads/legacyResources'

const resource: LegacyResource = {
  name: 'release',
  resourceName: 'downloads/release',
  collection: 'releases',
  label: 'release',
  publishedPath: 'isPublished',
  writeNeedsAdmin: false,
  fields: [
    { api: 'name', field: 'name', kind: 'string' },
    { api: 'is_latest', field: 'isLatest', kind: 'boolean' },
    { api: 'filesize', field: 'filesize', kind: 'integer' },
    { api: 'release_date', field: 'releaseDate', kind: 'datetime' },
    { api: 'is_source', field: 'isSource', kind: 'boolean', serverSet: true },
  ],
}
/** No relation fields above, so the request is never read. */
const req = {} as PayloadRequest

async function errorsOf(body: Record<string, unknown>): Promise<unknown> {
  return parseLegacyInput(resource, body, req).then(
    () => null,
    (error: { status?: number; body?: Record<string, unknown> }) => ({ status: error.status, data: error.body?.['downloads/release'] }),
  )
}

describe('the legacy downloads API\'s scalar fields, read with zod and answered in tastypie\'s words', () => {
  it('maps snake_case onto the collection, dates without a zone as UTC, and ignores server-set and unknown keys', async () => {
    const data = await parseLegacyInput(resource, { name: 'Python 3.14.0', is_latest: true, filesize: 123, release_date: '2025-10-07T14:00:00', is_source: true, extra: 1 }, req)
    expect(data).toEqual({ name: 'Python 3.14.0', isLatest: true, filesize: 123, releaseDate: '2025-10-07T14:00:00.000Z' })
    expect(await parseLegacyInput(resource, { name: null, release_date: null }, req)).toEqual({ name: null, releaseDate: null })
  })

  it('answers each wrong type with a 400 naming the field, all at once', async () => {
    expect(await errorsOf({ name: 5, is_latest: 'yes', filesize: 1.5, release_date: 'yesterday' })).toEqual({
      status: 400,
      data: {
        name: ['Expected a string.'],
        is_latest: ['Expected true or false.'],
        filesize: ['Expected an integer.'],
        release_date: ['Expected an ISO 8601 date and time, e.g. "2025-10-07T14:00:00".'],
      },
    })
    for (const filesize of ['big', 2 ** 60, null]) expect(await errorsOf({ filesize })).toEqual({ status: 400, data: { filesize: ['Expected an integer.'] } })
    expect(await errorsOf({ is_latest: null })).toEqual({ status: 400, data: { is_latest: ['Expected true or false.'] } })
    expect(await errorsOf({ release_date: 20251007 })).toEqual({ status: 400, data: { release_date: ['Expected an ISO 8601 date and time, e.g. "2025-10-07T14:00:00".'] } })
  })
})
