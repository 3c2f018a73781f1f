import type { TaskConfig, Where } from 'payload'

import { importCalendarFeed } from '../../seed/importers/calendarFeed'
import { parseICalendarFeed } from '../../seed/sources/parseICalendarFeed'
import { FEED_TASK_RETRIES } from './feedTaskRetries'
import { fetchFeed } from './fetchFeed'
import { runExclusively } from './runExclusively'

export const IMPORT_CALENDARS_TASK = 'importCalendars'

export type ImportCalendarsOutput = {
  calendars: number
  created: number
  updated: number
  unchanged: number
  /** UIDs a feed shares with another calendar's events, left untouched. */
  skipped: string[]
  /** Events the events collection refuses (a recurrence rule it cannot keep), not imported: calendar, UID and why. */
  refused: { calendar: string; uid: string; reason: string }[]
}

/**
 * The `importCalendars` task (python.org's `import_ics_calendars`): every calendar with an iCal
 * `url`, or only the one whose slug is given as input, imported by UID (see importCalendarFeed).
 * Each calendar is fetched, checked and written in a transaction of its own, so a broken feed
 * changes nothing of its calendar and does not hold back the others; the task then throws naming
 * the calendars that failed (logged by Payload, retried). An event the events collection refuses
 * (a recurrence rule it cannot keep) is skipped, logged with its reason and listed in `refused`.
 */
export function createImportCalendarsTask(): TaskConfig<{ input: { calendar?: string | null }; output: ImportCalendarsOutput }> {
  return {
    slug: IMPORT_CALENDARS_TASK,
    label: "Import the calendars' iCal feeds into Events",
    retries: FEED_TASK_RETRIES,
    concurrency: () => IMPORT_CALENDARS_TASK,
    inputSchema: [{ name: 'calendar', type: 'text', admin: { description: 'Only this calendar (its slug); empty: every calendar with a URL.' } }],
    outputSchema: [
      { name: 'calendars', type: 'number', required: true },
      { name: 'created', type: 'number', required: true },
      { name: 'updated', type: 'number', required: true },
      { name: 'unchanged', type: 'number', required: true },
      { name: 'skipped', type: 'json', required: true },
      { name: 'refused', type: 'json', required: true },
    ],
    handler: async ({ input, req }) => {
      const { payload } = req
      const conditions: Where[] = [{ url: { exists: true } }, { url: { not_equals: '' } }]
      if (input.calendar) conditions.push({ slug: { equals: input.calendar } })
      const { docs: calendars } = await payload.find({ collection: 'calendars', where: { and: conditions }, sort: 'slug', limit: 0, pagination: false, depth: 0, overrideAccess: true })
      if (input.calendar && calendars.length === 0) throw new Error(`No calendar with the slug "${input.calendar}" has an iCal URL to import.`)

      const output: ImportCalendarsOutput = { calendars: 0, created: 0, updated: 0, unchanged: 0, skipped: [], refused: [] }
      const failures: string[] = []
      for (const calendar of calendars) {
        const url = String(calendar.url)
        try {
          const feed = parseICalendarFeed(await fetchFeed(url, 'text/calendar, */*;q=0.5'), url)
          const tally = await runExclusively(payload, `${IMPORT_CALENDARS_TASK}:${calendar.id}`, (importReq) => importCalendarFeed(importReq, calendar.id, feed))
          output.calendars += 1
          output.created += tally.created
          output.updated += tally.updated
          output.unchanged += tally.unchanged
          output.skipped.push(...tally.skipped)
          output.refused.push(...tally.refused.map((refused) => ({ calendar: String(calendar.slug), ...refused })))
          for (const refused of tally.refused) {
            payload.logger.warn({ task: IMPORT_CALENDARS_TASK, calendar: calendar.slug, uid: refused.uid, reason: refused.reason }, `Feed event ${refused.uid} was not imported: ${refused.reason}`)
          }
          if (tally.skipped.length > 0) {
            payload.logger.warn({ task: IMPORT_CALENDARS_TASK, calendar: calendar.slug, uids: tally.skipped }, 'Feed events whose UID belongs to another calendar were left untouched')
          }
          payload.logger.info({ task: IMPORT_CALENDARS_TASK, calendar: calendar.slug, events: feed.length, ...tally, refused: tally.refused.length }, 'Imported a calendar feed')
        } catch (error) {
          failures.push(`${calendar.slug}: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      if (failures.length > 0) {
        throw new Error(`${failures.length} of ${calendars.length} calendar feeds were not imported (the others were): ${failures.join('; ')}`)
      }
      return { output }
    },
  }
}
