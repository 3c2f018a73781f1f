import { describe, expect, it } from 'vitest';
import type { EventDoc } from '../../../web/src/cms/types';
import { eventOccurrences, MAX_OCCURRENCES_PER_EVENT, parseExdates } from '../../../web/src/services/eventOccurrences';

const base: EventDoc = {
  id: 1,
  title: 'Meetup',
  calendarId: 1,
  descriptionHtml: '',
  venue: null,
  categories: [],
  featured: false,
  occurrences: [],
  recurrence: null,
  timezone: 'UTC',
  cancelled: false,
  uid: null,
  updatedAt: null,
};
const window = { from: new Date('2030-01-01T00:00:00Z'), to: new Date('2030-12-31T00:00:00Z') };

describe('eventOccurrences', () => {
  it('expands a weekly rule, drops EXDATEs and gives each occurrence its duration', () => {
    const occurrences = eventOccurrences(
      { ...base, recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4', start: '2030-01-07T18:00:00Z', durationMinutes: 90, exdates: '20300114T180000Z', allDay: false } },
      window,
    );
    expect(occurrences.map((o) => o.start.toISOString())).toEqual(['2030-01-07T18:00:00.000Z', '2030-01-21T18:00:00.000Z', '2030-01-28T18:00:00.000Z']);
    expect(occurrences[0]?.end.toISOString()).toBe('2030-01-07T19:30:00.000Z');
  });

  it('keeps an endless rule finite inside the window and merges one-off dates in order', () => {
    const occurrences = eventOccurrences(
      {
        ...base,
        occurrences: [{ start: '2030-03-03T10:00:00Z', end: '2030-03-03T11:00:00Z', allDay: false }],
        recurrence: { rrule: 'RRULE:FREQ=MONTHLY;BYMONTHDAY=1', start: '2029-06-01T09:00:00Z', durationMinutes: 60, exdates: null, allDay: false },
      },
      window,
    );
    expect(occurrences).toHaveLength(13);
    expect(occurrences[3]?.start.toISOString()).toBe('2030-03-03T10:00:00.000Z');
  });

  it('shows a rule it cannot read as its first start alone, instead of failing the page', () => {
    const occurrences = eventOccurrences({ ...base, recurrence: { rrule: 'FREQ=NEVER', start: '2030-01-01T00:00:00Z', durationMinutes: 30, exdates: null, allDay: false } }, window);
    expect(occurrences.map((o) => [o.start.toISOString(), o.end.toISOString()])).toEqual([['2030-01-01T00:00:00.000Z', '2030-01-01T00:30:00.000Z']]);
  });

  // Rules stored before the CMS validated them (issue 10): each of these made rrule loop forever.
  it.each([
    'FREQ=MINUTELY;INTERVAL=abc',
    'FREQ=MINUTELY;INTERVAL=NaN',
    'FREQ=DAILY;BYMONTH=13',
    'FREQ=HOURLY;INTERVAL=24;BYHOUR=5',
    'FREQ=MINUTELY;BYHOUR=1;BYMONTHDAY=15',
  ])('answers at once for the stored rule %s, with its first start alone', (rrule) => {
    const started = performance.now();
    const occurrences = eventOccurrences({ ...base, recurrence: { rrule, start: '2030-01-01T00:00:00Z', durationMinutes: 0, exdates: null, allDay: false } }, window);
    expect(occurrences.map((o) => o.start.toISOString())).toEqual(['2030-01-01T00:00:00.000Z']);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('stops a rule that never matches within its step budget instead of running to the year 9999', () => {
    const started = performance.now();
    const occurrences = eventOccurrences({ ...base, recurrence: { rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', start: '2020-01-01T00:00:00Z', durationMinutes: 0, exdates: null, allDay: false } }, window);
    expect(occurrences).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('expands an every-minute rule begun long ago to the first occurrences of the window only, at most MAX_OCCURRENCES_PER_EVENT', () => {
    const occurrences = eventOccurrences({ ...base, recurrence: { rrule: 'FREQ=MINUTELY', start: '2001-01-01T00:00:00Z', durationMinutes: 1, exdates: null, allDay: false } }, window);
    expect(MAX_OCCURRENCES_PER_EVENT).toBe(1_000);
    expect(occurrences).toHaveLength(MAX_OCCURRENCES_PER_EVENT);
    // The one running at the window's start (it began a minute before), then every minute.
    expect(occurrences[0]?.start.toISOString()).toBe('2029-12-31T23:59:00.000Z');
    expect(occurrences.at(-1)?.start.toISOString()).toBe('2030-01-01T16:38:00.000Z');
  });

  it('moves a COUNT rule begun long ago up to the window without changing its occurrences', () => {
    // Daily from 2020-01-01, 3,700 times: the 3,654th is 2030-01-01, the last 2030-02-16.
    const occurrences = eventOccurrences({ ...base, recurrence: { rrule: 'FREQ=DAILY;COUNT=3700', start: '2020-01-01T09:00:00Z', durationMinutes: 60, exdates: null, allDay: false } }, window);
    expect(occurrences).toHaveLength(47);
    expect(occurrences[0]?.start.toISOString()).toBe('2030-01-01T09:00:00.000Z');
    expect(occurrences.at(-1)?.start.toISOString()).toBe('2030-02-16T09:00:00.000Z');
  });

  it("keeps a weekly 6 pm New York meeting at 6 pm local across the end of daylight-saving time (2026-11-01)", () => {
    const autumn = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-30T00:00:00Z') };
    const occurrences = eventOccurrences(
      { ...base, timezone: 'America/New_York', recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20261118T000000Z', start: '2026-10-20T22:00:00Z', durationMinutes: 60, exdates: '20261110T230000Z', allDay: false } },
      autumn,
    );
    // 18:00 EDT is 22:00 UTC; 18:00 EST is 23:00 UTC. The EXDATE (an instant) drops 10 November.
    expect(occurrences.map((o) => o.start.toISOString())).toEqual(['2026-10-20T22:00:00.000Z', '2026-10-27T22:00:00.000Z', '2026-11-03T23:00:00.000Z', '2026-11-17T23:00:00.000Z']);
    const local = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: '2-digit' });
    expect(new Set(occurrences.map((o) => local.format(o.start)))).toEqual(new Set(['6:00 PM']));
  });

  it('lists the hour after a spring-forward gap once for an hourly rule in a zone (2026-03-08 in New York)', () => {
    const night = { from: new Date('2026-03-08T05:00:00Z'), to: new Date('2026-03-08T08:00:00Z') };
    const occurrences = eventOccurrences({ ...base, timezone: 'America/New_York', recurrence: { rrule: 'FREQ=HOURLY', start: '2026-03-01T05:00:00Z', durationMinutes: 0, exdates: null, allDay: false } }, night);
    // 00:00 and 01:00 EST, then 03:00 EDT (02:00 does not exist that night), 04:00 EDT.
    expect(occurrences.map((o) => o.start.toISOString())).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-08T08:00:00.000Z']);
  });

  it('reads EXDATE lists in compact and ISO forms', () => {
    expect(parseExdates('EXDATE:20300114T180000Z, 2030-01-21T18:00:00Z,garbage').map((d) => d.toISOString())).toEqual([
      '2030-01-14T18:00:00.000Z',
      '2030-01-21T18:00:00.000Z',
    ]);
  });
});
