import type { Payload } from 'payload'

import { DOWNLOAD_BOX_LABELS } from '../../collections/Releases/downloadBoxes/types'
import type { ProgressFactory } from '../progress'
import type { BoxRecord } from '../sources/readBoxesSource'
import { describeTally, emptyTally, type UpsertTally } from '../upsertTally'
import { loadByKey, upsertByKey } from './upsertByKey'

const GENERATED_LABELS = new Set<string>(Object.values(DOWNLOAD_BOX_LABELS))

/**
 * python.org's 63 boxes, by label. The download boxes in the fixture are stale (3.10.5): once
 * they have been regenerated from releases, the fixture's copy never overwrites them again.
 */
export async function importBoxes(payload: Payload, boxes: BoxRecord[], progress: ProgressFactory): Promise<UpsertTally> {
  const tally = emptyTally()
  const existing = await loadByKey(payload, 'boxes', 'label')
  const bar = progress('Boxes', boxes.length)
  for (const box of boxes) {
    const current = existing.get(box.label)
    if (GENERATED_LABELS.has(box.label) && current?.generated) {
      tally.unchanged += 1
    } else {
      await upsertByKey(payload, {
        collection: 'boxes',
        existing,
        key: 'label',
        tally,
        data: { label: box.label, content: box.content, markupType: box.markupType },
      })
    }
    bar.tick()
  }
  bar.done(describeTally(tally))
  return tally
}
