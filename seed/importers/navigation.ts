import type { Payload } from 'payload'

import type { ProgressFactory } from '../progress'
import type { NavigationItemRecord } from '../sources/readNavigationSource'
import { describeTally, emptyTally, type UpsertTally } from '../upsertTally'
import { loadByKey, upsertByKey } from './upsertByKey'

/** Parents before children, so every item's parent exists when it is written. */
function parentsFirst(items: NavigationItemRecord[]): NavigationItemRecord[] {
  const byId = new Map(items.map((item) => [item.legacyId, item]))
  const depth = (item: NavigationItemRecord, seen = new Set<number>()): number => {
    if (item.parentLegacyId == null || seen.has(item.legacyId)) return 0
    const parent = byId.get(item.parentLegacyId)
    if (!parent) throw new Error(`Navigation item ${item.legacyId} names a missing parent ${item.parentLegacyId}.`)
    seen.add(item.legacyId)
    return 1 + depth(parent, seen)
  }
  return [...items].sort((a, b) => depth(a) - depth(b) || a.order - b.order)
}

/** python.org's 115-item menu tree, upserted by its sitetree id (`legacyId`). */
export async function importNavigation(payload: Payload, items: NavigationItemRecord[], progress: ProgressFactory): Promise<UpsertTally> {
  const tally = emptyTally()
  const existing = await loadByKey(payload, 'navigation-items', 'legacyId')
  const bar = progress('Navigation', items.length)
  for (const item of parentsFirst(items)) {
    const parentId = item.parentLegacyId == null ? null : existing.get(String(item.parentLegacyId))?.id ?? null
    await upsertByKey(payload, {
      collection: 'navigation-items',
      existing,
      key: 'legacyId',
      tally,
      data: {
        legacyId: item.legacyId,
        title: item.title,
        url: item.url,
        hint: item.hint,
        parent: parentId,
        order: item.order,
        alias: item.alias,
        hidden: item.hidden,
        inMenu: item.inMenu,
        inBreadcrumbs: item.inBreadcrumbs,
      },
    })
    bar.tick()
  }
  bar.done(describeTally(tally))
  return tally
}
