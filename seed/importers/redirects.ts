import type { Payload } from 'payload'

import type { ProgressFactory } from '../progress'
import type { LegacyRedirectRule } from '../samples/legacyRedirectRules'
import { describeTally, emptyTally, type UpsertTally } from '../upsertTally'
import { loadByKey } from './upsertByKey'

/**
 * python.org's nginx redirects as redirect records, by `from`. Create-only: once seeded, a
 * record is the editors' (they may retarget or delete it), so a second run never overwrites it.
 */
export async function importRedirects(payload: Payload, rules: readonly LegacyRedirectRule[], progress: ProgressFactory): Promise<UpsertTally> {
  const tally = emptyTally()
  const existing = await loadByKey(payload, 'redirects', 'from')
  const bar = progress('Redirects', rules.length)
  for (const rule of rules) {
    if (existing.has(rule.from)) {
      tally.unchanged += 1
    } else {
      const created = await payload.create({
        collection: 'redirects',
        data: { from: rule.from, match: rule.match, to: rule.to, permanent: rule.permanent, keepRest: rule.keepRest ?? false },
        overrideAccess: true,
        depth: 0,
        context: { skipSitePurge: true },
      })
      existing.set(rule.from, created as unknown as { id: number })
      tally.created += 1
    }
    bar.tick()
  }
  bar.done(describeTally(tally))
  return tally
}
