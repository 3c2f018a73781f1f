/**
 * A recurrence rule checked by building it with the rrule library, not by its syntax alone:
 * every value in its RFC 5545 range (parseRecurrenceRule), UNTIL not before the start, none of
 * the sub-daily combinations rrule 2.8.1 loops on forever, and a rule rrule accepts. The CMS
 * refuses what fails (collections/Events/recurrenceRule.ts, also on import); the site expands
 * only what passes (web/src/services/eventOccurrences.ts), since stored rules may predate it.
 */
import type { RRule as RRuleType } from 'rrule'

import { toFloating } from './floatingTime'
import { parseRecurrenceRule, type ParsedRecurrenceRule, type RecurrenceRuleProblem } from './parseRecurrenceRule'
import { RRule } from './rruleLibrary'
import { RECURRENCE_STEP_BUDGETS, RecurrenceStepsExceeded, withStepBudget } from './withStepBudget'

export type CheckedRecurrenceRule = {
  readonly parsed: ParsedRecurrenceRule
  /** The rule built by rrule, in floating time (see floatingTime.ts), starting at the event's start. */
  readonly rule: RRuleType
}

export type RecurrenceCheck = { ok: true; checked: CheckedRecurrenceRule } | { ok: false; problem: RecurrenceRuleProblem }

/** BY* parts that filter days: with them, rrule's minutely stepping jumps whole days. */
const DAY_FILTERS = ['BYMONTH', 'BYWEEKNO', 'BYYEARDAY', 'BYMONTHDAY', 'BYDAY']

const UNITS: Record<ParsedRecurrenceRule['frequency'], string> = { YEARLY: 'years', MONTHLY: 'months', WEEKLY: 'weeks', DAILY: 'days', HOURLY: 'hours', MINUTELY: 'minutes' }

/** `start` is the event's first start (an instant); the rule is read in `timeZone`. */
export function checkRecurrenceRule(value: string, start: Date, timeZone: string): RecurrenceCheck {
  const read = parseRecurrenceRule(value)
  if (!read.ok) return read
  const parsed = read.rule
  const dtstart = toFloating(start, timeZone)
  // rrule steps a NaN date forever, and works only within the years 1 to 9999.
  const year = dtstart.getUTCFullYear()
  if (!(year >= 1900 && year <= 9999)) return problem('DTSTART', 'the recurrence start must be a date from the year 1900 to 9999.')
  let until = parsed.options.until ?? null
  if (until !== null) {
    const raw = parsed.parts.get('UNTIL') ?? ''
    // A UTC UNTIL is an instant; a date alone means that whole day, in the event's zone.
    until = parsed.untilIsUtc ? toFloating(until, timeZone) : /t/i.test(raw) ? until : new Date(until.getTime() + 86_399_000)
    if (until.getTime() < dtstart.getTime()) return problem(`UNTIL=${raw}`, `the rule ends before its first start (${start.toISOString()}).`)
  }
  const loop = loopProblem(parsed, dtstart)
  if (loop !== null) return { ok: false, problem: loop }
  try {
    const rule = new RRule({ ...parsed.options, until, dtstart }, true)
    return { ok: true, checked: { parsed, rule } }
  } catch (error) {
    return problem('RRULE', `the rrule library cannot build it (${error instanceof Error ? error.message : String(error)}).`)
  }
}

/**
 * The rule's first occurrence, looked for within RECURRENCE_STEP_BUDGETS periods of its start:
 * a rule whose BY* parts never meet (BYMONTH=2;BYMONTHDAY=30) has none, and one that takes
 * longer to produce a date is not a calendar's.
 */
export function firstOccurrenceProblem({ parsed, rule }: CheckedRecurrenceRule): RecurrenceRuleProblem | null {
  const first: Date[] = []
  try {
    withStepBudget(rule, RECURRENCE_STEP_BUDGETS[parsed.frequency], () => rule.all((date, index) => index < 1 && first.push(date) > 0))
  } catch (error) {
    if (!(error instanceof RecurrenceStepsExceeded)) throw error
  }
  if (first.length > 0) return null
  const within = parsed.options.until === undefined || parsed.options.until === null ? ` in the ${RECURRENCE_STEP_BUDGETS[parsed.frequency].toLocaleString('en-US')} ${UNITS[parsed.frequency]} after its start` : ''
  return { part: 'RRULE', reason: `the rule never occurs: no date${within} matches all of its parts.` }
}

/**
 * rrule 2.8.1 steps HOURLY and MINUTELY rules in inner loops that end only when an hour or
 * minute of BYHOUR/BYMINUTE comes round; these combinations never come round, so they are
 * refused rather than run (the library would spin forever, out of reach of any step budget).
 */
function loopProblem({ frequency, options, parts }: ParsedRecurrenceRule, dtstart: Date): RecurrenceRuleProblem | null {
  const interval = options.interval ?? 1
  const byHour = options.byhour as number[] | undefined
  const byMinute = options.byminute as number[] | undefined
  if (frequency === 'HOURLY' && byHour !== undefined) {
    const step = gcd(interval, 24)
    const startHour = dtstart.getUTCHours()
    if (!byHour.some((hour) => modulo(hour - startHour, step) === 0)) {
      return { part: `BYHOUR=${parts.get('BYHOUR')}`, reason: `no hour of it is ever reached from the start hour (${startHour}) every ${interval} hours.` }
    }
  }
  if (frequency === 'MINUTELY') {
    if (byHour !== undefined && (interval > 60 || DAY_FILTERS.some((name) => parts.has(name)))) {
      return {
        part: `BYHOUR=${parts.get('BYHOUR')}`,
        reason: 'with FREQ=MINUTELY, BYHOUR needs an INTERVAL of 60 or less and no BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY or BYDAY (the rrule library never finishes such a rule); use FREQ=DAILY with BYHOUR and BYMINUTE.',
      }
    }
    const step = gcd(interval, 60)
    const startMinute = dtstart.getUTCMinutes()
    if (byMinute !== undefined && !byMinute.some((minute) => modulo(minute - startMinute, step) === 0)) {
      return { part: `BYMINUTE=${parts.get('BYMINUTE')}`, reason: `no minute of it is ever reached from the start minute (${startMinute}) every ${interval} minutes.` }
    }
  }
  return null
}

function problem(part: string, reason: string): { ok: false; problem: RecurrenceRuleProblem } {
  return { ok: false, problem: { part, reason } }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

function modulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor
}
