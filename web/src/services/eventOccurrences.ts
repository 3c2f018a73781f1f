/**
 * Every dated occurrence of an event: its one-off dates plus its RFC 5545 recurrence
 * expanded with `rrule` (EXDATEs removed), within a window so an endless rule stays finite.
 */
import rrule from 'rrule';
import type { EventDoc } from '../cms/types';

const { RRule, RRuleSet } = rrule;

export interface Occurrence {
  readonly start: Date;
  readonly end: Date;
  readonly allDay: boolean;
}

export function eventOccurrences(event: EventDoc, window: { from: Date; to: Date }): Occurrence[] {
  const result: Occurrence[] = [];
  for (const occurrence of event.occurrences) {
    const start = new Date(occurrence.start);
    const end = new Date(occurrence.end);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) continue;
    if (end >= window.from && start <= window.to) result.push({ start, end, allDay: occurrence.allDay });
  }
  const recurrence = event.recurrence;
  if (recurrence !== null) {
    const dtstart = new Date(recurrence.start);
    if (!Number.isNaN(dtstart.getTime())) {
      const set = new RRuleSet();
      try {
        const options = RRule.parseString(recurrence.rrule.replace(/^RRULE:/i, ''));
        set.rrule(new RRule({ ...options, dtstart }));
      } catch {
        // The CMS validates rules on save; a rule rrule still cannot read is skipped, not fatal.
        return sortByStart(result);
      }
      for (const exdate of parseExdates(recurrence.exdates)) set.exdate(exdate);
      const durationMs = recurrence.durationMinutes * 60_000;
      // Include occurrences that started before the window but are still running in it.
      for (const start of set.between(new Date(window.from.getTime() - durationMs), window.to, true)) {
        result.push({ start, end: new Date(start.getTime() + durationMs), allDay: recurrence.allDay });
      }
    }
  }
  return sortByStart(result);
}

function sortByStart(list: Occurrence[]): Occurrence[] {
  return list.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** "20250101T100000Z,20250108T100000Z" (or with dashes and colons) -> dates; bad values skipped. */
export function parseExdates(value: string | null): Date[] {
  if (value === null) return [];
  return value
    .split(',')
    .map((part) => part.trim().replace(/^EXDATE[^:]*:/i, ''))
    .map((part) => {
      const compact = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(part);
      if (compact !== null) {
        const [, y, mo, d, h = '00', mi = '00', s = '00'] = compact;
        return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
      }
      return new Date(part);
    })
    .filter((date) => !Number.isNaN(date.getTime()));
}
