/**
 * A limit on how long the rrule library may iterate a rule. rrule 2.8.1 stops only on COUNT,
 * UNTIL, its caller's callback or the year 9999: a rule whose BY* parts never (or very rarely)
 * match a date (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) runs through millions of periods producing
 * nothing, and no callback is called to stop it. Its iteration reads `options.interval` once
 * per period (to step the counter), so counting those reads counts periods; past the budget the
 * iteration throws RecurrenceStepsExceeded, which the caller catches.
 */
import type { RRule } from 'rrule'

import type { Frequency } from './parseRecurrenceRule'

export class RecurrenceStepsExceeded extends Error {
  constructor(readonly steps: number) {
    super(`The recurrence rule was stopped after ${steps} periods.`)
  }
}

/**
 * How many periods of its FREQ one expansion of a rule may go through: each about 0.1 s of
 * rrule's work (measured: a yearly period costs ~120 µs, a monthly ~20, a weekly ~14, a daily
 * ~12). That is 400 years, 200 years of months, 100 years of weeks, 27 years of days, and 10,000
 * hours or minutes; the site moves the start of weekly and shorter rules up to the window it
 * shows (eventOccurrences), so a long-running rule needs no more than the window.
 */
export const RECURRENCE_STEP_BUDGETS: Readonly<Record<Frequency, number>> = {
  YEARLY: 400,
  MONTHLY: 2_400,
  WEEKLY: 5_200,
  DAILY: 10_000,
  HOURLY: 10_000,
  MINUTELY: 10_000,
}

export function withStepBudget<T>(rule: RRule, maxSteps: number, run: () => T): T {
  const options = rule.options
  let reads = 0
  // Two reads per period: the "interval is zero" check and the step itself.
  const maxReads = maxSteps * 2 + 1
  rule.options = new Proxy(options, {
    get(target, key, receiver) {
      if (key === 'interval' && ++reads > maxReads) throw new RecurrenceStepsExceeded(maxSteps)
      return Reflect.get(target, key, receiver) as unknown
    },
  })
  try {
    return run()
  } finally {
    rule.options = options
  }
}
