/**
 * A child process for the hostile-event test (issue 10): the real site (createApp, the real
 * event service and the CMS client's event parser) on a fake CMS whose only event carries a
 * recurrence rule stored before the CMS validated rules, such as `FREQ=MINUTELY;INTERVAL=abc`
 * (argv[2]). It sends its base URL to its parent. Run apart so that a render that never ends
 * (the old expansion spun forever) fails the test by its timeout instead of freezing the runner.
 */
import type { CmsClient } from '../../web/src/cms/client'
import { parseCalendarDoc, parseEventDoc } from '../../web/src/cms/parse/eventDocs'
import { createApp } from '../../web/src/app'
import { createEventService } from '../../web/src/services/eventService'
import { createFakeServices, testConfig } from '../web/support/fakeServices'
import { startTestServer } from '../web/support/startTestServer'

const rrule = process.argv[2] ?? 'FREQ=MINUTELY;INTERVAL=abc'
const calendar = { id: 1, name: 'Python Events', slug: 'python-events', description: null, url: null, rss: null }
// As the CMS's REST API returns it at depth 1, starting tomorrow so that it is upcoming.
const stored = {
  id: 7,
  title: 'Hostile recurring event',
  calendar,
  description: null,
  venue: null,
  categories: [],
  featured: false,
  occurrences: [],
  recurrence: { rrule, start: new Date(Date.now() + 86_400_000).toISOString(), durationMinutes: 30, exdates: null, allDay: false },
  cancelled: false,
  uid: null,
  updatedAt: null,
}

const client = {
  findCalendars: async () => [parseCalendarDoc(calendar, 'calendars[0]')],
  findEvents: async () => [parseEventDoc(stored, 'events[0]')],
  findEventCategories: async () => [],
  findEventLocations: async () => [],
} as unknown as CmsClient

const server = await startTestServer(createApp(createFakeServices({ events: createEventService(client) }), testConfig))
process.send?.({ baseUrl: server.baseUrl })
