import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type EventsSource, readEventsSource } from '../../../seed/sources/readEventsSource'
import { realDataDir } from '../support/realDataDir'
import { temporaryDataDir } from '../support/temporaryDataDir'

describe('readEventsSource on the real data', () => {
  let source: EventsSource
  beforeAll(async () => {
    source = await readEventsSource(realDataDir)
  })

  it('reads the calendar, category, location and three events', () => {
    expect(source.calendars).toEqual([
      {
        legacyId: 1,
        name: 'python-events',
        slug: 'python-events',
        description: 'Example',
        url: null,
        rss: 'http://python.org/downloads/feed.rss',
        embed: null,
        twitter: 'https://x.com/ThePSF',
      },
    ])
    expect(source.categories).toEqual([{ legacyId: 1, name: 'test category', slug: 'test-category', calendarLegacyId: 1 }])
    expect(source.locations).toEqual([{ legacyId: 1, name: 'Location', address: '123 Python Way', url: null, calendarLegacyId: 1 }])
    expect(source.events.map((event) => event.legacyId)).toEqual([1, 2, 3])
  })

  it('folds the occurring rule into its event, with rendered description', () => {
    expect(source.events[0]).toEqual({
      legacyId: 1,
      uid: null,
      title: 'Example event',
      calendarLegacyId: 1,
      descriptionHtml: '<p>Example event</p>\n',
      venueLegacyId: null,
      featured: true,
      categoryLegacyIds: [1],
      occurringRule: { dtStart: '2024-10-07T18:42:45.000Z', dtEnd: '2030-10-08T18:42:45.000Z', allDay: true },
      recurringRules: [],
    })
  })

  it('converts the recurring rule to an RFC 5545 RRULE', () => {
    const event = source.events[2]
    expect(event.occurringRule).toEqual({ dtStart: '2025-10-08T18:45:16.000Z', dtEnd: '2025-10-31T18:45:16.000Z', allDay: false })
    expect(event.recurringRules).toEqual([
      {
        legacyId: 1,
        rrule: 'FREQ=DAILY;INTERVAL=1;UNTIL=20241009T184516Z',
        recurrenceStart: '2024-10-08T18:45:16.000Z',
        recurrenceDurationMinutes: 15,
        allDay: false,
      },
    ])
  })
})

describe('readEventsSource on malformed input', () => {
  let scratch: Awaited<ReturnType<typeof temporaryDataDir>>
  beforeAll(async () => {
    scratch = await temporaryDataDir()
  })
  afterAll(async () => {
    await scratch.cleanUp()
  })

  const calendar = { model: 'events.calendar', pk: 1, fields: { name: 'c', slug: 'c', description: null, url: null, rss: null, embed: null, twitter: null } }
  const event = (fields: Record<string, unknown> = {}) => ({
    model: 'events.event',
    pk: 5,
    fields: {
      uid: null,
      title: 'E',
      calendar: 1,
      _description_rendered: '<p>E</p>',
      venue: null,
      featured: false,
      categories: [],
      ...fields,
    },
  })
  const recurringRule = (fields: Record<string, unknown> = {}) => ({
    model: 'events.recurringrule',
    pk: 8,
    fields: {
      event: 5,
      begin: '2024-10-08T18:45:16Z',
      finish: '2024-10-09T18:45:16Z',
      duration_internal: '00:15:00',
      interval: 1,
      frequency: 3,
      all_day: false,
      ...fields,
    },
  })

  async function readWith(rows: unknown[]) {
    await scratch.write('pythondotorg/events.json', rows)
    return readEventsSource(scratch.dir)
  }

  it('accepts a minimal event with an open-ended weekly rule', async () => {
    const source = await readWith([calendar, event(), recurringRule({ frequency: 2, interval: 2, finish: null })])
    expect(source.events[0].recurringRules[0].rrule).toBe('FREQ=WEEKLY;INTERVAL=2')
    expect(source.events[0].occurringRule).toBeNull()
  })

  it('rejects a frequency python.org does not offer, naming the rule', async () => {
    await expect(readWith([calendar, event(), recurringRule({ frequency: 5 })])).rejects.toThrow(
      /events\.json: events\.recurringrule pk=8: Frequency 5 is not one of dateutil's YEARLY \(0\) to DAILY \(3\)/,
    )
  })

  it('rejects a duration it cannot read', async () => {
    await expect(readWith([calendar, event(), recurringRule({ duration_internal: '15 min' })])).rejects.toThrow(
      /events\.recurringrule pk=8: Duration "15 min" is not a Django duration/,
    )
  })

  it('rejects references to rows that are not in the file', async () => {
    await expect(readWith([calendar, event({ calendar: 2 })])).rejects.toThrow(/events\.event pk=5: calendar 2 matches no events\.calendar row/)
    await expect(readWith([calendar, event({ categories: [4] })])).rejects.toThrow(/events\.event pk=5: category 4 matches no/)
    await expect(readWith([calendar, event(), recurringRule({ event: 6 })])).rejects.toThrow(/events\.recurringrule pk=8: event 6 matches no/)
  })

  it('rejects an occurrence that ends before it starts, and unknown models', async () => {
    const rule = { model: 'events.occurringrule', pk: 2, fields: { event: 5, dt_start: '2024-10-08T18:00:00Z', dt_end: '2024-10-08T17:00:00Z', all_day: false } }
    await expect(readWith([calendar, event(), rule])).rejects.toThrow(/events\.occurringrule pk=2: dt_end is before dt_start/)
    await expect(readWith([calendar, { model: 'events.alarm', pk: 1, fields: {} }])).rejects.toThrow(/events\.alarm pk=1: model events\.alarm/)
  })
})
