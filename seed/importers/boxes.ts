import type { Payload } from 'payload'

import type { ProgressFactory } from '../progress'
import type { BoxRecord } from '../sources/readBoxesSource'
import { describeTally, emptyTally, type UpsertTally } from '../upsertTally'
import { loadByKey, upsertByKey } from './upsertByKey'

/**
 * python.org's 63 boxes, by label. The generated boxes in the fixture are stale (3.10.5, a 2019
 * post): once regenerated from content, the fixture's copy never overwrites them again.
 */
export async function importBoxes(payload: Payload, boxes: BoxRecord[], progress: ProgressFactory): Promise<UpsertTally> {
  const tally = emptyTally()
  const existing = await loadByKey(payload, 'boxes', 'label')
  const bar = progress('Boxes', boxes.length)
  for (const box of boxes) {
    const current = existing.get(box.label)
    // Any box the site generates (download boxes, the story and blog supernav panels) is the
    // site's once generated: the fixture's stale copy never overwrites it.
    if (current?.generated) {
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
