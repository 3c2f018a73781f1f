import type { PayloadRequest } from 'payload'

import { recurrenceRuleProblem } from '../../collections/Events/recurrenceRule'
import { rawMarkupDocument } from '../lexical/lexicalDocuments'
import type { CalendarFeedEvent, FeedOccurrence } from '../sources/parseICalendarFeed'
import { emptyTally, type UpsertTally } from '../upsertTally'
import { upsertByKey } from './upsertByKey'

type Id = number | string
type Doc = Record<string, unknown> & { id: Id }

/** What one calendar's import did, beyond the upsert counts. */
export type CalendarImportTally = UpsertTally & {
  /** UIDs of the feed that belong to an event of another calendar, left untouched. */
  skipped: string[]
  /**
   * Events of the feed the events collection refuses (a recurrence rule it cannot keep, such as
   * `FREQ=MINUTELY;INTERVAL=NaN`), with the reason: not written (a stored one is left as it was),
   * while the rest of the feed is imported.
   */
  refused: RefusedFeedEvent[]
}

export type RefusedFeedEvent = { uid: string; reason: string }

const NO_RECURRENCE = { rrule: null, start: null, durationMinutes: null, exdates: null, allDay: false }

/**
 * One calendar's iCal feed into `events`, by UID (python.org's ICSImporter): title, description
 * (sanitized HTML), venue (a location of this calendar, found or created by name, as python.org
 * does), dates, the recurrence rule with its EXDATEs and the zone it repeats in (the feed's TZID).
 * Only the feed's own `STATUS:CANCELLED` cancels an event (and a later status un-cancels it); an
 * event that left the feed is kept as it was, as python.org keeps it (issue 15: marking those
 * cancelled took past events of a rolling feed off the site). Events of other calendars are never touched, even when a feed reuses their
 * UID; categories and `featured` are left to editors. An event whose recurrence rule the events
 * collection refuses is skipped and reported in `refused`. Writes in `req`'s transaction.
 */
export async function importCalendarFeed(req: PayloadRequest, calendarId: Id, feed: readonly CalendarFeedEvent[]): Promise<CalendarImportTally> {
  const { payload } = req
  const tally: CalendarImportTally = { ...emptyTally(), skipped: [], refused: [] }

  const imported = await payload.find({ collection: 'events', where: { uid: { exists: true } }, limit: 0, pagination: false, depth: 0, overrideAccess: true, req })
  const byUid = new Map((imported.docs as unknown as Doc[]).map((doc) => [String(doc.uid), doc]))
  const venues = await venueFinder(req, calendarId)

  for (const event of feed) {
    const current = byUid.get(event.uid)
    if (current !== undefined && !sameId(current.calendar, calendarId)) {
      tally.skipped.push(event.uid)
      continue
    }
    const ruleProblem = event.recurrence === null ? null : recurrenceRuleProblem(event.recurrence.rrule, event.recurrence.start, event.timezone)
    if (ruleProblem !== null) {
      tally.refused.push({ uid: event.uid, reason: `RRULE ${ruleProblem}` })
      continue
    }
    await upsertByKey(payload, {
      collection: 'events',
      existing: byUid,
      key: 'uid',
      tally,
      req,
      purgeSite: true,
      data: {
        uid: event.uid,
        title: event.title,
        calendar: calendarId,
        description: event.descriptionHtml === '' ? null : rawMarkupDocument(event.descriptionHtml, 'html'),
        venue: event.location === null ? null : await venues(event.location),
        cancelled: event.cancelled,
        // Stored array rows carry ids: keep them when the dates are the same, so nothing changes.
        occurrences: sameOccurrences(current?.occurrences, event.occurrences) ? current?.occurrences : event.occurrences,
        recurrence: event.recurrence ?? NO_RECURRENCE,
        timezone: event.timezone,
      },
    })
  }

  return tally
}

/** The id of this calendar's location named `name`, created on first use. */
async function venueFinder(req: PayloadRequest, calendarId: Id): Promise<(name: string) => Promise<Id>> {
  const { payload } = req
  const found = await payload.find({ collection: 'event-locations', where: { calendar: { equals: calendarId } }, limit: 0, pagination: false, depth: 0, overrideAccess: true, req })
  const byName = new Map(found.docs.map((doc) => [doc.name, doc.id as Id]))
  return async (name) => {
    const known = byName.get(name)
    if (known !== undefined) return known
    const created = await payload.create({ collection: 'event-locations', data: { name, calendar: calendarId as number }, overrideAccess: true, depth: 0, req })
    byName.set(name, created.id)
    return created.id
  }
}

function sameId(relation: unknown, id: Id): boolean {
  const value = typeof relation === 'object' && relation !== null && 'id' in relation ? (relation as { id: unknown }).id : relation
  return String(value) === String(id)
}

function sameOccurrences(stored: unknown, wanted: readonly FeedOccurrence[]): boolean {
  if (!Array.isArray(stored) || stored.length !== wanted.length) return false
  return (stored as { start?: string; end?: string; allDay?: boolean }[]).every(
    (row, index) =>
      new Date(String(row.start)).getTime() === new Date(wanted[index].start).getTime() &&
      new Date(String(row.end)).getTime() === new Date(wanted[index].end).getTime() &&
      Boolean(row.allDay) === wanted[index].allDay,
  )
}
