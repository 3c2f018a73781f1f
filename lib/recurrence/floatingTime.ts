/**
 * rrule expands a rule in "floating" time: a Date whose UTC fields are the wall-clock time of
 * the event's zone. Expanding there and converting each occurrence back keeps a 6 pm New York
 * meeting at 6 pm across daylight-saving changes. rrule's own `tzid` option converts with the
 * process's local zone and the offset of the wrong instant near a change, so the conversion is
 * done here with @date-fns/tz, which reads the zone rules from Intl.
 */
import { TZDate } from '@date-fns/tz'

/** The zones an event may name: IANA names this runtime knows, and UTC. */
export function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && (value === 'UTC' || supportedZones().has(value))
}

let zones: ReadonlySet<string> | null = null
function supportedZones(): ReadonlySet<string> {
  zones ??= new Set(Intl.supportedValuesOf('timeZone'))
  return zones
}

/** The wall-clock time of `instant` in `timeZone`, as floating time. */
export function toFloating(instant: Date, timeZone: string): Date {
  if (timeZone === 'UTC') return new Date(instant.getTime())
  const zoned = new TZDate(instant.getTime(), timeZone)
  return new Date(Date.UTC(zoned.getFullYear(), zoned.getMonth(), zoned.getDate(), zoned.getHours(), zoned.getMinutes(), zoned.getSeconds(), zoned.getMilliseconds()))
}

/**
 * The instant a floating wall-clock time names in `timeZone`. A time skipped by a change
 * (2:30 on a spring-forward night) is read as the same time after it (3:30); a time that
 * happens twice (1:30 on a fall-back night) as the first.
 */
export function fromFloating(floating: Date, timeZone: string): Date {
  if (timeZone === 'UTC') return new Date(floating.getTime())
  const zoned = new TZDate(
    floating.getUTCFullYear(),
    floating.getUTCMonth(),
    floating.getUTCDate(),
    floating.getUTCHours(),
    floating.getUTCMinutes(),
    floating.getUTCSeconds(),
    floating.getUTCMilliseconds(),
    timeZone,
  )
  return new Date(zoned.getTime())
}
