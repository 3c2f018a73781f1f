/**
 * "Latest" moves one release at a time. Payload runs the demotion hook before it validates the
 * fields, and a bulk update keeps the writes of a document that then fails: the fuzz once left
 * the seeded site with no latest Python 3 release that way. A bulk update may not set it.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { adminToken, call, type HttpAnswer } from '../support/legacyApiClient'

const cmsUrl = inject('cmsUrl')
let token: string

function asAdmin(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
  return call(cmsUrl, path, { method, headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
}

async function latestPython3(): Promise<{ id: number; name: string; updatedAt: string }> {
  const answer = await asAdmin('GET', '/api/releases?where[isLatest][equals]=true&where[version][equals]=3&depth=0')
  const docs = (answer.body as { docs: { id: number; name: string; updatedAt: string }[] }).docs
  expect(docs).toHaveLength(1)
  return docs[0] as { id: number; name: string; updatedAt: string }
}

beforeAll(async () => {
  token = await adminToken(cmsUrl, inject('adminEmail'), inject('adminPassword'))
})

describe('marking a release latest', () => {
  it('is refused in a bulk update, valid or not, and the latest release stays as it was', async () => {
    const before = await latestPython3()
    const older = await asAdmin('GET', '/api/releases?where[name][equals]=Python%203.13.0&depth=0')
    const olderId = (older.body as { docs: { id: number }[] }).docs[0]?.id
    expect(olderId).toBeTypeOf('number')

    for (const body of [{ isLatest: 'true', name: null }, { isLatest: true }]) {
      const answer = await asAdmin('PATCH', `/api/releases?where[id][equals]=${olderId}`, body)
      expect(answer.status).toBe(400)
      expect(answer.text).toContain('Mark one release as latest at a time')
    }
    expect(await latestPython3()).toEqual(before)
  })

  it('is refused when a bulk update moves another latest release onto its version, even if that update then fails validation', async () => {
    const before = await latestPython3()
    const other = await asAdmin('GET', '/api/releases?where[isLatest][equals]=true&where[version][not_equals]=3&depth=0&limit=1')
    const otherLatest = (other.body as { docs: { id: number; version: number }[] }).docs[0]
    expect(otherLatest?.id).toBeTypeOf('number')

    // The fuzz's case (seed 1222755095): the demotion ran for the new version, then the name failed.
    for (const body of [{ version: 3, name: null }, { version: 3 }]) {
      const answer = await asAdmin('PATCH', `/api/releases?where[id][equals]=${otherLatest?.id}`, body)
      expect(answer.status).toBe(400)
      expect(answer.text).toContain('Mark one release as latest at a time')
    }
    expect(await latestPython3()).toEqual(before)
    const unchanged = await asAdmin('GET', `/api/releases/${otherLatest?.id}?depth=0`)
    expect((unchanged.body as { version: number; isLatest: boolean })).toMatchObject({ version: otherLatest?.version, isLatest: true })
  })

  it('still works on one release at a time, demoting the other', async () => {
    const before = await latestPython3()
    const older = await asAdmin('GET', '/api/releases?where[name][equals]=Python%203.13.0&depth=0')
    const olderId = (older.body as { docs: { id: number }[] }).docs[0]?.id
    try {
      expect((await asAdmin('PATCH', `/api/releases/${olderId}`, { isLatest: true })).status).toBe(200)
      expect((await latestPython3()).id).toBe(olderId)
    } finally {
      expect((await asAdmin('PATCH', `/api/releases/${before.id}`, { isLatest: true })).status).toBe(200)
      expect((await latestPython3()).id).toBe(before.id)
    }
  })
})
