/**
 * SAMPLE CONTENT: python.org's menu links the "Python User Group" calendar
 * (/events/python-user-group/), which the events fixture does not contain. One calendar and a
 * weekly meetup with a recurrence (and one skipped week) fill it, so the menu link resolves and
 * the site's recurrence expansion has real data. Inserted only when absent.
 */
export const USER_GROUP_CALENDAR_SAMPLE = {
  name: 'Python User Group',
  slug: 'python-user-group',
  description: 'Meetings of Python user groups around the world (sample).',
} as const

export type RecurringEventSample = {
  uid: string
  title: string
  summary: string
  /** Days from the seeding day to the first meeting, at 18:00 UTC. */
  firstInDays: number
  rrule: string
  durationMinutes: number
  /** Meetings skipped, counted in weeks after the first (EXDATE). */
  skippedWeeks: number[]
}

export const USER_GROUP_MEETUP_SAMPLE: RecurringEventSample = {
  uid: 'sample-weekly-user-group@seed.python.org',
  title: 'Weekly Python User Group Meetup (sample)',
  summary: 'Every week: a short talk, then help with your Python questions.',
  firstInDays: 3,
  rrule: 'FREQ=WEEKLY;COUNT=12',
  durationMinutes: 120,
  skippedWeeks: [2],
}
