import ical, { type CalendarResponse, type ParameterValue, type VEvent } from 'node-ical'

import { isTimeZone } from '../../lib/recurrence/floatingTime'
import { feedDescriptionHtml } from './feedDescriptionHtml'
import { SourceDataError } from './SourceDataError'

/** One dated occurrence, as the events collection stores it (UTC ISO date-times). */
export interface FeedOccurrence {
  start: string
  /** Inclusive for all-day events (their last day), as python.org stores them. */
  end: string
  allDay: boolean
}

/** An RFC 5545 recurrence, as the events collection stores it. */
export interface FeedRecurrence {
  /** `FREQ=WEEKLY;BYDAY=TU`, without DTSTART (kept in `start`). */
  rrule: string
  start: string
  durationMinutes: number
  /** Skipped and moved occurrences: `20270112T170000Z,20270119T170000Z`, or null. */
  exdates: string | null
  allDay: boolean
}

/** One VEVENT of a calendar feed, checked and shaped for the events collection. */
export interface CalendarFeedEvent {
  uid: string
  title: string
  /** Sanitized HTML; empty when the event has no DESCRIPTION. */
  descriptionHtml: string
  /** The LOCATION text: python.org's venue name. */
  location: string | null
  /** STATUS:CANCELLED in the feed. */
  cancelled: boolean
  /** One-off dates; for a recurring event, its moved occurrences (RECURRENCE-ID overrides). */
  occurrences: FeedOccurrence[]
  recurrence: FeedRecurrence | null
  /** The IANA zone of DTSTART's TZID (canonical name), in which the recurrence repeats; UTC for UTC, floating and all-day times. */
  timezone: string
}

const TITLE_MAX_LENGTH = 200
const LOCATION_MAX_LENGTH = 255
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Reads an iCalendar (RFC 5545) feed such as a Google calendar's `basic.ics`. Anything that is
 * not a well-formed calendar (no VCALENDAR, a VEVENT without UID or DTSTART, an unreadable date
 * or an empty RRULE) throws a SourceDataError naming `source` and the event, so an importer given a
 * broken feed writes nothing.
 */
export function parseICalendarFeed(text: string, source: string): CalendarFeedEvent[] {
  checkStructure(text, source)
  let parsed: CalendarResponse
  try {
    parsed = ical.sync.parseICS(text)
  } catch (error) {
    throw new SourceDataError(source, null, `is not a readable iCalendar feed (${error instanceof Error ? error.message : String(error)})`)
  }
  const events: CalendarFeedEvent[] = []
  for (const component of Object.values(parsed)) {
    if (component === undefined || component.type !== 'VEVENT') continue
    events.push(feedEvent(component as VEvent, source))
  }
  return events.sort((a, b) => a.uid.localeCompare(b.uid))
}

/**
 * node-ical reads almost anything (an HTML error page parses as an empty calendar), so the
 * shape RFC 5545 requires is checked on the text first: one VCALENDAR, and every VEVENT closed
 * and holding a UID and a DTSTART.
 */
function checkStructure(text: string, source: string): void {
  const body = text.replace(/^\uFEFF/, '').trim()
  if (!/^BEGIN:VCALENDAR\r?$/m.test(body.split('\n')[0] ?? '') || !/^END:VCALENDAR\s*$/m.test(body)) {
    throw new SourceDataError(source, null, 'is not an iCalendar feed (it must start with BEGIN:VCALENDAR and end with END:VCALENDAR)')
  }
  const unfolded = body.replace(/\r?\n[ \t]/g, '')
  const begins = unfolded.match(/^BEGIN:VEVENT\r?$/gm)?.length ?? 0
  const blocks = [...unfolded.matchAll(/^BEGIN:VEVENT\r?$([\s\S]*?)^END:VEVENT\r?$/gm)]
  if (blocks.length !== begins) throw new SourceDataError(source, null, `has ${begins - blocks.length} VEVENT(s) without END:VEVENT`)
  blocks.forEach((block, index) => {
    const lines = block[1]
    const uid = /^UID(?:;[^:\r\n]*)?:(.*)$/m.exec(lines)?.[1]?.trim()
    const record = uid ? `VEVENT ${uid}` : `VEVENT #${index + 1}`
    if (!uid) throw new SourceDataError(source, record, 'has no UID')
    if (!/^DTSTART[;:]/m.test(lines)) throw new SourceDataError(source, record, 'has no DTSTART')
  })
}

