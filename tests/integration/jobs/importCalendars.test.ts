import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Event } from '../../../collections/generated/payload-types'
import { runJobByHand } from '../../../cms/jobs/runJobByHand'
import { SCHEDULED_QUEUE } from '../../../cms/jobs/schedules'
import { readFeedFixture, startFixtureHttpServer, type FixtureHttpServer } from '../../support/fixtureHttpServer'
import { runQueueLater, snapshotCollection } from '../../support/jobsTesting'
import { createTestPayload } from '../../support/testPayload'

// The fixture feeds are served on 127.0.0.1, which feed fetches refuse unless told (cms/config/feedFetchEnv.ts).
process.env.FEED_FETCH_ALLOW_PRIVATE = 'true'

const EVENTS_FEED = '/calendar/ical/python-events/public/basic.ics'
const USER_GROUP_FEED = '/calendar/ical/python-user-group/public/basic.ics'
const NO_RECURRENCE = { rrule: null, start: null, durationMinutes: null, exdates: null, allDay: false }

/** python-events.ics, as the events collection must hold it (by UID). */
const PYTHON_EVENTS = [
  {
    uid: 'berlin-meetup@python-events.example',
    title: 'Python Users Berlin',
    calendar: 'python-events',
    description: '<p>Talks &amp; pizza<br>Bring a laptop</p>',
    venue: 'c-base, Berlin',
    cancelled: false,
    featured: false,
    // The moved meeting (RECURRENCE-ID override) is a one-off date; its original date is skipped.
    occurrences: [{ start: '2027-01-27T18:00:00.000Z', end: '2027-01-27T20:00:00.000Z', allDay: false }],
    recurrence: { rrule: 'FREQ=WEEKLY;COUNT=10;BYDAY=TU', start: '2027-01-05T17:00:00.000Z', durationMinutes: 120, exdates: '20270112T170000Z,20270126T170000Z', allDay: false },
    // The feed's TZID: the weekly meeting repeats at 18:00 Berlin time.
    timezone: 'Europe/Berlin',
  },
  {
    uid: 'cancelled-webinar@python-events.example',
    title: 'Packaging Webinar',
    calendar: 'python-events',
    description: null,
    venue: null,
    cancelled: true,
    featured: false,
    occurrences: [{ start: '2027-04-01T16:00:00.000Z', end: '2027-04-01T17:00:00.000Z', allDay: false }],
    recurrence: NO_RECURRENCE,
    timezone: 'UTC',
  },
  {
    uid: 'core-sprint-2027@python-events.example',
    title: 'Core Development Sprint',
    calendar: 'python-events',
    description: null,
    venue: null,
    cancelled: false,
    featured: false,
    occurrences: [{ start: '2027-03-01T09:00:00.000Z', end: '2027-03-01T12:00:00.000Z', allDay: false }],
    recurrence: NO_RECURRENCE,
    timezone: 'UTC',
  },
  {
    uid: 'pycon-us-2027@python-events.example',
    title: 'PyCon US 2027',
    calendar: 'python-events',
    // Sanitized: the script and the image with its handler are gone.
    description: '<p>PyCon US <b>2027</b>: talks, tutorials and sprints. <a href="https://us.pycon.org/2027/">Register</a></p>',
    venue: 'Long Beach, CA, USA',
    cancelled: false,
    featured: false,
    // All-day, 12 to 20 May inclusive (the feed's DTEND is the exclusive 21st).
    occurrences: [{ start: '2027-05-12T00:00:00.000Z', end: '2027-05-20T00:00:00.000Z', allDay: true }],
    recurrence: NO_RECURRENCE,
    timezone: 'UTC',
  },
]

const PYLADIES_MONTHLY = {
  uid: 'pyladies-monthly@python-user-group.example',
  title: 'PyLadies Monthly',
  calendar: 'python-user-group',
  description: '<p>Monthly PyLadies meetup.</p>',
  venue: 'Online',
  cancelled: false,
  featured: false,
  occurrences: [],
  recurrence: { rrule: 'FREQ=MONTHLY;UNTIL=20271231T235959Z;BYDAY=1WE', start: '2027-02-03T18:00:00.000Z', durationMinutes: 120, exdates: null, allDay: false },
  timezone: 'UTC',
}

/** Removes one VEVENT (by UID) from a feed's text. */
function withoutEvent(feed: string, uid: string): string {
  const blocks = feed.split(/(?=BEGIN:VEVENT\r\n)/)
  return blocks.filter((block) => !block.includes(`UID:${uid}\r\n`)).join('').replace(/(END:VEVENT\r\n)(?!BEGIN|END:VCALENDAR)/, '$1')
}

