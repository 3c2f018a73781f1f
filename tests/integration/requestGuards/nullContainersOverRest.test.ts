import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { TEST_PASSWORD } from '../../support/accessFixtures'
import { createRoleUsers } from '../../support/accessUsers'
import { startRestTestServer } from '../../support/restTestServer'
import { createTestPayload } from '../../support/testPayload'

/**
 * A list or a group set to null in a REST save: Payload's field hooks and its Postgres adapter
 * read it as an object and answered 500 (a sweep of every field of every collection with wrong
 * values found these five). Each is now a 400 naming the field, by id, in bulk and on create,
 * and nothing is written; [] still empties a list.
 */
describe('lists and groups set to null over REST', () => {
  let payload: Payload
  let rest: { baseUrl: string; close(): Promise<void> }
  let token: string
  const ids: Record<'events' | 'sponsors' | 'sponsorship-benefits', number> = { events: 0, sponsors: 0, 'sponsorship-benefits': 0 }

  async function send(method: 'POST' | 'PATCH', path: string, body: Record<string, unknown>): Promise<{ status: number; message: string }> {
    const answer = await fetch(`${rest.baseUrl}/api/${path}`, { method, headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const json = (await answer.json()) as { errors?: { message?: string }[] }
    return { status: answer.status, message: json.errors?.[0]?.message ?? '' }
  }

  beforeAll(async () => {
    payload = await createTestPayload('null_containers_rest')
    const users = await createRoleUsers(payload, 'nulls')
    rest = await startRestTestServer(payload)
    const login = await fetch(`${rest.baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: users.admin.email, password: TEST_PASSWORD }) })
    token = ((await login.json()) as { token: string }).token
    const calendar = await payload.create({ collection: 'calendars', data: { name: 'Events', slug: 'events' }, overrideAccess: true })
    ids.events = (await payload.create({ collection: 'events', data: { title: 'Sprint', calendar: calendar.id, occurrences: [{ start: '2026-01-01T10:00:00.000Z', end: '2026-01-01T11:00:00.000Z' }], recurrence: { rrule: null } }, overrideAccess: true })).id
    ids.sponsors = (await payload.create({ collection: 'sponsors', data: { name: 'Example Corp', contacts: [{ name: 'Ada', email: 'ada@example.org', primary: true }] }, overrideAccess: true })).id
    const program = await payload.create({ collection: 'sponsorship-programs', data: { name: 'Foundation', order: 0 }, overrideAccess: true })
    ids['sponsorship-benefits'] = (await payload.create({ collection: 'sponsorship-benefits', data: { name: 'Logo on python.org', program: program.id, year: 2026, order: 0 }, overrideAccess: true })).id
  })
  afterAll(async () => {
    await rest?.close()
    await payload?.destroy()
  })

  const cases = [
    ['events', { occurrences: null }, '"occurrences" is a list'],
    ['events', { recurrence: null }, '"recurrence" is a group'],
    ['sponsors', { contacts: null }, '"contacts" is a list'],
    ['sponsorship-benefits', { logoPlacements: null }, '"logoPlacements" is a list'],
    ['sponsorship-benefits', { requiredAssets: null }, '"requiredAssets" is a list'],
  ] as const

  it.each(cases)('%s %j: a 400 naming it, by id, in bulk and on create; nothing written', async (slug, body, message) => {
    const before = await payload.find({ collection: slug, overrideAccess: true, depth: 0, pagination: false })
    for (const [method, path] of [['PATCH', `${slug}/${ids[slug]}`], ['PATCH', `${slug}?where[id][equals]=${ids[slug]}`], ['POST', slug]] as const) {
      const answer = await send(method, path, { ...(method === 'POST' ? { name: 'New', title: 'New' } : {}), ...body })
      expect({ method, path, ...answer }).toEqual({ method, path, status: 400, message: expect.stringContaining(message) })
    }
    expect(await payload.find({ collection: slug, overrideAccess: true, depth: 0, pagination: false })).toEqual(before)
  })

  it('[] still empties a list', async () => {
    expect((await send('PATCH', `sponsors/${ids.sponsors}`, { contacts: [] })).status).toBe(200)
    expect((await payload.findByID({ collection: 'sponsors', id: ids.sponsors, overrideAccess: true, depth: 0 })).contacts).toEqual([])
  })
})
