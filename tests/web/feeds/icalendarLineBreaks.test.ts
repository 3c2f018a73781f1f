import { afterAll, describe, expect, it } from 'vitest';
import ical, { type VEvent } from 'node-ical';
import { renderICalendar } from '../../../web/src/feeds/icalendar';
import type { EventDetail } from '../../../web/src/services/eventService';
import { createCheckCounter } from '../../support/checkCounter';

/**
 * Issue 18: a lone CR in an event's title or venue was written as it was, and a reader takes it
 * as the end of the line, so an editor's title could add properties of its choosing (an ATTACH, a
 * second UID) to every subscriber's calendar. Counted under `privacy` by `npm run test:security`.
 */
const { checks, check } = createCheckCounter();
afterAll(() => console.log(`privacy: ${checks.run} checks, ${checks.failed} failed`));

const start = new Date('2030-01-07T18:00:00Z');
function eventTitled(title: string, venue: string): EventDetail {
  return {
    event: {
      id: 3, title, path: '/events/pug/3/', calendarSlug: 'pug', start, end: new Date('2030-01-07T20:00:00Z'), allDay: false, featured: false,
      venueName: venue, venueId: 1, categorySlugs: [], descriptionHtml: '<p>Talks</p>', venue: { id: 1, name: venue, address: null, url: null },
      categories: [], uid: 'meetup@example.org', updatedAt: null,
    },
    calendar: { name: 'PUG', slug: 'pug', description: null, path: '/events/pug/', rss: null },
    upcoming: [], previous: null, next: null,
    occurrences: [{ start, end: new Date('2030-01-07T20:00:00Z'), allDay: false }],
  };
}

describe('line breaks and control characters in iCal text', () => {
  it('escapes a lone CR, LF and CRLF alike, so no text starts a line of its own', async () => {
    const text = renderICalendar('PUG', [eventTitled('Meetup\rATTACH:https://evil.example/x\nUID:a\r\nSTATUS:CANCELLED', 'Hall\rX-EVIL:1')], 'https://www.python.org', new Date('2029-12-01T00:00:00Z'));
    await check('no bare CR or LF outside CRLF line ends', () => {
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    });
    await check('no injected property lines', () => {
      expect(text.split('\r\n').filter((line) => /^(ATTACH|X-EVIL|STATUS):/.test(line))).toEqual([]);
    });
    await check('a parser reads the title back with its line breaks', () => {
      const events = Object.values(ical.sync.parseICS(text)).filter((entry): entry is VEvent => entry?.type === 'VEVENT');
      expect(events).toHaveLength(1);
      expect(String(events[0]?.summary)).toBe('Meetup\nATTACH:https://evil.example/x\nUID:a\nSTATUS:CANCELLED');
      expect(events[0]?.uid).not.toBe('a');
    });
  });

  it('drops the other control characters TEXT may not hold, and keeps tabs', async () => {
    const text = renderICalendar('PUG', [eventTitled('A\u0000B\u0007C\tD\u007f', 'Hall')], 'https://www.python.org', new Date('2029-12-01T00:00:00Z'));
    await check('control characters dropped', () => {
      expect(text).toContain('SUMMARY:ABC\tD\r\n');
    });
  });
});
