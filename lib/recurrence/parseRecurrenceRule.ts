/**
 * Reads an RFC 5545 RRULE value (`FREQ=WEEKLY;BYDAY=TU`, with or without `RRULE:`) strictly,
 * part by part, into the options the rrule library builds a rule from. rrule's own
 * `RRule.parseString` is lenient (it keeps `INTERVAL=abc` as the string "abc", `BYHOUR=25` as 25)
 * and its iteration then never ends, so every value is checked here against RFC 5545's ranges
 * before rrule sees it. Shared by the CMS's validation and the site's expansion (lib/).
 */
import type { Options, Weekday } from 'rrule'

import { RRule } from './rruleLibrary'

/** What is wrong with a rule: the part (`INTERVAL=abc`, or `FREQ` when one is missing) and why. */
export type RecurrenceRuleProblem = { readonly part: string; readonly reason: string }

export type ParsedRecurrenceRule = {
  readonly frequency: Frequency
  /** rrule's options without `dtstart` (the event keeps its start apart). */
  readonly options: Partial<Options>
  /** UNTIL with a trailing Z (a UTC instant) rather than a date or a floating local time. */
  readonly untilIsUtc: boolean
  /** Every part's value as written, by upper-case name: `BYHOUR` -> `9,17`. */
  readonly parts: ReadonlyMap<string, string>
}

export type Frequency = 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY' | 'HOURLY' | 'MINUTELY'

/** The frequencies the site expands; SECONDLY is not an event calendar's business. */
export const FREQUENCIES: readonly Frequency[] = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY']

const WEEKDAYS: Record<string, Weekday> = { MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU }

/** RFC 5545 section 3.3.10's ranges; `signed` lists may count from the end (-1 is the last). */
const NUMBER_LISTS: Record<string, { min: number; max: number; signed: boolean; option: keyof Options }> = {
  BYSECOND: { min: 0, max: 59, signed: false, option: 'bysecond' },
  BYMINUTE: { min: 0, max: 59, signed: false, option: 'byminute' },
  BYHOUR: { min: 0, max: 23, signed: false, option: 'byhour' },
  BYMONTHDAY: { min: 1, max: 31, signed: true, option: 'bymonthday' },
  BYYEARDAY: { min: 1, max: 366, signed: true, option: 'byyearday' },
  BYWEEKNO: { min: 1, max: 53, signed: true, option: 'byweekno' },
  BYMONTH: { min: 1, max: 12, signed: false, option: 'bymonth' },
  BYSETPOS: { min: 1, max: 366, signed: true, option: 'bysetpos' },
}

const KNOWN_PARTS = new Set(['FREQ', 'UNTIL', 'COUNT', 'INTERVAL', 'BYDAY', 'WKST', ...Object.keys(NUMBER_LISTS)])

/** Far longer than any real rule (`FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1` is 41). */
const MAX_RULE_LENGTH = 1_000
/** Every weekday numbered every way a year allows is 742; no calendar needs more than a few. */
const MAX_BYDAY_VALUES = 100

/** Whole numbers only, and small enough to stay exact: anything else is not an INTERVAL or COUNT. */
const MAX_WHOLE = 1_000_000

