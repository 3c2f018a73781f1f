import type { FieldHook } from 'payload'

/**
 * Minutes are addressed by their meeting's day (`/psf/records/board/minutes/2026-11-18/`), so the
 * stored date is the day alone: noon UTC of the given UTC day, the instant Payload's own day
 * picker sends for a chosen day in every time zone. Two minutes for one day are then the same
 * value and the unique index refuses the second (python.org allowed them, and the page for that
 * day answered 500).
 */
export const meetingDayAtNoon: FieldHook = ({ value }) => {
  const instant = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null
  if (instant === null || Number.isNaN(instant.getTime())) return value
  return `${instant.toISOString().slice(0, 10)}T12:00:00.000Z`
}
