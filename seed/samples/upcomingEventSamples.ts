/**
 * SAMPLE CONTENT: upcoming events dated relative to the seeding day, so the home page and the
 * events pages show something to come. Keyed by a `uid` of our own and inserted only when
 * absent, so later runs do not move them.
 */
export type UpcomingEventSample = { uid: string; title: string; daysFromToday: number; durationDays: number; summary: string }

export const UPCOMING_EVENT_SAMPLES: UpcomingEventSample[] = [
  { uid: 'sample-sprint-weekend@seed.python.org', title: 'Python Sprint Weekend (sample)', daysFromToday: 9, durationDays: 2, summary: 'A weekend of contributing to CPython and the ecosystem, mentors on hand.' },
  { uid: 'sample-user-group-meetup@seed.python.org', title: 'Local Python User Group Meetup (sample)', daysFromToday: 16, durationDays: 0, summary: 'Lightning talks and a beginners corner.' },
  { uid: 'sample-regional-conference@seed.python.org', title: 'Regional Python Conference (sample)', daysFromToday: 40, durationDays: 3, summary: 'Three days of talks, tutorials and sprints.' },
  { uid: 'sample-docs-sprint@seed.python.org', title: 'Documentation Sprint (sample)', daysFromToday: 60, durationDays: 1, summary: 'Improve the Python documentation together.' },
  { uid: 'sample-packaging-summit@seed.python.org', title: 'Packaging Summit (sample)', daysFromToday: 75, durationDays: 1, summary: 'Packaging maintainers and users discuss the road ahead.' },
]
