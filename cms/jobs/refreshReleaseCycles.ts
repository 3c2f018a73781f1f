import type { TaskConfig } from 'payload'

import { importReleaseCycles } from '../../seed/importers/releaseCycleFeed'
import { parseReleaseCycleJson } from '../../seed/sources/parseReleaseCycleJson'
import type { UpsertTally } from '../../seed/upsertTally'
import { FEED_TASK_RETRIES } from './feedTaskRetries'
import { fetchFeed } from './fetchFeed'
import { runExclusively } from './runExclusively'
import { TALLY_OUTPUT_SCHEMA } from './tallyOutputSchema'

export const REFRESH_RELEASE_CYCLES_TASK = 'refreshReleaseCycles'

/**
 * The `refreshReleaseCycles` task: peps.python.org's release-cycle JSON (RELEASE_CYCLE_URL), as
 * python.org's downloads page reads it, into `release-cycles`. The seeded cycles stand until the
 * first successful run; a document that cannot be fetched or read throws (logged, retried) and
 * changes nothing.
 */
export function createRefreshReleaseCyclesTask(settings: { url: string }): TaskConfig<{ input: object; output: UpsertTally }> {
  return {
    slug: REFRESH_RELEASE_CYCLES_TASK,
    label: 'Refresh the release cycles from peps.python.org',
    retries: FEED_TASK_RETRIES,
    concurrency: () => REFRESH_RELEASE_CYCLES_TASK,
    outputSchema: TALLY_OUTPUT_SCHEMA,
    handler: async ({ req }) => {
      const text = await fetchFeed(settings.url, 'application/json')
      const entries = parseReleaseCycleJson(text, settings.url)
      const tally = await runExclusively(req.payload, REFRESH_RELEASE_CYCLES_TASK, (importReq) => importReleaseCycles(importReq, entries))
      req.payload.logger.info({ task: REFRESH_RELEASE_CYCLES_TASK, url: settings.url, cycles: entries.length, ...tally }, 'Refreshed the release cycles')
      return { output: tally }
    },
  }
}
