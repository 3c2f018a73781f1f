/**
 * The one validator of event recurrence rules, for every way a rule is written: the field's
 * `validate` (REST, GraphQL, the admin, the Local API) and the calendar importers (seed/), which
 * skip an event whose rule it refuses. The rule is built with the rrule library from the event's
 * start and zone (lib/recurrence/checkRecurrenceRule), and must produce an occurrence.
 */
import { checkRecurrenceRule, firstOccurrenceProblem } from '../../lib/recurrence/checkRecurrenceRule'
import { isTimeZone } from '../../lib/recurrence/floatingTime'

/** Why `rule` cannot be kept for an event starting at `start` in `timeZone`, or null when it can. */
export function recurrenceRuleProblem(rule: string, start: unknown, timeZone: unknown): string | null {
  const startDate = start instanceof Date ? start : typeof start === 'string' && start !== '' ? new Date(start) : null
  if (startDate === null) return 'A recurrence rule needs the recurrence start (its first date and time).'
  if (Number.isNaN(startDate.getTime())) return 'The recurrence start is not a date.'
  // The zone has its own field and message; an invalid one is refused there.
  const check = checkRecurrenceRule(rule, startDate, isTimeZone(timeZone) ? timeZone : 'UTC')
  const problem = check.ok ? firstOccurrenceProblem(check.checked) : check.problem
  return problem === null ? null : `${problem.part}: ${capitalize(problem.reason)}`
}

/** The `recurrence.rrule` field's validate: its sibling `start` and the event's `timezone` are read too. */
export function validateRecurrenceRule(value: unknown, { siblingData, data }: { siblingData?: unknown; data?: unknown }): true | string {
  if (value == null || value === '') return true
  if (typeof value !== 'string') return 'A recurrence rule is text like FREQ=WEEKLY;INTERVAL=1.'
  const sibling = (siblingData ?? {}) as Record<string, unknown>
  const event = (data ?? {}) as Record<string, unknown>
  return recurrenceRuleProblem(value, sibling.start, event.timezone) ?? true
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
