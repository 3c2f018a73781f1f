import path from 'node:path'

import { dateutilRecurrenceRule } from './dateutilRecurrenceRule'
import { djangoDurationMinutes } from './djangoDurationMinutes'
import { type DjangoFixtureRow, readDjangoFixture } from './readDjangoFixture'
import type { RecordReader } from './RecordReader'

export const EVENTS_SOURCE_FILE = path.join('pythondotorg', 'events.json')

export interface CalendarRecord {
  legacyId: number
  name: string
  slug: string
  description: string | null
  /** The iCal feed python.org imports from; null when the calendar is edited by hand. */
  url: string | null
  rss: string | null
  embed: string | null
  twitter: string | null
}

export interface EventCategoryRecord {
  legacyId: number
  name: string
  slug: string
  calendarLegacyId: number | null
}

export interface EventLocationRecord {
  legacyId: number
  name: string
  address: string | null
  url: string | null
  calendarLegacyId: number | null
}

/** python.org's OccurringRule: the event's one-off dates (UTC ISO date-times). */
export interface OccurringRuleRecord {
  dtStart: string
  dtEnd: string
  allDay: boolean
}

/** python.org's RecurringRule, as an RFC 5545 rule plus the start and length of each occurrence. */
export interface RecurringRuleRecord {
  legacyId: number
  /** `FREQ=DAILY;INTERVAL=1;UNTIL=20241009T184516Z` */
  rrule: string
  /** The first occurrence's start (python.org's `begin`), a UTC ISO date-time. */
  recurrenceStart: string
  recurrenceDurationMinutes: number
  allDay: boolean
}

export interface EventRecord {
  legacyId: number
  /** The iCal UID it was imported by; null for events entered by hand. */
  uid: string | null
  title: string
  calendarLegacyId: number
  /** python.org's rendered description (`_description_rendered`). */
  descriptionHtml: string
  venueLegacyId: number | null
  featured: boolean
  categoryLegacyIds: number[]
  occurringRule: OccurringRuleRecord | null
  recurringRules: RecurringRuleRecord[]
}

export interface EventsSource {
  calendars: CalendarRecord[]
  categories: EventCategoryRecord[]
  locations: EventLocationRecord[]
  events: EventRecord[]
}

const MODELS = {
  calendar: 'events.calendar',
  category: 'events.eventcategory',
  location: 'events.eventlocation',
  event: 'events.event',
  occurringRule: 'events.occurringrule',
  recurringRule: 'events.recurringrule',
} as const

const KNOWN_MODELS: ReadonlySet<string> = new Set(Object.values(MODELS))

/** Checks that a foreign key points at a row of the same file. */
function reference(fields: RecordReader, key: string, ids: ReadonlySet<number>, model: string): number {
  const id = fields.integer(key)
  if (!ids.has(id)) throw fields.problem(`${key} ${id} matches no ${model} row`)
  return id
}

function nullableReference(fields: RecordReader, key: string, ids: ReadonlySet<number>, model: string): number | null {
  return fields.nullableInteger(key) === null ? null : reference(fields, key, ids, model)
}

function idsOf(rows: readonly DjangoFixtureRow[]): Set<number> {
  return new Set(rows.map((row) => row.pk))
}

function readOccurringRule(fields: RecordReader): OccurringRuleRecord {
  const dtStart = fields.isoDateTime('dt_start')
  const dtEnd = fields.isoDateTime('dt_end')
  if (dtEnd < dtStart) throw fields.problem('dt_end is before dt_start')
  return { dtStart, dtEnd, allDay: fields.boolean('all_day') }
}

function readRecurringRule(row: DjangoFixtureRow): RecurringRuleRecord {
  const { fields } = row
  const until = fields.nullableString('finish') === null ? null : fields.isoDateTime('finish')
  const frequency = fields.integer('frequency')
  const interval = fields.integer('interval')
  const duration = fields.string('duration_internal')
  return {
    legacyId: row.pk,
    rrule: fields.withRecordContext(() => dateutilRecurrenceRule({ frequency, interval, until })),
    recurrenceStart: fields.isoDateTime('begin'),
    recurrenceDurationMinutes: fields.withRecordContext(() => djangoDurationMinutes(duration)),
    allDay: fields.boolean('all_day'),
  }
}

