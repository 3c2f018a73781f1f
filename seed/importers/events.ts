import type { Payload } from 'payload'

import { rawMarkupDocument } from '../lexical/lexicalDocuments'
import type { ProgressFactory } from '../progress'
import type { EventsSource } from '../sources/readEventsSource'
import { describeTally, emptyTally, type UpsertTally } from '../upsertTally'
import { loadByKey, upsertByKey } from './upsertByKey'

/**
 * python.org's events fixture: calendars (by slug), categories, locations and events (by
 * their fixture id, `legacyId`). An event's occurring rule becomes its one-off occurrence and
 * its recurring rule an RRULE.
 */
export async function importEvents(payload: Payload, source: EventsSource, progress: ProgressFactory): Promise<UpsertTally> {
  const tally = emptyTally()
  const bar = progress('Events', source.calendars.length + source.categories.length + source.locations.length + source.events.length)

  const calendars = await loadByKey(payload, 'calendars', 'slug')
  const calendarIds = new Map<number, number | string>()
  for (const calendar of source.calendars) {
    const { legacyId, ...data } = calendar
    const doc = await upsertByKey(payload, { collection: 'calendars', existing: calendars, key: 'slug', tally, data })
    calendarIds.set(legacyId, doc.id)
    bar.tick()
  }
  const calendarOf = (legacyId: number | null) => (legacyId == null ? null : calendarIds.get(legacyId) ?? null)

  const categories = await loadByKey(payload, 'event-categories', 'legacyId')
  for (const category of source.categories) {
    await upsertByKey(payload, {
      collection: 'event-categories',
      existing: categories,
      key: 'legacyId',
      tally,
      data: { legacyId: category.legacyId, name: category.name, slug: category.slug, calendar: calendarOf(category.calendarLegacyId) },
    })
    bar.tick()
  }

  const locations = await loadByKey(payload, 'event-locations', 'legacyId')
  for (const location of source.locations) {
    await upsertByKey(payload, {
      collection: 'event-locations',
      existing: locations,
      key: 'legacyId',
      tally,
      data: { legacyId: location.legacyId, name: location.name, address: location.address, url: location.url, calendar: calendarOf(location.calendarLegacyId) },
    })
    bar.tick()
  }

  const events = await loadByKey(payload, 'events', 'legacyId')
  for (const event of source.events) {
    if (event.recurringRules.length > 1) {
      throw new Error(`Event ${event.legacyId} has ${event.recurringRules.length} recurring rules; an event holds one RRULE.`)
    }
    const rule = event.recurringRules[0]
    const existing = events.get(String(event.legacyId))
    const occurrence = event.occurringRule
    await upsertByKey(payload, {
      collection: 'events',
      existing: events,
      key: 'legacyId',
      tally,
      data: {
        legacyId: event.legacyId,
        uid: event.uid,
        title: event.title,
        calendar: calendarOf(event.calendarLegacyId),
        description: rawMarkupDocument(event.descriptionHtml, 'html'),
        venue: event.venueLegacyId == null ? null : locations.get(String(event.venueLegacyId))?.id ?? null,
        featured: event.featured,
        categories: event.categoryLegacyIds.map((id) => categories.get(String(id))?.id).filter((id) => id != null),
        // Array rows carry ids once stored: keep the stored rows when the dates are the same.
        occurrences: occurrence
          ? sameOccurrence(existing?.occurrences, occurrence)
            ? existing?.occurrences
            : [{ start: occurrence.dtStart, end: occurrence.dtEnd, allDay: occurrence.allDay }]
          : [],
        recurrence: rule
          ? { rrule: rule.rrule, start: rule.recurrenceStart, durationMinutes: rule.recurrenceDurationMinutes, allDay: rule.allDay, exdates: null }
          : { rrule: null, start: null, durationMinutes: null, allDay: false, exdates: null },
      },
    })
    bar.tick()
  }
  bar.done(describeTally(tally))
  return tally
}

function sameOccurrence(stored: unknown, wanted: { dtStart: string; dtEnd: string; allDay: boolean }): boolean {
  if (!Array.isArray(stored) || stored.length !== 1) return false
  const [row] = stored as { start?: string; end?: string; allDay?: boolean }[]
  return (
    new Date(String(row.start)).getTime() === new Date(wanted.dtStart).getTime() &&
    new Date(String(row.end)).getTime() === new Date(wanted.dtEnd).getTime() &&
    Boolean(row.allDay) === wanted.allDay
  )
}
