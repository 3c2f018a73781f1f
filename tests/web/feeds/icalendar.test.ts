import { describe, expect, it } from 'vitest';
import ical, { type VEvent } from 'node-ical';
import { renderICalendar } from '../../../web/src/feeds/icalendar';
import type { EventDetail } from '../../../web/src/services/eventService';

const start = new Date('2030-01-07T18:00:00Z');
const detail: EventDetail = {
  event: {
    id: 3,
    title: 'Meetup; with, commas',
    path: '/events/pug/3/',
    calendarSlug: 'pug',
    start,
    end: new Date('2030-01-07T20:00:00Z'),
    allDay: false,
    featured: false,
    venueName: 'Hall',
    venueId: 1,
    categorySlugs: [],
    descriptionHtml: '<p>Talks &amp; help</p>',
    venue: { id: 1, name: 'Hall', address: '1 Main St', url: null },
    categories: [],
    uid: 'meetup@example.org',
    updatedAt: null,
  },
  calendar: { name: 'PUG', slug: 'pug', description: null, path: '/events/pug/', rss: null },
  upcoming: [],
  previous: null,
  next: null,
  occurrences: [
    { start, end: new Date('2030-01-07T20:00:00Z'), allDay: false },
    { start: new Date('2030-01-14T18:00:00Z'), end: new Date('2030-01-14T20:00:00Z'), allDay: false },
    { start: new Date('2030-02-01T00:00:00Z'), end: new Date('2030-02-02T00:00:00Z'), allDay: true },
  ],
};

describe('renderICalendar', () => {
  it('writes one VEVENT per occurrence that a real parser reads back', () => {
    const text = renderICalendar('PUG', [detail], 'https://www.python.org', new Date('2029-12-01T00:00:00Z'));
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const events = Object.values(ical.sync.parseICS(text)).filter((entry): entry is VEvent => entry?.type === 'VEVENT');
    expect(events).toHaveLength(3);
    expect(String(events[0]?.summary)).toBe('Meetup; with, commas');
    expect(String(events[0]?.location)).toBe('Hall, 1 Main St');
    expect(String(events[0]?.description)).toBe('Talks & help');
    expect(new Set(events.map((event) => event.uid)).size).toBe(3);
    expect(events[2]?.datetype).toBe('date');
  });
});
