import type { PayloadRequest } from 'payload'

import { regenerateBlogSupernav } from '../../collections/News/regenerateBlogSupernav'
import type { BlogFeedEntry } from '../sources/parseBlogFeed'
import { emptyTally, type UpsertTally } from '../upsertTally'
import { loadByKey, upsertByKey } from './upsertByKey'

/**
 * The blog's feed into `news`, by guid (python.org upserts BlogEntry by feed and URL). An entry
 * found by its URL under another guid keeps its document and takes the new guid, so a feed that
 * changes its guid scheme updates posts instead of failing on the unique URL. Posts that left the
 * feed stay: the feed only carries the latest posts. Writes in `req`'s transaction and queues
 * the purge of the pages that list news.
 */
export async function importBlogFeed(req: PayloadRequest, entries: readonly BlogFeedEntry[]): Promise<UpsertTally> {
  const { payload } = req
  const tally = emptyTally()
  const byGuid = await loadByKey(payload, 'news', 'guid', req)
  const byUrl = new Map([...byGuid.values()].map((doc) => [String(doc.url), doc]))
  for (const entry of entries) {
    const sameUrl = byUrl.get(entry.url)
    if (!byGuid.has(entry.guid) && sameUrl !== undefined) byGuid.set(entry.guid, sameUrl)
    await upsertByKey(payload, {
      collection: 'news',
      existing: byGuid,
      key: 'guid',
      tally,
      req,
      purgeSite: true,
      data: {
        guid: entry.guid,
        title: entry.title,
        url: entry.url,
        summary: entry.summary,
        publishedAt: entry.publishedAt,
        author: entry.author,
      },
    })
  }
  await regenerateBlogSupernav(req)
  return tally
}