export function parseRecurrenceRule(value: string): { ok: true; rule: ParsedRecurrenceRule } | { ok: false; problem: RecurrenceRuleProblem } {
  const fail = (part: string, reason: string) => ({ ok: false as const, problem: { part, reason } })
  const text = value.trim().replace(/^RRULE:/i, '')
  if (text === '') return fail('RRULE', 'the rule is empty; write it like FREQ=WEEKLY;INTERVAL=1.')
  // rrule looks values up in these lists at every step: their length is work the content chooses.
  if (text.length > MAX_RULE_LENGTH) return fail('RRULE', `the rule is longer than ${MAX_RULE_LENGTH} characters.`)
  const parts = new Map<string, string>()
  const written = new Map<string, string>()
  for (const part of text.split(';')) {
    const [key, partValue, ...rest] = part.split('=')
    const name = key.trim().toUpperCase()
    if (rest.length > 0 || partValue === undefined || partValue.trim() === '' || name === '') {
      return fail(part, 'a recurrence rule is KEY=VALUE parts separated by ";" (RFC 5545), like FREQ=WEEKLY;INTERVAL=1.')
    }
    if (!KNOWN_PARTS.has(name)) return fail(part, `${name} is not a part of an RFC 5545 recurrence rule the site understands.`)
    if (parts.has(name)) return fail(part, `${name} is given twice.`)
    parts.set(name, partValue.trim().toUpperCase())
    written.set(name, partValue.trim())
  }
  const as = (name: string) => `${name}=${written.get(name) ?? ''}`
  const freq = parts.get('FREQ')
  if (freq === undefined || !(FREQUENCIES as readonly string[]).includes(freq)) {
    return fail(freq === undefined ? 'FREQ' : as('FREQ'), 'a recurrence rule needs FREQ=YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY or MINUTELY.')
  }
  const frequency = freq as Frequency
  const options: Partial<Options> = { freq: RRule[frequency] }

  for (const name of ['INTERVAL', 'COUNT'] as const) {
    const raw = parts.get(name)
    if (raw === undefined) continue
    const number = /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN
    if (!(number >= 1 && number <= MAX_WHOLE)) return fail(as(name), `${name} must be a whole number from 1 to ${MAX_WHOLE.toLocaleString('en-US')}.`)
    options[name === 'INTERVAL' ? 'interval' : 'count'] = number
  }

  let untilIsUtc = false
  const until = parts.get('UNTIL')
  if (until !== undefined) {
    if (parts.has('COUNT')) return fail(as('UNTIL'), 'a recurrence rule may have UNTIL or COUNT, not both.')
    const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(until)
    const date = match === null ? null : utcDate(match)
    if (match === null || date === null) return fail(as('UNTIL'), 'UNTIL must be a date like 20301231 or a date-time like 20301231T235959Z.')
    options.until = date
    untilIsUtc = match[7] === 'Z'
  }

  for (const [name, range] of Object.entries(NUMBER_LISTS)) {
    const raw = parts.get(name)
    if (raw === undefined) continue
    if (raw.split(',').length > (range.signed ? 2 : 1) * (range.max - range.min + 1)) return fail(as(name), `${name} lists more values than there are.`)
    const numbers = raw.split(',').map((item) => (/^[+-]?\d{1,3}$/.test(item) ? Number(item) : Number.NaN))
    const allowed = (number: number) => Number.isInteger(number) && Math.abs(number) >= range.min && Math.abs(number) <= range.max && (range.signed || number >= 0)
    const bad = raw.split(',').find((_item, index) => !allowed(numbers[index]))
    if (bad !== undefined) {
      const span = range.signed ? `${range.min} to ${range.max} or -${range.max} to -${range.min}` : `${range.min} to ${range.max}`
      return fail(as(name), `${bad === '' ? 'an empty value' : bad} is not a possible ${name} value (${span}).`)
    }
    ;(options as Record<string, unknown>)[range.option] = numbers
  }

  const byDay = parts.get('BYDAY')
  if (byDay !== undefined) {
    if (byDay.split(',').length > MAX_BYDAY_VALUES) return fail(as('BYDAY'), `BYDAY lists more than ${MAX_BYDAY_VALUES} weekdays.`)
    const weekdays: Weekday[] = []
    for (const item of byDay.split(',')) {
      const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item)
      const nth = match?.[1] === undefined ? null : Number(match[1])
      if (match === null || (nth !== null && (nth === 0 || Math.abs(nth) > 53))) {
        return fail(as('BYDAY'), `${item === '' ? 'an empty value' : item} is not a weekday (MO to SU, optionally numbered like 1MO or -1FR).`)
      }
      if (nth !== null && frequency !== 'MONTHLY' && frequency !== 'YEARLY') {
        return fail(as('BYDAY'), `a numbered weekday (${item}) needs FREQ=MONTHLY or FREQ=YEARLY.`)
      }
      if (nth !== null && frequency === 'MONTHLY' && Math.abs(nth) > 5) return fail(as('BYDAY'), `a month has at most 5 of a weekday (${item}).`)
      weekdays.push(nth === null ? WEEKDAYS[match[2]] : WEEKDAYS[match[2]].nth(nth))
    }
    options.byweekday = weekdays
  }

  const wkst = parts.get('WKST')
  if (wkst !== undefined) {
    if (!(wkst in WEEKDAYS)) return fail(as('WKST'), 'WKST must be a weekday, MO to SU.')
    options.wkst = WEEKDAYS[wkst]
  }

  // RFC 5545 section 3.3.10: parts that MUST NOT be used with some frequencies.
  const byParts = [...parts.keys()].filter((name) => name.startsWith('BY'))
  if (parts.has('BYWEEKNO') && frequency !== 'YEARLY') return fail(as('BYWEEKNO'), 'BYWEEKNO needs FREQ=YEARLY.')
  if (parts.has('BYYEARDAY') && ['MONTHLY', 'WEEKLY', 'DAILY'].includes(frequency)) return fail(as('BYYEARDAY'), `BYYEARDAY cannot be used with FREQ=${frequency}.`)
  if (parts.has('BYMONTHDAY') && frequency === 'WEEKLY') return fail(as('BYMONTHDAY'), 'BYMONTHDAY cannot be used with FREQ=WEEKLY.')
  if (parts.has('BYSETPOS') && byParts.length === 1) return fail(as('BYSETPOS'), 'BYSETPOS needs another BY part to pick from.')

  return { ok: true, rule: { frequency, options, untilIsUtc, parts: written } }
}

/** A date from UNTIL's digits, or null when the digits name no real date (20240230). */
function utcDate(match: RegExpExecArray): Date | null {
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((index) => Number(match[index] ?? 0))
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  const sameFields =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour && date.getUTCMinutes() === minute && date.getUTCSeconds() === second
  return sameFields && year >= 1900 ? date : null
}
