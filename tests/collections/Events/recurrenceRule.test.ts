import { describe, expect, it } from 'vitest'

import { recurrenceRuleProblem, validateRecurrenceRule } from '../../../collections/Events/recurrenceRule'

const START = '2026-10-20T22:00:00.000Z'

describe('the recurrence rule validator (built with rrule, on every write path)', () => {
  it.each([
    ['FREQ=MINUTELY;INTERVAL=abc', 'INTERVAL=abc: INTERVAL must be a whole number from 1 to 1,000,000.'],
    ['FREQ=MINUTELY;INTERVAL=NaN', 'INTERVAL=NaN: INTERVAL must be a whole number from 1 to 1,000,000.'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL=0: INTERVAL must be a whole number from 1 to 1,000,000.'],
    ['FREQ=DAILY;INTERVAL=-2', 'INTERVAL=-2: INTERVAL must be a whole number from 1 to 1,000,000.'],
    ['FREQ=DAILY;INTERVAL=Infinity', 'INTERVAL=Infinity: INTERVAL must be a whole number from 1 to 1,000,000.'],
    ['FREQ=DAILY;COUNT=0', 'COUNT=0: COUNT must be a whole number from 1 to 1,000,000.'],
    ['FREQ=DAILY;COUNT=1.5', 'COUNT=1.5: COUNT must be a whole number from 1 to 1,000,000.'],
    ['FREQ=YEARLY;BYMONTH=13', 'BYMONTH=13: 13 is not a possible BYMONTH value (1 to 12).'],
    ['FREQ=DAILY;BYHOUR=25', 'BYHOUR=25: 25 is not a possible BYHOUR value (0 to 23).'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY=0: 0 is not a possible BYMONTHDAY value (1 to 31 or -31 to -1).'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY=32: 32 is not a possible BYMONTHDAY value (1 to 31 or -31 to -1).'],
    ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0', 'BYSETPOS=0: 0 is not a possible BYSETPOS value (1 to 366 or -366 to -1).'],
    ['FREQ=MONTHLY;BYDAY=6MO', 'BYDAY=6MO: A month has at most 5 of a weekday (6MO).'],
    ['FREQ=WEEKLY;BYDAY=XX', 'BYDAY=XX: XX is not a weekday (MO to SU, optionally numbered like 1MO or -1FR).'],
    ['FREQ=FORTNIGHTLY', 'FREQ=FORTNIGHTLY: A recurrence rule needs FREQ=YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY or MINUTELY.'],
    ['INTERVAL=2', 'FREQ: A recurrence rule needs FREQ=YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY or MINUTELY.'],
    ['FREQ=DAILY;UNTIL=20200101T000000Z', 'UNTIL=20200101T000000Z: The rule ends before its first start (2026-10-20T22:00:00.000Z).'],
    ['FREQ=DAILY;UNTIL=20260230', 'UNTIL=20260230: UNTIL must be a date like 20301231 or a date-time like 20301231T235959Z.'],
    ['FREQ=DAILY;COUNT=2;UNTIL=20300101', 'UNTIL=20300101: A recurrence rule may have UNTIL or COUNT, not both.'],
    ['FREQ=DAILY;X-NAME=1', 'X-NAME=1: X-NAME is not a part of an RFC 5545 recurrence rule the site understands.'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'FREQ=WEEKLY: FREQ is given twice.'],
    [`FREQ=YEARLY;BYMONTH=${'1,'.repeat(12)}1`, `BYMONTH=${'1,'.repeat(12)}1: BYMONTH lists more values than there are.`],
    [`FREQ=DAILY;BYHOUR=${'1'.repeat(1_000)}`, 'RRULE: The rule is longer than 1000 characters.'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'RRULE: The rule never occurs: no date in the 400 years after its start matches all of its parts.'],
    ['FREQ=DAILY;BYDAY=MO;BYSETPOS=2', 'RRULE: The rule never occurs: no date in the 10,000 days after its start matches all of its parts.'],
    [
      'FREQ=MINUTELY;BYHOUR=1;BYMONTHDAY=15',
      'BYHOUR=1: With FREQ=MINUTELY, BYHOUR needs an INTERVAL of 60 or less and no BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY or BYDAY (the rrule library never finishes such a rule); use FREQ=DAILY with BYHOUR and BYMINUTE.',
    ],
    ['FREQ=HOURLY;INTERVAL=24;BYHOUR=5', 'BYHOUR=5: No hour of it is ever reached from the start hour (22) every 24 hours.'],
    ['FREQ=MINUTELY;INTERVAL=30;BYMINUTE=15', 'BYMINUTE=15: No minute of it is ever reached from the start minute (0) every 30 minutes.'],
  ])('refuses %s, naming the part and the reason', (rule, message) => {
    expect(recurrenceRuleProblem(rule, START, 'UTC')).toBe(message)
    expect(validateRecurrenceRule(rule, { siblingData: { start: START }, data: {} })).toBe(message)
  })

  it.each(['FREQ=WEEKLY;COUNT=10;BYDAY=TU', 'RRULE:FREQ=MONTHLY;UNTIL=20271231T235959Z;BYDAY=1WE', 'FREQ=DAILY;INTERVAL=1;UNTIL=20301231', 'FREQ=MINUTELY', 'FREQ=HOURLY;INTERVAL=6;BYHOUR=4,10', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'])('keeps %s', (rule) => {
    expect(validateRecurrenceRule(rule, { siblingData: { start: START }, data: {} })).toBe(true)
  })

  it('needs the recurrence start, and leaves an empty rule alone', () => {
    expect(validateRecurrenceRule('FREQ=DAILY', { siblingData: {}, data: {} })).toBe('A recurrence rule needs the recurrence start (its first date and time).')
    expect(validateRecurrenceRule('FREQ=DAILY', { siblingData: { start: 'soon' }, data: {} })).toBe('The recurrence start is not a date.')
    expect(validateRecurrenceRule('FREQ=DAILY', { siblingData: { start: '1066-10-14T09:00:00Z' }, data: {} })).toBe('DTSTART: The recurrence start must be a date from the year 1900 to 9999.')
    expect(validateRecurrenceRule(null, { siblingData: {}, data: {} })).toBe(true)
    expect(validateRecurrenceRule(42, { siblingData: {}, data: {} })).toBe('A recurrence rule is text like FREQ=WEEKLY;INTERVAL=1.')
  })
})
