/**
 * A minimal RFC 5545 RRULE check: `KEY=VALUE` parts separated by `;`, with a FREQ we can expand.
 * Full expansion happens where events are listed; this keeps nonsense out of the database.
 */
const FREQUENCIES = new Set(['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY'])
const KNOWN_PARTS = new Set([
  'FREQ', 'UNTIL', 'COUNT', 'INTERVAL', 'BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYDAY',
  'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYMONTH', 'BYSETPOS', 'WKST',
])

export function validateRecurrenceRule(value: unknown): true | string {
  if (value == null || value === '') return true
  if (typeof value !== 'string') return 'A recurrence rule is text like FREQ=WEEKLY;INTERVAL=1.'
  const rule = value.replace(/^RRULE:/i, '')
  const parts = rule.split(';').map((part) => part.split('='))
  if (parts.some((part) => part.length !== 2 || !KNOWN_PARTS.has(part[0].toUpperCase()) || part[1] === '')) {
    return 'A recurrence rule is KEY=VALUE parts separated by ";" (RFC 5545), like FREQ=WEEKLY;INTERVAL=1.'
  }
  const frequency = parts.find((part) => part[0].toUpperCase() === 'FREQ')
  if (!frequency || !FREQUENCIES.has(frequency[1].toUpperCase())) {
    return 'A recurrence rule needs FREQ=YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY or MINUTELY.'
  }
  if (parts.some((part) => part[0].toUpperCase() === 'UNTIL') && parts.some((part) => part[0].toUpperCase() === 'COUNT')) {
    return 'A recurrence rule may have UNTIL or COUNT, not both.'
  }
  return true
}
