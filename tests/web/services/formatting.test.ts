import { describe, expect, it } from 'vitest';

import { formatDay } from '../../../web/src/services/formatting';

describe('formatDay', () => {
  it('prints what Intl en-US long dates print, in UTC, for every day of 1990 to 2040', () => {
    const intl = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    const mismatches: string[] = [];
    for (let time = Date.UTC(1990, 0, 1); time < Date.UTC(2041, 0, 1); time += 86_400_000) {
      // A time late in the day: a local-time formatter would roll some of these to the next day.
      const iso = new Date(time + 23 * 3_600_000 + 59 * 60_000).toISOString();
      if (formatDay(iso) !== intl.format(new Date(iso))) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it('prints nothing for a missing or unreadable date', () => {
    expect(formatDay(null)).toBe('');
    expect(formatDay('not a date')).toBe('');
  });
});
