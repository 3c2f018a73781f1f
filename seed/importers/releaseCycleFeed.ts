import type { PayloadRequest } from 'payload'

import type { ReleaseCycleEntry } from '../sources/parseReleaseCycleJson'
import { emptyTally, type UpsertTally } from '../upsertTally'
import { loadByKey, upsertByKey } from './upsertByKey'

/**
 * peps.python.org's release cycles into `release-cycles`, by cycle: status, dates and PEP replace
 * the seeded values. The latest release each cycle links to is left as it is (the release data
 * decides it), and cycles missing from the document are kept. Writes in `req`'s transaction and
 * queues the purge of the pages that show cycles.
 */
export async function importReleaseCycles(req: PayloadRequest, entries: readonly ReleaseCycleEntry[]): Promise<UpsertTally> {
  const { payload } = req
  const tally = emptyTally()
  const cycles = await loadByKey(payload, 'release-cycles', 'cycle', req)
  for (const entry of entries) {
    await upsertByKey(payload, {
      collection: 'release-cycles',
      existing: cycles,
      key: 'cycle',
      tally,
      req,
      purgeSite: true,
      data: { cycle: entry.cycle, status: entry.status, firstRelease: entry.firstRelease, endOfLife: entry.endOfLife, pep: entry.pep },
    })
  }
  return tally
}
