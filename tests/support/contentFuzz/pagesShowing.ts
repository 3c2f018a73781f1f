/**
 * The site pages that show a document of a collection: where the fuzz looks after saving hostile
 * content. Every page shows the navigation and the active banner; the rest is per collection,
 * from the renderer's routes (web/src/routes/). A document read at depth 1, so its relations
 * (a release's calendar, a story's category) carry their slugs.
 */
type Doc = Record<string, unknown>

/** Pages every document can reach: the home page lists releases, events, stories, news, boxes and code samples. */
const EVERYWHERE = ['/', '/sitemap.xml']

function slugOf(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && typeof (value as Doc).slug === 'string') return (value as Doc).slug as string
  return null
}

/** A stored path as a request path: percent-encoded, lone surrogates (which cannot be) as U+FFFD. */
function asPath(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null
  return encodeURI(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

/** The site's search for some of the document's own words (the search index may not have it yet: the page must answer all the same). */
function searchFor(value: unknown): string[] {
  const words = text(value)
  return words === null ? [] : [`/search/?q=${encodeURIComponent(words.slice(0, 100).replace(/[\uD800-\uDFFF]/g, ''))}`]
}

const PER_COLLECTION: Record<string, (doc: Doc) => (string | null)[]> = {
  pages: (doc) => [asPath(doc.path), ...searchFor(doc.title)],
  boxes: (doc) => [text(doc.label) === null ? null : `/box/${asPath(doc.label)?.replace(/\//g, '%2F')}/`, '/downloads/'],
  'navigation-items': () => ['/about/', '/downloads/'],
  banners: () => ['/psf/', '/events/'],
  'code-samples': () => [],
  redirects: (doc) => [asPath(doc.from)],
  news: (doc) => ['/blogs/', ...searchFor(doc.title)],
  releases: (doc) => ['/downloads/', '/downloads/feed.rss', '/doc/versions/', '/downloads/source/', '/downloads/windows/', slugOf(doc) ? `/downloads/release/${slugOf(doc)}/` : null],
  'release-files': (doc) => ['/downloads/', slugOf(doc.release) ? `/downloads/release/${slugOf(doc.release)}/` : null, slugOf(doc.os) ? `/downloads/${slugOf(doc.os)}/` : null],
  'operating-systems': (doc) => ['/downloads/operating-systems/', slugOf(doc) ? `/downloads/${slugOf(doc)}/` : null],
  'release-cycles': () => ['/downloads/'],
  calendars: (doc) => ['/events/', '/events/calendars/', ...(slugOf(doc) ? [`/events/${slugOf(doc)}/`, `/events/${slugOf(doc)}/feed.ics`] : [])],
  'event-categories': (doc) => ['/events/', ...(slugOf(doc) ? ['/events/python-events/categories/', `/events/python-events/categories/${slugOf(doc)}/`] : [])],
  'event-locations': (doc) => ['/events/', `/events/python-events/locations/${String(doc.id)}/`],
  events: (doc) => {
    const calendar = slugOf(doc.calendar)
    if (calendar === null) return ['/events/']
    return ['/events/', ...searchFor(doc.title), `/events/${calendar}/`, `/events/${calendar}/${String(doc.id)}/`, `/events/${calendar}/${String(doc.id)}/event.ics`, `/events/${calendar}/feed.ics`, `/events/${calendar}/past/`, `/events/${calendar}/categories/`, `/events/${calendar}/locations/`]
  },
  'success-stories': (doc) => ['/success-stories/', ...searchFor(doc.name), slugOf(doc) ? `/success-stories/${slugOf(doc)}/` : null, slugOf(doc.category) ? `/success-stories/category/${slugOf(doc.category)}/` : null],
  // The job board (issue 12): its lists, the job's page, its place, the feed and the search (hidden states answer 404, never 5xx).
  jobs: (doc) => [
    '/jobs/',
    '/jobs/feed/rss/',
    '/jobs/locations/',
    '/jobs/types/',
    '/jobs/categories/',
    '/jobs/location/telecommute/',
    `/jobs/${String(doc.id)}/`,
    asPath(doc.locationSlug) === null ? null : `/jobs/location/${asPath(doc.locationSlug)?.replace(/\//g, '%2F')}/`,
    slugOf(doc.category) ? `/jobs/category/${slugOf(doc.category)}/` : null,
    ...searchFor(doc.title),
  ],
  'job-types': (doc) => ['/jobs/', '/jobs/types/', slugOf(doc) ? `/jobs/type/${slugOf(doc)}/` : null],
  'job-categories': (doc) => ['/jobs/', '/jobs/categories/', slugOf(doc) ? `/jobs/category/${slugOf(doc)}/` : null],
  'job-review-comments': () => ['/jobs/'],
  'story-categories': (doc) => ['/success-stories/', slugOf(doc) ? `/success-stories/category/${slugOf(doc)}/` : null],
}

/** The site paths (with query) to request after `doc` of `collection` was saved. */
export function pagesShowing(collection: string, doc: Doc): string[] {
  const own = (PER_COLLECTION[collection]?.(doc) ?? []).filter((path): path is string => path !== null)
  return [...new Set([...EVERYWHERE, ...own])]
}