/**
 * Reads python.org's events fixture: calendars, categories, locations, and events with their
 * one-off dates and recurrence rules folded in. Every foreign key is checked.
 */
export async function readEventsSource(dataDir: string): Promise<EventsSource> {
  const file = path.join(dataDir, EVENTS_SOURCE_FILE)
  const rows = await readDjangoFixture(file)
  for (const row of rows) {
    if (!KNOWN_MODELS.has(row.model)) throw row.fields.problem(`model ${row.model} is not an events model this reader knows`)
  }
  const rowsOf = (model: string): DjangoFixtureRow[] => rows.filter((row) => row.model === model)
  const calendarIds = idsOf(rowsOf(MODELS.calendar))
  const categoryIds = idsOf(rowsOf(MODELS.category))
  const locationIds = idsOf(rowsOf(MODELS.location))
  const eventIds = idsOf(rowsOf(MODELS.event))

  const occurringRules = new Map<number, OccurringRuleRecord>()
  for (const { fields } of rowsOf(MODELS.occurringRule)) {
    const eventId = reference(fields, 'event', eventIds, MODELS.event)
    // One-to-one on python.org.
    if (occurringRules.has(eventId)) throw fields.problem(`event ${eventId} already has an occurring rule`)
    occurringRules.set(eventId, readOccurringRule(fields))
  }
  const recurringRules = new Map<number, RecurringRuleRecord[]>()
  for (const row of rowsOf(MODELS.recurringRule)) {
    const eventId = reference(row.fields, 'event', eventIds, MODELS.event)
    recurringRules.set(eventId, [...(recurringRules.get(eventId) ?? []), readRecurringRule(row)])
  }

  return {
    calendars: rowsOf(MODELS.calendar).map(({ pk, fields }) => ({
      legacyId: pk,
      name: fields.nonEmptyString('name'),
      slug: fields.nonEmptyString('slug'),
      description: fields.nullableString('description'),
      url: fields.optionalHttpUrl('url'),
      rss: fields.optionalHttpUrl('rss'),
      embed: fields.optionalHttpUrl('embed'),
      twitter: fields.optionalHttpUrl('twitter'),
    })),
    categories: rowsOf(MODELS.category).map(({ pk, fields }) => ({
      legacyId: pk,
      name: fields.nonEmptyString('name'),
      slug: fields.nonEmptyString('slug'),
      calendarLegacyId: nullableReference(fields, 'calendar', calendarIds, MODELS.calendar),
    })),
    locations: rowsOf(MODELS.location).map(({ pk, fields }) => ({
      legacyId: pk,
      name: fields.nonEmptyString('name'),
      address: fields.nullableString('address'),
      url: fields.optionalHttpUrl('url'),
      calendarLegacyId: nullableReference(fields, 'calendar', calendarIds, MODELS.calendar),
    })),
    events: rowsOf(MODELS.event).map(({ pk, fields }) => ({
      legacyId: pk,
      uid: fields.nullableString('uid') || null,
      title: fields.nonEmptyString('title'),
      calendarLegacyId: reference(fields, 'calendar', calendarIds, MODELS.calendar),
      descriptionHtml: fields.string('_description_rendered'),
      venueLegacyId: nullableReference(fields, 'venue', locationIds, MODELS.location),
      featured: fields.boolean('featured'),
      categoryLegacyIds: fields.integerArray('categories').map((id) => {
        if (!categoryIds.has(id)) throw fields.problem(`category ${id} matches no ${MODELS.category} row`)
        return id
      }),
      occurringRule: occurringRules.get(pk) ?? null,
      recurringRules: recurringRules.get(pk) ?? [],
    })),
  }
}
