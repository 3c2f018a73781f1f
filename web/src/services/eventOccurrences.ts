/**
 * Every dated occurrence of an event in a window: its one-off dates plus its RFC 5545
 * recurrence expanded with `rrule` in the event's time zone (EXDATEs removed). Stored rules are
 * not trusted (they may predate the CMS's validation, issue 10): a rule that fails the same
 * check (lib/recurrence) shows as its first start alone, and an expansion never goes past
 * MAX_OCCURRENCES_PER_EVENT occurrences or its step budget, whatever the rule says.
 */
import type { RRule } from 'rrule';
import { checkRecurrenceRule, type CheckedRecurrenceRule } from '../../../lib/recurrence/checkRecurrenceRule';
import { fromFloating, isTimeZone, toFloating } from '../../../lib/recurrence/floatingTime';
import { RRule as RRuleClass } from '../../../lib/recurrence/rruleLibrary';
import { RECURRENCE_STEP_BUDGETS, RecurrenceStepsExceeded, withStepBudget } from '../../../lib/recurrence/withStepBudget';
import type { EventDoc } from '../cms/types';

export interface Occurrence {
  readonly start: Date;
  readonly end: Date;
  readonly allDay: boolean;
}

/**
 * At most this many occurrences of one event in one window, whatever its rule says: two years
 * of a daily event (731, the widest window the site shows) fit; a denser rule (every minute)
 * shows its first thousand in the window, and expanding them costs a few milliseconds.
 */
export const MAX_OCCURRENCES_PER_EVENT = 1_000;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** An occurrence longer than this is read as this long (a duration is content too). */
const MAX_DURATION_MS = 366 * DAY_MS;
/** Floating time is at most this far from UTC (zones run from -12 to +14 hours). */
const ZONE_MARGIN_MS = DAY_MS;

/** The length of one period of the rules whose start can move up to the window (see shiftedRule). */
const PERIOD_MS: Partial<Record<CheckedRecurrenceRule['parsed']['frequency'], number>> = {
  WEEKLY: 7 * DAY_MS,
  DAILY: DAY_MS,
  HOURLY: 60 * MINUTE_MS,
  MINUTELY: MINUTE_MS,
};

export function eventOccurrences(event: EventDoc, window: { from: Date; to: Date }): Occurrence[] {
  const result: Occurrence[] = [];
  for (const occurrence of event.occurrences) {
    if (result.length >= MAX_OCCURRENCES_PER_EVENT) break;
    const start = new Date(occurrence.start);
    const end = new Date(occurrence.end);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) continue;
    if (end >= window.from && start <= window.to) result.push({ start, end, allDay: occurrence.allDay });
  }
  const recurrence = event.recurrence;
  if (recurrence !== null) {
    const start = new Date(recurrence.start);
    if (!Number.isNaN(start.getTime())) {
      const minutes = Number.isFinite(recurrence.durationMinutes) ? Math.max(0, recurrence.durationMinutes) : 0;
      const durationMs = Math.min(minutes * MINUTE_MS, MAX_DURATION_MS);
      // An all-day event is a date, the same everywhere; a timed one recurs in its zone's wall-clock time.
      const zone = recurrence.allDay || !isTimeZone(event.timezone) ? 'UTC' : event.timezone;
      const check = checkRecurrenceRule(recurrence.rrule, start, zone);
      // A rule the CMS would refuse today (stored before its validation) shows as its first start.
      const starts = check.ok ? expand(check.checked, zone, { from: new Date(window.from.getTime() - durationMs), to: window.to }) : [start];
      const skipped = new Set(parseExdates(recurrence.exdates).map((date) => date.getTime()));
      for (const occurrenceStart of starts) {
        if (result.length >= MAX_OCCURRENCES_PER_EVENT) break;
        const end = new Date(occurrenceStart.getTime() + durationMs);
        if (skipped.has(occurrenceStart.getTime()) || end < window.from || occurrenceStart > window.to) continue;
        result.push({ start: occurrenceStart, end, allDay: recurrence.allDay });
      }
    }
  }
  return sortByStart(result);
}

/**
 * The rule's starts in the window, as instants: expanded in floating time between the window's
 * wall-clock bounds (widened by a day for the zone's offset), stopping at the window's end, at
 * MAX_OCCURRENCES_PER_EVENT starts in the window, or at the frequency's step budget (a rule that
 * runs out of budget shows what it found so far).
 */
function expand(checked: CheckedRecurrenceRule, zone: string, window: { from: Date; to: Date }): Date[] {
  const from = new Date(toFloating(window.from, zone).getTime() - ZONE_MARGIN_MS);
  const to = new Date(toFloating(window.to, zone).getTime() + ZONE_MARGIN_MS);
  const rule = shiftedRule(checked, from);
  if (rule === null) return [];
  const found: Date[] = [];
  const visit = (date: Date): boolean => {
    const instant = fromFloating(date, zone);
    if (instant > window.to) return false;
    // A wall-clock time a spring-forward night skips reads as the hour after, which may be an occurrence already.
    if (instant >= window.from && instant.getTime() !== found.at(-1)?.getTime()) found.push(instant);
    return found.length < MAX_OCCURRENCES_PER_EVENT;
  };
  try {
    // `visit` returning false stops rrule; it keeps the dates itself, so a budget stop keeps them too.
    withStepBudget(rule, RECURRENCE_STEP_BUDGETS[checked.parsed.frequency], () => rule.between(from, to, true, visit));
  } catch (error) {
    if (!(error instanceof RecurrenceStepsExceeded)) throw error;
  }
  return found;
}

/**
 * The rule with its start moved up to just before `from` by whole periods, for weekly and
 * shorter rules, so that a rule begun years ago (every minute since 2001) costs only the window's
 * steps. Whole periods keep every occurrence where it was: BY* parts are calendar positions, and
 * the period lattice is unchanged. With COUNT, only a rule without BY* parts (one occurrence per
 * period) can move, its COUNT reduced by the periods skipped; null when none is left.
 */
function shiftedRule({ parsed, rule }: CheckedRecurrenceRule, from: Date): RRule | null {
  const unit = PERIOD_MS[parsed.frequency];
  const dtstart = rule.options.dtstart;
  if (unit === undefined || dtstart.getTime() >= from.getTime()) return rule;
  const period = unit * (parsed.options.interval ?? 1);
  const periods = Math.floor((from.getTime() - dtstart.getTime()) / period);
  const count = parsed.options.count ?? null;
  if (periods < 1) return rule;
  if (count !== null && [...parsed.parts.keys()].some((name) => name.startsWith('BY'))) return rule;
  if (count !== null && count <= periods) return null;
  return new RRuleClass({ ...rule.origOptions, dtstart: new Date(dtstart.getTime() + periods * period), count: count === null ? null : count - periods }, true);
}

function sortByStart(list: Occurrence[]): Occurrence[] {
  return list.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** "20250101T100000Z,20250108T100000Z" (or with dashes and colons) -> dates; bad values skipped. */
export function parseExdates(value: string | null): Date[] {
  if (value === null) return [];
  return value
    .split(',')
    .slice(0, MAX_OCCURRENCES_PER_EVENT)
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
