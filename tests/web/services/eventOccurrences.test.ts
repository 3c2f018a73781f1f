import { describe, expect, it } from 'vitest';
import type { EventDoc } from '../../../web/src/cms/types';
import { eventOccurrences, parseExdates } from '../../../web/src/services/eventOccurrences';

const base: EventDoc = {
  id: 1,
  title: 'Meetup',
  calendarId: 1,
  description: null,
  venue: null,
  categories: [],
  featured: false,
  occurrences: [],
  recurrence: null,
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

  it('skips a rule rrule cannot read instead of failing the page', () => {
    const occurrences = eventOccurrences({ ...base, recurrence: { rrule: 'FREQ=NEVER', start: '2030-01-01T00:00:00Z', durationMinutes: 0, exdates: null, allDay: false } }, window);
    expect(occurrences).toEqual([]);
  });

  it('reads EXDATE lists in compact and ISO forms', () => {
    expect(parseExdates('EXDATE:20300114T180000Z, 2030-01-21T18:00:00Z,garbage').map((d) => d.toISOString())).toEqual([
      '2030-01-14T18:00:00.000Z',
      '2030-01-21T18:00:00.000Z',
    ]);
  });
});
