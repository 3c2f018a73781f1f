/**
 * Hostile documents for the CMS's importers, as a feed an editor adds (or the blog, or
 * peps.python.org) could serve them: iCalendar for the calendar import, RSS 2.0 and Atom for the
 * blog import, release-cycle JSON for the release-cycle refresh. Mostly well-formed documents
 * carrying hostile values (so entries are imported and rendered), sometimes broken ones (refused).
 */
import fc from 'fast-check'

import { hostileDate, hostileHtml, hostileString, hostileUrl, recurrenceRule } from './hostileContent'

const DAY_MS = 24 * 3600 * 1000

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** RFC 5545 text escaping, or none at all (a careless feed), or CR/LF smuggled in. */
const icalText = (maxLength: number) =>
  fc.tuple(hostileString(maxLength), fc.constantFrom('escaped', 'raw', 'raw')).map(([text, how]) => (how === 'escaped' ? text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n') : text.replace(/\r?\n/g, ' ')))

/** iCal date-times: UTC, floating, with a TZID, all-day, and a few that are not dates. */
const icalDate = fc.tuple(fc.integer({ min: -30, max: 90 }), fc.integer({ min: 0, max: 23 }), fc.constantFrom('utc', 'tzid', 'date', 'floating', 'odd')).map(([days, hour, kind]) => {
  const date = new Date(Date.now() + days * DAY_MS)
  date.setUTCHours(hour, 0, 0, 0)
  const compact = date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  if (kind === 'utc') return `:${compact}`
  if (kind === 'tzid') return `;TZID=America/New_York:${compact.slice(0, -1)}`
  if (kind === 'date') return `;VALUE=DATE:${compact.slice(0, 8)}`
  if (kind === 'floating') return `:${compact.slice(0, -1)}`
  return ':99991399T250000Z'
})

const vevent = fc
  .record({
    uid: fc.oneof(fc.uuid(), hostileString(200)),
    summary: icalText(500),
    description: fc.oneof(icalText(5_000), hostileHtml.map((html) => html.replace(/\r?\n/g, '\\n'))),
    location: fc.option(icalText(300), { nil: undefined }),
    start: icalDate,
    end: fc.option(icalDate, { nil: undefined }),
    rrule: fc.option(recurrenceRule, { nil: undefined, freq: 3 }),
    exdate: fc.option(icalDate, { nil: undefined, freq: 4 }),
    status: fc.option(fc.constantFrom('CANCELLED', 'CONFIRMED', 'TENTATIVE'), { nil: undefined }),
    url: fc.option(hostileUrl, { nil: undefined }),
    categories: fc.option(icalText(100), { nil: undefined }),
  })
  .map((event) =>
    [
      'BEGIN:VEVENT',
      `UID:${event.uid.replace(/\r?\n/g, '')}`,
      `DTSTAMP:20260101T000000Z`,
      `DTSTART${event.start}`,
      event.end === undefined ? null : `DTEND${event.end}`,
      `SUMMARY:${event.summary}`,
      `DESCRIPTION:${event.description}`,
      event.location === undefined ? null : `LOCATION:${event.location}`,
      event.rrule === undefined ? null : `RRULE:${event.rrule}`,
      event.exdate === undefined ? null : `EXDATE${event.exdate}`,
      event.status === undefined ? null : `STATUS:${event.status}`,
      event.url === undefined ? null : `URL:${event.url.replace(/\r?\n/g, '')}`,
      event.categories === undefined ? null : `CATEGORIES:${event.categories}`,
      'END:VEVENT',
    ]
      .filter((line) => line !== null)
      .join('\r\n'),
  )

/** An iCalendar feed of a few hostile events, or (rarely) something that is not one. */
export const hostileICalendar: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.array(vevent, { minLength: 1, maxLength: 6 }).map((events) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//fuzz//EN', ...events, 'END:VCALENDAR', ''].join('\r\n')) },
  { weight: 1, arbitrary: fc.constantFrom('', 'BEGIN:VCALENDAR', `BEGIN:VCALENDAR\r\n${'BEGIN:VEVENT\r\n'.repeat(2_000)}`, '<html>not a calendar</html>') },
)

const feedEntry =
  fc.record({
    title: hostileString(600),
    link: fc.oneof({ weight: 4, arbitrary: hostileUrl.map((url) => url.slice(0, 900)) }, { weight: 1, arbitrary: hostileString(100) }),
    date: fc.oneof(hostileDate().map((date) => (Number.isNaN(Date.parse(date)) ? date : new Date(date).toUTCString())), fc.constantFrom('Mon, 32 Foo 2026 99:99:99 GMT')),
    summary: fc.oneof(hostileHtml, hostileString(5_000)),
    author: fc.option(hostileString(200), { nil: undefined }),
    cdata: fc.boolean(),
  })

function wrap(text: string, cdata: boolean): string {
  return cdata ? `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>` : xmlEscape(text)
}

/** The blog's feed, RSS 2.0 or Atom, with hostile entries; `unique` keeps links apart from earlier runs. */
export function hostileBlogFeed(unique: number): fc.Arbitrary<string> {
  // Links (and so guids) made distinct within the feed and from earlier runs' posts.
  const entries = fc.array(feedEntry, { minLength: 1, maxLength: 5 }).map((items) => items.map((item, index) => ({ ...item, link: `${item.link.split('#')[0]}#fuzz-${unique}-${index}` })))
  const rss = entries.map((items) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Fuzz</title><link>https://example.com/</link>${items
      .map((item) => `<item><title>${wrap(item.title, item.cdata)}</title><link>${xmlEscape(item.link)}</link><guid>${xmlEscape(item.link)}</guid><pubDate>${xmlEscape(item.date)}</pubDate><description>${wrap(item.summary, item.cdata)}</description>${item.author === undefined ? '' : `<author>${xmlEscape(item.author)}</author>`}</item>`)
      .join('')}</channel></rss>`,
  )
  const atom = entries.map((items) =>
    `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Fuzz</title><id>urn:fuzz</id><updated>2026-01-01T00:00:00Z</updated>${items
      .map((item) => `<entry><title type="html">${wrap(item.title, item.cdata)}</title><link href="${xmlEscape(item.link)}"/><id>${xmlEscape(item.link)}</id><updated>${xmlEscape(item.date)}</updated><published>${xmlEscape(item.date)}</published><summary type="html">${wrap(item.summary, item.cdata)}</summary>${item.author === undefined ? '' : `<author><name>${xmlEscape(item.author)}</name></author>`}</entry>`)
      .join('')}</feed>`,
  )
  return fc.oneof({ weight: 4, arbitrary: rss }, { weight: 3, arbitrary: atom }, { weight: 1, arbitrary: fc.constantFrom('', '<rss>', `<rss>${'<a>'.repeat(5_000)}`, '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>') })
}

/** peps.python.org's release-cycle JSON with new cycles (`9.<unique>`...), hostile values, and sometimes a broken document. */
export function hostileReleaseCycles(unique: number): fc.Arbitrary<string> {
  const cycle = fc.record({
    branch: hostileString(100),
    pep: fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(0, -1, 1.5, 1e21)),
    status: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('feature', 'prerelease', 'bugfix', 'security', 'end-of-life') }, { weight: 1, arbitrary: hostileString(40) }),
    first_release: fc.oneof(fc.integer({ min: -3_000, max: 3_000 }).map((days) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)), fc.constantFrom('2026-02-30', '0001-01-01', '9999-12', '2026')),
    end_of_life: fc.oneof(fc.integer({ min: 3_000, max: 9_000 }).map((days) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 7)), fc.constantFrom('9999-12-31', '1970-01')),
    release_manager: hostileString(200),
  })
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(cycle, { minLength: 1, maxLength: 4 }).map((cycles) => JSON.stringify(Object.fromEntries(cycles.map((value, index) => [`9.${unique * 10 + index}`, value])))) },
    { weight: 1, arbitrary: fc.constantFrom('', '[]', '{}', '{"3.x": {}}', `${'['.repeat(10_000)}`, '{"9.1": null}') },
  )
}