describe('the importCalendars job, against fixture iCal feeds served over HTTP', () => {
  let payload: Payload
  let server: FixtureHttpServer
  let eventsFeed: string
  let userGroupFeed: string
  let calendarSlugs: Map<number, string>
  let handEnteredId: number
  let otherCalendarEventId: number

  const serve = (path: string, body: string, status = 200) => server.serve(path, { status, contentType: 'text/calendar; charset=utf-8', body })
  const events = async (calendar?: string) => {
    const locations = new Map((await payload.find({ collection: 'event-locations', limit: 0, pagination: false, depth: 0 })).docs.map((doc) => [doc.id, doc.name]))
    const { docs } = await payload.find({ collection: 'events', where: { uid: { exists: true } }, sort: 'uid', limit: 0, pagination: false, depth: 0 })
    return docs
      .map((doc: Event) => ({
        uid: doc.uid,
        title: doc.title,
        calendar: calendarSlugs.get(doc.calendar as number),
        description: rawMarkupSource(doc.description),
        venue: doc.venue == null ? null : locations.get(doc.venue as number),
        cancelled: doc.cancelled,
        featured: doc.featured,
        occurrences: (doc.occurrences ?? []).map(({ start, end, allDay }) => ({ start, end, allDay })),
        recurrence: doc.recurrence,
        timezone: doc.timezone,
      }))
      .filter((event) => calendar === undefined || event.calendar === calendar)
  }
  const unchangedSnapshot = async () => ({ events: await snapshotCollection(payload, 'events'), locations: await snapshotCollection(payload, 'event-locations') })

  beforeAll(async () => {
    server = await startFixtureHttpServer()
    eventsFeed = await readFeedFixture('python-events.ics')
    userGroupFeed = await readFeedFixture('python-user-group.ics')
    payload = await createTestPayload('jobs_calendars')
    const make = async (name: string, slug: string, url: string | null) => (await payload.create({ collection: 'calendars', data: { name, slug, url } })).id
    const eventsId = await make('Python Events', 'python-events', server.url(EVENTS_FEED))
    const userGroupId = await make('Python User Group', 'python-user-group', server.url(USER_GROUP_FEED))
    const boardId = await make('PSF Board', 'psf-board', null)
    calendarSlugs = new Map([
      [eventsId, 'python-events'],
      [userGroupId, 'python-user-group'],
      [boardId, 'psf-board'],
    ])
    // An editor's event in the imported calendar (no UID) and an event of a calendar without a feed.
    handEnteredId = (await payload.create({ collection: 'events', data: { title: 'Editor-entered event', calendar: eventsId } })).id
    otherCalendarEventId = (await payload.create({ collection: 'events', data: { title: 'Board meeting', calendar: boardId, uid: 'board-meeting@psf.example' } })).id
  })
  afterAll(async () => {
    await payload?.destroy()
    await server?.close()
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('imports every event of each calendar with a feed: dates, recurrence, venue and sanitized description', async () => {
    serve(EVENTS_FEED, eventsFeed)
    serve(USER_GROUP_FEED, userGroupFeed)
    const result = await runJobByHand(payload, 'importCalendars')

    expect(result).toEqual({ jobId: expect.anything(), state: 'succeeded', output: { calendars: 2, created: 5, updated: 0, unchanged: 0, skipped: [], refused: [] } })
    expect(await events()).toEqual([
      PYTHON_EVENTS[0],
      { uid: 'board-meeting@psf.example', title: 'Board meeting', calendar: 'psf-board', description: null, venue: null, cancelled: false, featured: false, occurrences: [], recurrence: NO_RECURRENCE, timezone: 'UTC' },
      ...PYTHON_EVENTS.slice(1),
      PYLADIES_MONTHLY,
    ])
    const locations = await payload.find({ collection: 'event-locations', sort: 'id', depth: 0 })
    expect(locations.docs.map((doc) => [doc.name, calendarSlugs.get(doc.calendar as number)]).sort()).toEqual([
      ['Long Beach, CA, USA', 'python-events'],
      ['Online', 'python-user-group'],
      ['c-base, Berlin', 'python-events'],
    ])
    expect(server.requests.map((request) => [request.url, request.headers.accept])).toEqual([
      [EVENTS_FEED, 'text/calendar, */*;q=0.5'],
      [USER_GROUP_FEED, 'text/calendar, */*;q=0.5'],
    ])
  })

  it('changes nothing when the same feeds are imported again', async () => {
    const before = await unchangedSnapshot()
    const result = await runJobByHand(payload, 'importCalendars')

    expect(result).toMatchObject({ state: 'succeeded', output: { calendars: 2, created: 0, updated: 0, unchanged: 5, skipped: [], refused: [] } })
    expect(await unchangedSnapshot()).toEqual(before)
  })

  it("keeps an event that left its calendar's feed as it was (only STATUS:CANCELLED cancels), and leaves other events alone", async () => {
    const untouchedEvents = async () => (await payload.find({ collection: 'events', where: { id: { in: [handEnteredId, otherCalendarEventId] } }, sort: 'id', depth: 0 })).docs
    const before = await untouchedEvents()
    serve(EVENTS_FEED, withoutEvent(eventsFeed, 'core-sprint-2027@python-events.example'))
    const result = await runJobByHand(payload, 'importCalendars')

    expect(result).toMatchObject({ state: 'succeeded', output: { calendars: 2, created: 0, updated: 0, unchanged: 4, skipped: [], refused: [] } })
    expect(await events('python-events')).toEqual(PYTHON_EVENTS)
    expect(await events('python-user-group')).toEqual([PYLADIES_MONTHLY])
    // The editor's event (no UID) of this calendar and the other calendar's event: as they were.
    expect(await untouchedEvents()).toEqual(before)
    expect(before.map((doc) => [doc.title, doc.cancelled])).toEqual([
      ['Editor-entered event', false],
      ['Board meeting', false],
    ])

    // Back in the feed: nothing to change.
    serve(EVENTS_FEED, eventsFeed)
    expect(await runJobByHand(payload, 'importCalendars')).toMatchObject({ state: 'succeeded', output: { created: 0, updated: 0, unchanged: 5 } })
    expect(await events('python-events')).toEqual(PYTHON_EVENTS)
  })

  it("never touches another calendar's event, even when a feed reuses its UID", async () => {
    const hijack = [
      'BEGIN:VEVENT',
      'DTSTART:20270601T100000Z',
      'DTSTAMP:20261120T120000Z',
      'UID:pyladies-monthly@python-user-group.example',
      'SUMMARY:Not the PyLadies meetup',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20270602T100000Z',
      'DTSTAMP:20261120T120000Z',
      'UID:board-meeting@psf.example',
      'SUMMARY:Not the board meeting',
      'END:VEVENT',
      '',
    ].join('\r\n')
    serve(EVENTS_FEED, eventsFeed.replace('END:VCALENDAR', `${hijack}END:VCALENDAR`))
    const before = await snapshotCollection(payload, 'events')
    const result = await runJobByHand(payload, 'importCalendars')

    expect(result).toMatchObject({
      state: 'succeeded',
      output: { calendars: 2, created: 0, updated: 0, unchanged: 5, skipped: ['board-meeting@psf.example', 'pyladies-monthly@python-user-group.example'] },
    })
    expect(await snapshotCollection(payload, 'events')).toEqual(before)
    serve(EVENTS_FEED, eventsFeed)
  })

  it('skips an event whose recurrence rule cannot be kept (FREQ=MINUTELY;INTERVAL=abc), logs why, and imports the rest of the feed', async () => {
    const warned = vi.spyOn(payload.logger, 'warn')
    const hostile = [
      'BEGIN:VEVENT',
      'DTSTART:20270701T100000Z',
      'DTEND:20270701T110000Z',
      'DTSTAMP:20261120T120000Z',
      'UID:hostile@python-events.example',
      'RRULE:FREQ=MINUTELY;INTERVAL=abc',
      'SUMMARY:Every minute, forever',
      'END:VEVENT',
      '',
    ].join('\r\n')
    // The same feed, with the hostile event added and one good event renamed (it must still be imported).
    serve(EVENTS_FEED, eventsFeed.replace('SUMMARY:Packaging Webinar', 'SUMMARY:Packaging Webinar (renamed)').replace('END:VCALENDAR', `${hostile}END:VCALENDAR`))
    const result = await runJobByHand(payload, 'importCalendars', { calendar: 'python-events' })

    const reason = 'RRULE INTERVAL=NaN: INTERVAL must be a whole number from 1 to 1,000,000.'
    expect(result).toMatchObject({
      state: 'succeeded',
      output: { calendars: 1, created: 0, updated: 1, unchanged: 3, skipped: [], refused: [{ calendar: 'python-events', uid: 'hostile@python-events.example', reason }] },
    })
    expect(warned).toHaveBeenCalledWith(expect.objectContaining({ uid: 'hostile@python-events.example', reason }), `Feed event hostile@python-events.example was not imported: ${reason}`)
    expect((await payload.find({ collection: 'events', where: { uid: { equals: 'hostile@python-events.example' } }, depth: 0 })).totalDocs).toBe(0)
    expect((await events('python-events')).find((event) => event.uid?.startsWith('cancelled-webinar'))?.title).toBe('Packaging Webinar (renamed)')

    serve(EVENTS_FEED, eventsFeed)
    expect(await runJobByHand(payload, 'importCalendars', { calendar: 'python-events' })).toMatchObject({ state: 'succeeded', output: { updated: 1, refused: [] } })
  })

  it('leaves alone an event that left the feed with a rule stored before validation, and imports the rest', async () => {
    const [stored] = (await payload.find({ collection: 'events', where: { uid: { equals: 'core-sprint-2027@python-events.example' } }, depth: 0 })).docs
    await payload.db.drizzle.execute(sql`UPDATE "events" SET "recurrence_rrule" = 'FREQ=MINUTELY;INTERVAL=abc', "recurrence_start" = '2027-03-01T09:00:00Z' WHERE "id" = ${stored.id}`)
    serve(EVENTS_FEED, withoutEvent(eventsFeed, 'core-sprint-2027@python-events.example'))
    const result = await runJobByHand(payload, 'importCalendars', { calendar: 'python-events' })

    expect(result).toMatchObject({ state: 'succeeded', output: { refused: [] } })
    expect((await payload.findByID({ collection: 'events', id: stored.id, depth: 0 })).cancelled).toBe(false)
    await payload.db.drizzle.execute(sql`UPDATE "events" SET "recurrence_rrule" = NULL, "recurrence_start" = NULL WHERE "id" = ${stored.id}`)
    serve(EVENTS_FEED, eventsFeed)
  })

  it('imports only the calendar named in the input', async () => {
    const fetchesBefore = server.requests.length
    const result = await runJobByHand(payload, 'importCalendars', { calendar: 'python-user-group' })

    expect(result).toMatchObject({ state: 'succeeded', output: { calendars: 1, created: 0, updated: 0, unchanged: 1, skipped: [], refused: [] } })
    expect(server.requests.slice(fetchesBefore).map((request) => request.url)).toEqual([USER_GROUP_FEED])
  })

  it("fails on a malformed feed with a logged error, changes nothing of that calendar, still imports the others, and succeeds on the queue's retry", async () => {
    const logged = vi.spyOn(payload.logger, 'error')
    const eventsBefore = await events('python-events')
    const locationsBefore = await snapshotCollection(payload, 'event-locations')
    // The second VEVENT lost its UID line: the whole feed is refused.
    serve(EVENTS_FEED, eventsFeed.replace('UID:berlin-meetup@python-events.example\r\n', '').replace('SUMMARY:PyCon US 2027', 'SUMMARY:PyCon US 2027 (renamed)'))
    serve(USER_GROUP_FEED, userGroupFeed.replace('SUMMARY:PyLadies Monthly', 'SUMMARY:PyLadies Monthly Meetup'))

    const result = await runJobByHand(payload, 'importCalendars')

    const message = `1 of 2 calendar feeds were not imported (the others were): python-events: ${server.url(EVENTS_FEED)}: VEVENT #2: has no UID`
    expect(result).toEqual({ jobId: expect.anything(), state: 'retrying', error: message, retryAt: expect.any(String) })
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ err: expect.objectContaining({ message }), taskSlug: 'importCalendars' }))
    expect(await events('python-events')).toEqual(eventsBefore)
    expect(await snapshotCollection(payload, 'event-locations')).toEqual(locationsBefore)
    expect(await events('python-user-group')).toEqual([{ ...PYLADIES_MONTHLY, title: 'PyLadies Monthly Meetup' }])

    serve(EVENTS_FEED, eventsFeed)
    await runQueueLater(payload, SCHEDULED_QUEUE, 61_000)
    const retried = await payload.findByID({ collection: 'payload-jobs', id: result.jobId, depth: 0, overrideAccess: true })
    expect(retried.completedAt).toEqual(expect.any(String))
    expect(retried.log?.map((entry) => entry.state)).toEqual(['failed', 'succeeded'])
    expect(retried.log?.at(-1)?.output).toEqual({ calendars: 2, created: 0, updated: 0, unchanged: 5, skipped: [], refused: [] })
  })

  it('refuses what is not an iCalendar feed at all, changing nothing', async () => {
    const before = await unchangedSnapshot()
    serve(EVENTS_FEED, '<!DOCTYPE html><html><body><h1>Calendar not found</h1></body></html>')
    const result = await runJobByHand(payload, 'importCalendars', { calendar: 'python-events' })

    expect(result).toMatchObject({
      state: 'retrying',
      error: `1 of 1 calendar feeds were not imported (the others were): python-events: ${server.url(EVENTS_FEED)}: is not an iCalendar feed (it must start with BEGIN:VCALENDAR and end with END:VCALENDAR)`,
    })
    expect(await unchangedSnapshot()).toEqual(before)
    serve(EVENTS_FEED, eventsFeed)
  })
})

/** The HTML of an imported description (one raw-markup block), or null. */
function rawMarkupSource(description: unknown): string | null {
  if (description == null) return null
  const children = (description as { root: { children: { fields?: { source?: string } }[] } }).root.children
  return children[0]?.fields?.source ?? null
}