function feedEvent(event: VEvent, source: string): CalendarFeedEvent {
  const record = `VEVENT ${event.uid}`
  const problem = (message: string) => new SourceDataError(source, record, message)
  const start = validDate(event.start, problem, 'DTSTART')
  const allDay = event.datetype === 'date'
  const exclusiveEnd = event.end === undefined ? start : validDate(event.end, problem, 'DTEND')
  if (exclusiveEnd.getTime() < start.getTime()) throw problem('ends (DTEND) before it starts (DTSTART)')

  const overrides = distinctOverrides(event)
  const movedOccurrences = overrides
    .filter((override) => override.status !== 'CANCELLED')
    .map((override) => {
      const moved = override as VEvent
      const movedStart = validDate(moved.start, problem, 'DTSTART of a RECURRENCE-ID override')
      const movedEnd = moved.end === undefined ? movedStart : validDate(moved.end, problem, 'DTEND of a RECURRENCE-ID override')
      return occurrenceOf(movedStart, movedEnd, moved.datetype === 'date')
    })

  let recurrence: FeedRecurrence | null = null
  let occurrences: FeedOccurrence[]
  if (event.rrule) {
    const rrule = rruleText(event.rrule.toString(), problem)
    const skipped = [
      ...Object.values(event.exdate ?? {}).map((date) => validDate(date, problem, 'EXDATE')),
      ...overrides.map((override) => validDate(override.recurrenceid, problem, 'RECURRENCE-ID')),
    ]
    recurrence = {
      rrule,
      start: isoOf(start, allDay),
      durationMinutes: Math.round((exclusiveEnd.getTime() - start.getTime()) / 60_000),
      exdates: exdatesOf(skipped, allDay),
      allDay,
    }
    occurrences = movedOccurrences
  } else {
    occurrences = [occurrenceOf(start, exclusiveEnd, allDay), ...movedOccurrences]
  }

  const location = textOf(event.location).trim()
  return {
    uid: event.uid,
    title: truncate(textOf(event.summary).trim() || '(no title)', TITLE_MAX_LENGTH),
    descriptionHtml: feedDescriptionHtml(textOf(event.description)),
    location: location === '' ? null : truncate(location, LOCATION_MAX_LENGTH),
    cancelled: event.status === 'CANCELLED',
    occurrences: occurrences.sort((a, b) => a.start.localeCompare(b.start)),
    recurrence,
    timezone: allDay ? 'UTC' : timeZoneOf(start),
  }
}

/**
 * node-ical marks a DTSTART with a TZID by a `tz` property on the date (`Etc/UTC` for a `Z`
 * time). Aliases (`US/Eastern`) become the runtime's canonical name; a zone it does not know
 * (a Windows name node-ical could not map) is read as UTC, as the times themselves were.
 */
function timeZoneOf(start: Date): string {
  const tz = (start as Date & { tz?: unknown }).tz
  if (typeof tz !== 'string' || tz === '') return 'UTC'
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone
    return isTimeZone(canonical) ? canonical : 'UTC'
  } catch {
    return 'UTC'
  }
}

/** node-ical files each override under two keys (date and date-time): one per RECURRENCE-ID. */
function distinctOverrides(event: VEvent): Omit<VEvent, 'recurrences'>[] {
  const seen = new Map<number, Omit<VEvent, 'recurrences'>>()
  for (const override of Object.values(event.recurrences ?? {})) {
    const time = override.recurrenceid instanceof Date ? override.recurrenceid.getTime() : Number.NaN
    seen.set(time, override)
  }
  return [...seen.values()]
}

function occurrenceOf(start: Date, exclusiveEnd: Date, allDay: boolean): FeedOccurrence {
  if (!allDay) return { start: isoOf(start, false), end: isoOf(exclusiveEnd, false), allDay }
  // iCal all-day ends are exclusive (the day after); python.org stores the last day itself.
  const startDay = utcDay(start)
  const lastDay = Math.max(startDay, utcDay(exclusiveEnd) - DAY_MS)
  return { start: new Date(startDay).toISOString(), end: new Date(lastDay).toISOString(), allDay }
}

/**
 * The RRULE line of node-ical's rule (which prints DTSTART on a line of its own), as the feed
 * gave it: whether the site can keep it is the events collection's rule, which the importer
 * applies to each event (one bad rule skips its event, not the feed).
 */
function rruleText(printed: string, problem: (message: string) => SourceDataError): string {
  const line = printed.split('\n').find((candidate) => candidate.startsWith('RRULE:'))
  const rule = line?.slice('RRULE:'.length).trim() ?? ''
  if (rule === '') throw problem('has an empty RRULE')
  return rule
}

function exdatesOf(dates: Date[], allDay: boolean): string | null {
  const times = [...new Set(dates.map((date) => (allDay ? utcDay(date) : date.getTime())))].sort((a, b) => a - b)
  if (times.length === 0) return null
  return times.map((time) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')).join(',')
}

/**
 * node-ical gives a DATE value as local midnight of that day: its calendar day, at UTC
 * midnight, is what an all-day event means wherever the importer runs.
 */
function utcDay(date: Date): number {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate())
}

function isoOf(date: Date, allDay: boolean): string {
  return new Date(allDay ? utcDay(date) : date.getTime()).toISOString()
}

function validDate(value: unknown, problem: (message: string) => SourceDataError, property: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw problem(`has an unreadable ${property}`)
  return value
}

/** A property value, with or without iCal parameters (`SUMMARY;LANGUAGE=en:...`). */
function textOf(value: ParameterValue | undefined): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : String(value.val ?? '')
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`
}
