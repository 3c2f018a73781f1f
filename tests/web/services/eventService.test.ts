import { describe, expect, it } from 'vitest';
import type { CmsClient } from '../../../web/src/cms/client';
import type { CalendarDoc, EventDoc } from '../../../web/src/cms/types';
import { createEventService } from '../../../web/src/services/eventService';

const calendar: CalendarDoc = { id: 1, name: 'Python Events', slug: 'python-events', description: null, url: null, rss: null };
const hall = { id: 3, name: 'Hall B', address: null, url: null };
const conference = { id: 5, name: 'Conference', slug: 'conference' };
const otherCalendarsSprint = { id: 9, name: 'Sprint', slug: 'sprint' };

function event(id: number, start: string, extra: Partial<EventDoc> = {}): EventDoc {
  return {
    id,
    title: `Event ${id}`,
    calendarId: 1,
    descriptionHtml: '',
    venue: null,
    categories: [],
    featured: false,
    occurrences: [{ start, end: start, allDay: false }],
    recurrence: null,
    timezone: 'UTC',
    cancelled: false,
    uid: null,
    updatedAt: null,
    ...extra,
  };
}

const events = [
  event(1, '2030-01-05T10:00:00Z', { venue: hall, categories: [conference] }),
  event(2, '2030-01-10T10:00:00Z', { categories: [otherCalendarsSprint] }),
  event(3, '2030-01-20T10:00:00Z', { venue: hall }),
];

const client = {
  findCalendars: async () => [calendar],
  findEvents: async () => events,
  // Only the calendar's own category is listed; the sprint category belongs to another calendar.
  findEventCategories: async () => [conference],
  findEventLocations: async () => [],
} as unknown as CmsClient;

const service = createEventService(client, () => new Date('2030-01-01T00:00:00Z'));

describe('the event service', () => {
  it('narrows a calendar\'s upcoming events by category, by venue and by start date', async () => {
    const ids = async (filter: Parameters<typeof service.listings>[0]['filter']) =>
      (await service.listings({ calendarSlug: 'python-events', when: 'upcoming', filter })).map((listing) => listing.id);
    expect(await ids({ categorySlug: 'conference' })).toEqual([1]);
    expect(await ids({ locationId: 3 })).toEqual([1, 3]);
    expect(await ids({ from: new Date('2030-01-10T00:00:00Z') })).toEqual([2, 3]);
    expect(await ids({})).toEqual([1, 2, 3]);
  });

  it('lists the calendar\'s categories and venues, with those its events use from elsewhere', async () => {
    expect(await service.categories('python-events')).toEqual([
      { name: 'Conference', slug: 'conference', path: '/events/python-events/categories/conference/' },
      { name: 'Sprint', slug: 'sprint', path: '/events/python-events/categories/sprint/' },
    ]);
    expect(await service.locations('python-events')).toEqual([{ name: 'Hall B', id: 3, path: '/events/python-events/locations/3/' }]);
    expect(await service.categories('nope')).toBeNull();
    expect(await service.locations('nope')).toBeNull();
  });

  it('links an event to the calendar\'s events just before and after it', async () => {
    const detail = await service.event('python-events', 2);
    expect(detail?.previous?.id).toBe(1);
    expect(detail?.next?.id).toBe(3);
    const first = await service.event('python-events', 1);
    expect(first?.previous).toBeNull();
    expect(first?.next?.id).toBe(2);
  });

  it('expands only the window a listing shows: the upcoming minutes of an every-minute event start now, not a year back', async () => {
    const everyMinute = event(4, '2030-01-01T00:00:00Z', { occurrences: [], recurrence: { rrule: 'FREQ=MINUTELY', start: '2020-01-01T00:00:00Z', durationMinutes: 0, exdates: null, allDay: false } });
    const minuteService = createEventService({ ...client, findEvents: async () => [everyMinute] } as unknown as CmsClient, () => new Date('2030-01-01T00:00:30Z'));
    const upcoming = await minuteService.listings({ when: 'upcoming' });
    // At most 1,000 per event; with the whole two-year window they would all have been a year ago.
    expect(upcoming).toHaveLength(1_000);
    expect(upcoming[0]?.start.toISOString()).toBe('2030-01-01T00:01:00.000Z');
    // The past year holds half a million of them: still at most 1,000 (rrule cannot iterate backwards, so the earliest).
    expect(await minuteService.listings({ when: 'past' })).toHaveLength(1_000);
  });
});
