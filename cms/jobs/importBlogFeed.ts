import type { TaskConfig } from 'payload'

import { importBlogFeed } from '../../seed/importers/blogFeed'
import { parseBlogFeed } from '../../seed/sources/parseBlogFeed'
import type { UpsertTally } from '../../seed/upsertTally'
import { FEED_TASK_RETRIES } from './feedTaskRetries'
import { fetchFeed } from './fetchFeed'
import { runExclusively } from './runExclusively'
import { TALLY_OUTPUT_SCHEMA } from './tallyOutputSchema'

export const IMPORT_BLOG_FEED_TASK = 'importBlogFeed'

/**
 * The `importBlogFeed` task: the Python Insider blog's RSS/Atom feed (BLOG_FEED_URL) into
 * `news`, shown on the home page and at /blogs/. The feed is read and checked before anything is
 * written; a feed that cannot be fetched or read throws (logged by Payload, retried), and the
 * writes happen in one transaction that also purges the pages listing news.
 */
export function createImportBlogFeedTask(settings: { feedUrl: string }): TaskConfig<{ input: object; output: UpsertTally }> {
  return {
    slug: IMPORT_BLOG_FEED_TASK,
    label: 'Import the Python blog feed into News',
    retries: FEED_TASK_RETRIES,
    concurrency: () => IMPORT_BLOG_FEED_TASK,
    outputSchema: TALLY_OUTPUT_SCHEMA,
    handler: async ({ req }) => {
      const xml = await fetchFeed(settings.feedUrl, 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5')
      const entries = await parseBlogFeed(xml, settings.feedUrl)
      const tally = await runExclusively(req.payload, IMPORT_BLOG_FEED_TASK, (importReq) => importBlogFeed(importReq, entries))
      req.payload.logger.info({ task: IMPORT_BLOG_FEED_TASK, url: settings.feedUrl, entries: entries.length, ...tally }, 'Imported the blog feed')
      return { output: tally }
    },
  }
}
