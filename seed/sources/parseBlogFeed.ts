import Parser from 'rss-parser'

import { SourceDataError } from './SourceDataError'

/** One post of the blog's feed, shaped for the `news` collection. */
export interface BlogFeedEntry {
  /** The RSS guid or Atom id; the link when the feed gives neither. */
  guid: string
  title: string
  url: string
  /** Plain text: the start of the post. */
  summary: string | null
  publishedAt: string
  author: string | null
}

const SUMMARY_MAX_LENGTH = 300
const TITLE_MAX_LENGTH = 500

type FeedItem = Parser.Item & { id?: unknown; author?: unknown }

/**
 * Reads the blog's RSS 2.0 or Atom feed. A document that is not a feed, or an entry without a
 * title, an http(s) link or a date, or two entries with the same guid or link, throws a
 * SourceDataError naming `source`, so an importer given a broken feed writes nothing.
 */
export async function parseBlogFeed(xml: string, source: string): Promise<BlogFeedEntry[]> {
  let items: FeedItem[]
  try {
    items = (await new Parser().parseString(xml)).items as FeedItem[]
  } catch (error) {
    throw new SourceDataError(source, null, `is not a readable RSS or Atom feed (${firstLine(error)})`)
  }
  const entries = items.map((item, index) => entryOf(item, source, index))
  for (const key of ['guid', 'url'] as const) {
    const seen = new Set<string>()
    for (const entry of entries) {
      if (seen.has(entry[key])) throw new SourceDataError(source, `entry ${entry[key]}`, `appears twice (same ${key})`)
      seen.add(entry[key])
    }
  }
  return entries
}

function entryOf(item: FeedItem, source: string, index: number): BlogFeedEntry {
  const title = stringOf(item.title).trim()
  const link = stringOf(item.link).trim()
  const record = `entry #${index + 1}${title ? ` "${title}"` : ''}`
  const problem = (message: string) => new SourceDataError(source, record, message)
  if (title === '') throw problem('has no title')
  if (!/^https?:\/\/\S+$/.test(link)) throw problem(`has no http(s) link (got ${JSON.stringify(link)})`)
  const published = new Date(stringOf(item.isoDate) || stringOf(item.pubDate))
  if (Number.isNaN(published.getTime())) throw problem('has no readable publication date')
  const url = blogUrl(link)
  return {
    guid: stringOf(item.guid).trim() || stringOf(item.id).trim() || url,
    title: title.length <= TITLE_MAX_LENGTH ? title : `${title.slice(0, TITLE_MAX_LENGTH - 1)}…`,
    url,
    summary: summaryOf(stringOf(item.contentSnippet) || stringOf(item.summary)),
    publishedAt: published.toISOString(),
    author: authorOf(stringOf(item.creator) || stringOf(item.author)),
  }
}

/** python.org rewrites the blog's old Blogger address to its own domain; so do we. */
function blogUrl(link: string): string {
  return link.replace(/^https?:\/\/pythoninsider\.blogspot\.com\//, 'https://blog.python.org/')
}

/** Blogger's RSS author is `noreply@blogger.com (Name)`: keep the name. */
function authorOf(value: string): string | null {
  const text = value.trim()
  if (text === '') return null
  const named = /^\S+@\S+\s+\((.+)\)$/.exec(text)
  return (named ? named[1] : text).slice(0, 200)
}

/** The start of the post as one line of plain text, cut at a word. */
function summaryOf(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat === '') return null
  if (flat.length <= SUMMARY_MAX_LENGTH) return flat
  const cut = flat.slice(0, SUMMARY_MAX_LENGTH)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > SUMMARY_MAX_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]
}
