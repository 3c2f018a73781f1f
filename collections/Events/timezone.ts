/**
 * The event's time zone: the IANA zone (`America/New_York`) its times are given in and its
 * recurrence expands in, so a weekly 6 pm meeting stays at 6 pm local across daylight-saving
 * changes. An imported event keeps its feed's TZID (seed/sources/parseICalendarFeed.ts).
 */
import type { TextField } from 'payload'

import { isTimeZone } from '../../lib/recurrence/floatingTime'

/** Empty reads as UTC (the default); anything else must be a zone this runtime knows. */
export function validateTimeZone(value: unknown): true | string {
  if (value == null || value === '' || isTimeZone(value)) return true
  return `${typeof value === 'string' ? `"${value.slice(0, 64)}"` : 'This value'} is not a time zone: use an IANA name such as America/New_York or Europe/Berlin, or UTC.`
}

export const timezoneField: TextField = {
  name: 'timezone',
  type: 'text',
  // Not required, so that writes made before the field existed (and their types) stay valid: empty is UTC.
  defaultValue: 'UTC',
  maxLength: 64,
  validate: validateTimeZone,
  admin: {
    position: 'sidebar',
    description: 'IANA time zone of its dates, like America/New_York (UTC by default): the recurrence repeats at the same local time in it.',
  },
}
