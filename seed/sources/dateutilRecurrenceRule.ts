/**
 * python.org's RecurringRule stores its frequency with dateutil's numbering (`rrule.YEARLY`
 * is 0 ... `rrule.DAILY` is 3) and offers only these four.
 */
const DATEUTIL_FREQUENCIES: readonly string[] = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY']

export interface DateutilRecurrence {
  /** dateutil's frequency constant: 0 YEARLY, 1 MONTHLY, 2 WEEKLY, 3 DAILY. */
  frequency: number
  interval: number
  /** The last possible start, as an ISO date-time; null for an open-ended rule. */
  until: string | null
}

/** `2024-10-09T18:45:16.000Z` -> `20241009T184516Z`, RFC 5545's UTC date-time form. */
function toRfc5545Utc(isoDateTime: string): string {
  const time = Date.parse(isoDateTime)
  if (Number.isNaN(time)) throw new Error(`"${isoDateTime}" is not a date-time.`)
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')
}

/**
 * An RFC 5545 RRULE value (without the `RRULE:` prefix and without DTSTART, which the event
 * stores apart) for python.org's recurring rule: `FREQ=DAILY;INTERVAL=1;UNTIL=20241009T184516Z`.
 */
export function dateutilRecurrenceRule({ frequency, interval, until }: DateutilRecurrence): string {
  const freq = DATEUTIL_FREQUENCIES[frequency]
  if (freq === undefined) throw new Error(`Frequency ${frequency} is not one of dateutil's YEARLY (0) to DAILY (3).`)
  if (!Number.isSafeInteger(interval) || interval < 1) throw new Error(`Interval ${interval} must be a whole number of at least 1.`)
  const parts = [`FREQ=${freq}`, `INTERVAL=${interval}`]
  if (until !== null) parts.push(`UNTIL=${toRfc5545Utc(until)}`)
  return parts.join(';')
}
