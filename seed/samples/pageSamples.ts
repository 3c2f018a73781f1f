import { normalisePagePath, validatePagePath } from '../../collections/Pages/pagePath'

/** Paths the renderer serves itself; the navigation's links there need no CMS page. */
const APP_ROUTE_PREFIXES = ['/downloads/', '/events/', '/success-stories/', '/blogs/', '/search/', '/box/', '/doc/versions/', '/psf/records/board/minutes/']
/**
 * Paths an app route serves while other paths under the same prefix still need a page: the job
 * board's lists and its personal pages (posting, my submissions, the review queue).
 */
const APP_ROUTE_PATHS = ['/jobs/', '/jobs/types/', '/jobs/categories/', '/jobs/locations/', '/jobs/create/', '/jobs/mine/', '/jobs/review/']

/**
 * Placeholder pages earlier seeds wrote where an app route now answers (/jobs/create/ until the
 * job board's forms came): the seed deletes them, only while they still hold the placeholder
 * text, so a page an editor wrote there is kept. A second run finds nothing to delete.
 */
export const RETIRED_PLACEHOLDER_PATHS: readonly string[] = ['/jobs/create/']

/** The sentence every placeholder page starts with (below): how a retired one is recognised. */
export const PLACEHOLDER_MARK = 'This is sample content for'

const WRITTEN: Record<string, { description: string; paragraphs: string[] }> = {
  '/about/': {
    description: 'Python is a programming language that lets you work quickly and integrate systems more effectively.',
    paragraphs: [
      'Python is powerful, fast, plays well with others, runs everywhere, is friendly and easy to learn, and is open.',
      'These are some of the reasons people who use Python would rather not use anything else.',
    ],
  },
  '/about/gettingstarted/': {
    description: 'Getting started with Python: installing it, learning it, and finding help.',
    paragraphs: [
      'Welcome! Are you completely new to programming? If not, we presume you will be looking for information about why and how to get started with Python.',
      'Installing Python is generally easy: download the latest release for your operating system from the downloads page.',
    ],
  },
  '/doc/': {
    description: 'Python documentation: tutorials, library reference and guides.',
    paragraphs: ['The official Python documentation lives at docs.python.org, with a page for every release under /doc/versions/.'],
  },
  '/community/': {
    description: 'The Python community: forums, mailing lists, conferences and user groups.',
    paragraphs: ['Python has a large, diverse and friendly community. Join a user group, a conference, a forum or a mailing list.'],
  },
  // Linked from python.org's boxes (widget-about-psf, download-sources), not from the menu.
  '/psf/': {
    description: 'The Python Software Foundation: its mission, members and work.',
    paragraphs: ['The mission of the Python Software Foundation is to promote, protect, and advance the Python programming language, and to support and facilitate the growth of a diverse and international community of Python programmers.'],
  },
  '/downloads/unpacking/': {
    description: 'Tools for unpacking the archive files Python source releases come in.',
    paragraphs: ['Python source releases are .tar.xz and .tgz archives. Most systems unpack them with tar (tar -xf Python-3.X.Y.tar.xz); on Windows, use 7-Zip or the tar that ships with Windows 10 and later.'],
  },
  // Linked from the job board's pages (python.org's posting guidelines page).
  '/community/jobs/howto/': {
    description: 'How to post a job on the Python Job Board.',
    paragraphs: [
      'The Python Job Board lists jobs in which Python is the main language of the work. Postings are reviewed by the job board team before they are listed, and stay listed for 90 days.',
      'Describe the position, the requirements and the company, say where the work is done and whether remote work is possible, and give an address where candidates can reach you. Postings for unpaid work, or in which Python plays a minor part, are not accepted.',
    ],
  },
  '/psf-landing/': {
    description: 'The Python Software Foundation.',
    paragraphs: ['The Python Software Foundation promotes, protects and advances the Python programming language, and supports its international community.'],
  },
}

export type PageSample = { title: string; path: string; description: string; paragraphs: string[] }

/**
 * SAMPLE CONTENT: one page for every path inside the site that the navigation links to and
 * that no app route serves (python.org's own pages live only in its database). Pages named in
 * `WRITTEN` carry real text; the others say plainly what they are.
 */
export function pageSamplesFor(navigation: { title: string; url: string }[]): PageSample[] {
  const pages = new Map<string, PageSample>()
  for (const item of navigation) {
    if (!item.url.startsWith('/') || item.url === '/') continue
    const path = normalisePagePath(item.url.split(/[?#]/)[0]) as string
    if (validatePagePath(path) !== true) continue
    if (APP_ROUTE_PREFIXES.some((prefix) => path.startsWith(prefix)) || APP_ROUTE_PATHS.includes(path) || pages.has(path)) continue
    const written = WRITTEN[path]
    pages.set(path, {
      title: item.title.trim(),
      path,
      description: written?.description ?? `${item.title.trim()} on python.org.`,
      paragraphs: written?.paragraphs ?? [
        `${PLACEHOLDER_MARK} "${item.title.trim()}", written so that every menu link of the development site leads somewhere. In production this page is imported from python.org.`,
      ],
    })
  }
  for (const [path, written] of Object.entries(WRITTEN)) {
    if (!pages.has(path)) pages.set(path, { title: path.split('/').filter(Boolean).pop() ?? path, path, ...written })
  }
  return [...pages.values()]
}
