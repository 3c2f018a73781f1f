import { createLocalReq, type Payload } from 'payload'

import { regenerateDownloadBoxes } from '../collections/Releases/hooks/regenerateDownloadBoxes'
import { rerenderStaleMarkup } from '../cms/jobs/rerenderMarkup'
import { importBoxes } from './importers/boxes'
import { importEvents } from './importers/events'
import { importNavigation } from './importers/navigation'
import { importRedirects } from './importers/redirects'
import { importReleases } from './importers/releases'
import { importSamples } from './importers/samples'
import type { ProgressFactory } from './progress'
import { LEGACY_REDIRECT_RULES } from './samples/legacyRedirectRules'
import { readBoxesSource } from './sources/readBoxesSource'
import { nameCalendarsFromNavigation } from './sources/nameCalendarsFromNavigation'
import { readEventsSource } from './sources/readEventsSource'
import { readNavigationSource } from './sources/readNavigationSource'
import { readReleasesSource } from './sources/readReleasesSource'
import { emptyTally, type UpsertTally } from './upsertTally'

export type SeedOptions = { sharedDataDir: string; progress: ProgressFactory; today?: Date }

/**
 * Runs every importer, in dependency order, then regenerates the download boxes once and renders
 * any markup whose stored HTML is missing or stale. Each
 * importer upserts by a natural key, so a run that was killed halfway completes on the next
 * one, and a second full run changes nothing.
 */
export async function seedDatabase(payload: Payload, options: SeedOptions): Promise<UpsertTally> {
  const { sharedDataDir, progress } = options
  const today = options.today ?? new Date()
  // Read and validate every source before writing anything.
  const releases = await readReleasesSource(sharedDataDir)
  const boxes = await readBoxesSource(sharedDataDir)
  const navigation = await readNavigationSource(sharedDataDir)
  const events = nameCalendarsFromNavigation(await readEventsSource(sharedDataDir), navigation)

  const total = emptyTally()
  const add = (tally: UpsertTally) => {
    total.created += tally.created
    total.updated += tally.updated
    total.unchanged += tally.unchanged
  }
  add(await importReleases(payload, releases, progress))
  add(await importBoxes(payload, boxes, progress))
  add(await importNavigation(payload, navigation, progress))
  add(await importEvents(payload, events, progress))
  add(await importSamples(payload, navigation, progress, today))
  add(await importRedirects(payload, LEGACY_REDIRECT_RULES, progress))
  // Like every importer's writes (upsertByKey), no purge: seeding runs before the site serves,
  // and a purge queued here would be tried against a site not listening yet.
  await regenerateDownloadBoxes(await createLocalReq({ context: { skipSitePurge: true } }, payload))
  // Every write above rendered its markup; this fills what an earlier seed or an older version of
  // the markup rules left (documents the importers found unchanged), so the site has HTML to show.
  await rerenderStaleMarkup(payload)
  return total
}
