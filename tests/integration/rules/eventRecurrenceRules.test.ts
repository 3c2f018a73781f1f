/**
 * Issue 10: an editor saved `FREQ=MINUTELY;INTERVAL=abc` (201) and every page listing events
 * hung. A recurrence rule rrule cannot expand is now refused on every write path with a 400
 * naming the field and the reason, and nothing is stored.
 */
import { sql } from '@payloadcms/db-postgres'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CmsClient } from '../../../web/src/cms/client'
import { parseCalendarDoc, parseEventDoc } from '../../../web/src/cms/parse/eventDocs'
import { createEventService } from '../../../web/src/services/eventService'
import { TEST_PASSWORD } from '../../support/accessFixtures'
import { createRoleUsers } from '../../support/accessUsers'
import { createTestPayload } from '../../support/testPayload'

const HOSTILE = 'FREQ=MINUTELY;INTERVAL=abc'
const MESSAGE = 'INTERVAL=abc: INTERVAL must be a whole number from 1 to 1,000,000.'

let payload: Payload
let token: string
let calendarId: number

async function rest(method: string, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers = new Headers({ 'content-type': 'application/json', authorization: `JWT ${token}` })
  const response = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost${path}`, { method, headers, body: JSON.stringify(body) }) })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const eventCount = async () => (await payload.count({ collection: 'events', overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = await createTestPayload('event_recurrence_rules')
  const users = await createRoleUsers(payload, 'rrule')
  token = (await payload.login({ collection: 'users', data: { email: users.editor.email, password: TEST_PASSWORD } })).token ?? ''
  calendarId = (await payload.create({ collection: 'calendars', data: { name: 'Python Events', slug: 'python-events' }, overrideAccess: true })).id
})

afterAll(async () => {
  await payload?.destroy()
})

describe('an event recurrence rule the rrule library cannot expand', () => {
  it('is refused through REST with a 400 naming the field and the reason, and nothing is stored', async () => {
    const before = await eventCount()
    const answer = await rest('POST', '/api/events', { title: 'Every minute', calendar: calendarId, recurrence: { rrule: HOSTILE, start: '2026-12-01T18:00:00.000Z', durationMinutes: 60 } })

    expect(answer.status).toBe(400)
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ name: 'ValidationError', data: expect.objectContaining({ errors: [expect.objectContaining({ path: 'recurrence.rrule', message: MESSAGE })] }) }),
    ])
    expect(await eventCount()).toBe(before)
  })

  it('is refused when an update brings it, and when a new start puts UNTIL before it; the stored event is unchanged', async () => {
    const event = await payload.create({ collection: 'events', data: { title: 'Weekly', calendar: calendarId, recurrence: { rrule: 'FREQ=WEEKLY;UNTIL=20271231T235959Z', start: '2026-12-01T18:00:00.000Z' } }, overrideAccess: true })
    const patched = await rest('PATCH', `/api/events/${event.id}`, { recurrence: { rrule: HOSTILE, start: '2026-12-01T18:00:00.000Z' } })
    expect(patched.status).toBe(400)
    const moved = await rest('PATCH', `/api/events/${event.id}`, { recurrence: { rrule: 'FREQ=WEEKLY;UNTIL=20271231T235959Z', start: '2028-01-04T18:00:00.000Z' } })
    expect(moved.status).toBe(400)
    expect(JSON.stringify(moved.body)).toContain('UNTIL=20271231T235959Z: The rule ends before its first start (2028-01-04T18:00:00.000Z).')
    const stored = await payload.findByID({ collection: 'events', id: event.id, depth: 0, overrideAccess: true })
    expect(stored.recurrence).toMatchObject({ rrule: 'FREQ=WEEKLY;UNTIL=20271231T235959Z', start: '2026-12-01T18:00:00.000Z' })
  })

  it('is refused through GraphQL and the Local API too', async () => {
    const before = await eventCount()
    const query = `mutation { createEvent(data: { title: "Every minute", calendar: ${calendarId}, recurrence: { rrule: "${HOSTILE}", start: "2026-12-01T18:00:00.000Z" } }) { id } }`
    const response = await GRAPHQL_POST(Promise.resolve(payload.config))(
      new Request('http://localhost/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `JWT ${token}` }, body: JSON.stringify({ query }) }),
    )
    const body = (await response.json()) as { errors?: { message: string; extensions?: { statusCode?: number; data?: unknown } }[] }
    expect(body.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(JSON.stringify(body.errors)).toContain(MESSAGE)

    await expect(
      payload.create({ collection: 'events', data: { title: 'Every minute', calendar: calendarId, recurrence: { rrule: HOSTILE, start: '2026-12-01T18:00:00.000Z' } }, overrideAccess: true }),
    ).rejects.toThrow(/Recurrence > Rrule/)
    expect(await eventCount()).toBe(before)
  })

  it('keeps a valid zone, defaults to UTC, and refuses an unknown zone with a 400 on the timezone field', async () => {
    const created = await rest('POST', '/api/events', {
      title: 'New York user group',
      calendar: calendarId,
      timezone: 'America/New_York',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20261231T235959Z', start: '2026-10-20T22:00:00.000Z', durationMinutes: 60 },
    })
    expect(created.status).toBe(201)
    expect((created.body.doc as { timezone: string }).timezone).toBe('America/New_York')
    const defaulted = await rest('POST', '/api/events', { title: 'No zone given', calendar: calendarId })
    expect((defaulted.body.doc as { timezone: string }).timezone).toBe('UTC')

    const before = await eventCount()
    const answer = await rest('POST', '/api/events', { title: 'On Mars', calendar: calendarId, timezone: 'Mars/Olympus_Mons' })
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).toContain('\\"Mars/Olympus_Mons\\" is not a time zone: use an IANA name such as America/New_York or Europe/Berlin, or UTC.')
    expect(await eventCount()).toBe(before)
  })

  it('stored before validation existed (written by SQL), reaches the site through REST and is listed bounded, at its first start', async () => {
    const start = new Date(Date.now() + 86_400_000).toISOString()
    const event = await payload.create({ collection: 'events', data: { title: 'Stored long ago', calendar: calendarId, recurrence: { rrule: 'FREQ=DAILY', start } }, overrideAccess: true })
    await payload.db.drizzle.execute(sql`UPDATE "events" SET "recurrence_rrule" = ${HOSTILE} WHERE "id" = ${event.id}`)

    // What the site reads: anonymous REST at depth 1, through its own parsers.
    const read = async (path: string) => (await handleEndpoints({ config: payload.config, request: new Request(`http://localhost${path}`) })).json() as Promise<{ docs: unknown[] }>
    const events = (await read(`/api/events?depth=1&limit=100&where[id][equals]=${event.id}`)).docs.map((doc, index) => parseEventDoc(doc, `events[${index}]`))
    expect(events[0]?.recurrence?.rrule).toBe(HOSTILE)
    const calendars = (await read('/api/calendars?depth=0')).docs.map((doc, index) => parseCalendarDoc(doc, `calendars[${index}]`))
    const client = { findCalendars: async () => calendars, findEvents: async () => events } as unknown as CmsClient
    const listings = await createEventService(client).listings({ when: 'upcoming' })
    expect(listings.map((listing) => [listing.title, listing.start.toISOString()])).toEqual([['Stored long ago', start]])
  })
})

