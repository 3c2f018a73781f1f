import { readFile } from 'node:fs/promises'

import { describe, expect, it } from 'vitest'

import { parseICalendarFeed } from '../../../seed/sources/parseICalendarFeed'
import { SourceDataError } from '../../../seed/sources/SourceDataError'

const SOURCE = 'https://calendar.example/basic.ics'
const fixture = (name: string) => readFile(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8')

/** A calendar holding these VEVENT lines, CRLF-separated as RFC 5545 wants. */
function calendar(...events: string[][]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events.flatMap((event) => ['BEGIN:VEVENT', ...event, 'END:VEVENT']), 'END:VCALENDAR']
  return `${lines.join('\r\n')}\r\n`
}

const base = ['UID:one@example.org', 'DTSTAMP:20261120T120000Z', 'DTSTART:20270301T090000Z', 'DTEND:20270301T100000Z', 'SUMMARY:One']

describe('parseICalendarFeed', () => {
  it('reads a Google-style feed: time zones, all-day ends, recurrence with EXDATE and a moved occurrence, status, sanitized descriptions', async () => {
    expect(parseICalendarFeed(await fixture('python-events.ics'), SOURCE)).toEqual([
      {
        uid: 'berlin-meetup@python-events.example',
        title: 'Python Users Berlin',
        descriptionHtml: '<p>Talks &amp; pizza<br>Bring a laptop</p>',
        location: 'c-base, Berlin',
        cancelled: false,
        occurrences: [{ start: '2027-01-27T18:00:00.000Z', end: '2027-01-27T20:00:00.000Z', allDay: false }],
        recurrence: { rrule: 'FREQ=WEEKLY;COUNT=10;BYDAY=TU', start: '2027-01-05T17:00:00.000Z', durationMinutes: 120, exdates: '20270112T170000Z,20270126T170000Z', allDay: false },
        timezone: 'Europe/Berlin',
      },
      {
        uid: 'cancelled-webinar@python-events.example',
        title: 'Packaging Webinar',
        descriptionHtml: '',
        location: null,
        cancelled: true,
        occurrences: [{ start: '2027-04-01T16:00:00.000Z', end: '2027-04-01T17:00:00.000Z', allDay: false }],
        recurrence: null,
        timezone: 'UTC',
      },
      {
        uid: 'core-sprint-2027@python-events.example',
        title: 'Core Development Sprint',
        descriptionHtml: '',
        location: null,
        cancelled: false,
        occurrences: [{ start: '2027-03-01T09:00:00.000Z', end: '2027-03-01T12:00:00.000Z', allDay: false }],
        recurrence: null,
        timezone: 'UTC',
      },
      {
        uid: 'pycon-us-2027@python-events.example',
        title: 'PyCon US 2027',
        descriptionHtml: '<p>PyCon US <b>2027</b>: talks, tutorials and sprints. <a href="https://us.pycon.org/2027/">Register</a></p>',
        location: 'Long Beach, CA, USA',
        cancelled: false,
        occurrences: [{ start: '2027-05-12T00:00:00.000Z', end: '2027-05-20T00:00:00.000Z', allDay: true }],
        recurrence: null,
        timezone: 'UTC',
      },
    ])
  })

  it('reads a one-day all-day event without DTEND as that day, and a recurring all-day event with date EXDATEs', () => {
    const feed = calendar(
      ['UID:day@example.org', 'DTSTAMP:20261120T120000Z', 'DTSTART;VALUE=DATE:20270704', 'SUMMARY:Day'],
      ['UID:yearly@example.org', 'DTSTAMP:20261120T120000Z', 'DTSTART;VALUE=DATE:20270501', 'DTEND;VALUE=DATE:20270502', 'RRULE:FREQ=YEARLY;COUNT=5', 'EXDATE;VALUE=DATE:20280501', 'SUMMARY:Yearly'],
    )
    expect(parseICalendarFeed(feed, SOURCE).map(({ uid, occurrences, recurrence }) => ({ uid, occurrences, recurrence }))).toEqual([
      { uid: 'day@example.org', occurrences: [{ start: '2027-07-04T00:00:00.000Z', end: '2027-07-04T00:00:00.000Z', allDay: true }], recurrence: null },
      { uid: 'yearly@example.org', occurrences: [], recurrence: { rrule: 'FREQ=YEARLY;COUNT=5', start: '2027-05-01T00:00:00.000Z', durationMinutes: 1440, exdates: '20280501T000000Z', allDay: true } },
    ])
  })

  it('names an untitled event, cuts a long title at 200 characters and keeps plain-text descriptions escaped', () => {
    const [untitled, long] = parseICalendarFeed(
      calendar(
        ['UID:a@example.org', 'DTSTAMP:20261120T120000Z', 'DTSTART:20270301T090000Z', 'DESCRIPTION:Use x < y & that'],
        ['UID:b@example.org', 'DTSTAMP:20261120T120000Z', 'DTSTART:20270301T090000Z', `SUMMARY:${'x'.repeat(250)}`],
      ),
      SOURCE,
    )
    expect([untitled.title, untitled.descriptionHtml]).toEqual(['(no title)', '<p>Use x &lt; y &amp; that</p>'])
    expect([long.title.length, long.title.endsWith('…')]).toEqual([200, true])
  })

  it("keeps DTSTART's TZID (canonical name) as the event's zone, and UTC for UTC and all-day times", () => {
    const zoned = (dtstart: string) => parseICalendarFeed(calendar([...base.filter((line) => !line.startsWith('DTSTART') && !line.startsWith('DTEND')), dtstart]), SOURCE)[0].timezone
    expect(zoned('DTSTART;TZID=America/New_York:20261020T180000')).toBe('America/New_York')
    expect(zoned('DTSTART;TZID=US/Eastern:20261020T180000')).toBe('America/New_York')
    expect(zoned('DTSTART:20261020T180000Z')).toBe('UTC')
    expect(zoned('DTSTART;VALUE=DATE:20261020')).toBe('UTC')
  })

  it('keeps a recurrence rule as the feed gives it (node-ical turns INTERVAL=abc into NaN): the importer judges it, event by event', () => {
    const [event] = parseICalendarFeed(calendar([...base, 'RRULE:FREQ=MINUTELY;INTERVAL=abc']), SOURCE)
    expect(event.recurrence?.rrule).toBe('FREQ=MINUTELY;INTERVAL=NaN')
  })

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body>Not found</body></html>', 'is not an iCalendar feed (it must start with BEGIN:VCALENDAR and end with END:VCALENDAR)'],
    ['an empty answer', '', 'is not an iCalendar feed (it must start with BEGIN:VCALENDAR and end with END:VCALENDAR)'],
    ['a calendar cut short', calendar(base).replace('END:VCALENDAR\r\n', ''), 'is not an iCalendar feed (it must start with BEGIN:VCALENDAR and end with END:VCALENDAR)'],
    ['a VEVENT never closed', calendar(base).replace('END:VEVENT\r\n', ''), 'has 1 VEVENT(s) without END:VEVENT'],
    ['a VEVENT without UID', calendar(base, base.filter((line) => !line.startsWith('UID'))), 'VEVENT #2: has no UID'],
    ['a VEVENT without DTSTART', calendar(base.filter((line) => !line.startsWith('DTSTART'))), 'VEVENT one@example.org: has no DTSTART'],
    ['an unreadable DTSTART', calendar(base.map((line) => (line.startsWith('DTSTART') ? 'DTSTART:next tuesday' : line))), 'VEVENT one@example.org: has an unreadable DTSTART'],
    ['an end before the start', calendar(base.map((line) => (line.startsWith('DTEND') ? 'DTEND:20270301T080000Z' : line))), 'VEVENT one@example.org: ends (DTEND) before it starts (DTSTART)'],
  ])('refuses %s, naming the feed and the event', (_case, text, problem) => {
    const thrown = (() => {
      try {
        parseICalendarFeed(text, SOURCE)
      } catch (error) {
        return error
      }
      return null
    })()
    expect(thrown).toBeInstanceOf(SourceDataError)
    expect((thrown as SourceDataError).message).toBe(`${SOURCE}: ${problem}`)
  })
})
