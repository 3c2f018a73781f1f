import type { BoardMinutes, Calendar, Event, EventLocation, Job, Page, Release, SuccessStory } from '../../collections/generated/payload-types'
import { withoutHighlightMarkers } from './highlightMarkup'
import { collapseWhitespace, richTextToPlainText } from './plainText'
import type { SearchDocument, SearchType } from './searchDocument'

/**
 * The search document of a CMS document as the public sees it, or null when the public does not
 * see it: a draft or unpublished page, release or story, a cancelled event, or one without the
 * slug its URL is built from. URLs are the site's (web/src/routes/).
 */
export function pageSearchDocument(page: Page): SearchDocument | null {
  if (page._status !== 'published') return null
  return searchDocument('pages', page.id, {
    title: page.title,
    summary: [page.description, page.keywords].filter(Boolean).join('. '),
    body: richTextToPlainText(page.content),
    url: page.path,
    date: page.updatedAt,
  })
}

export function releaseSearchDocument(release: Release): SearchDocument | null {
  if (release.isPublished !== true || !release.slug) return null
  // python.org titles these pages "Python Release Python 3.14.7": "release" belongs to the summary.
  const kind = release.preRelease === true ? 'Pre-release' : 'Release'
  return searchDocument('releases', release.id, {
    title: release.name,
    summary: `${kind} of ${release.name}, released on ${release.releaseDate.slice(0, 10)}.`,
    body: richTextToPlainText(release.content),
    url: `/downloads/release/${encodeURIComponent(release.slug)}/`,
    date: release.releaseDate,
  })
}

/** An event read at depth 1: its calendar (and venue) populated. */
export function eventSearchDocument(event: Event): SearchDocument | null {
  const calendar = populated<Calendar>(event.calendar)
  if (event.cancelled === true || !calendar?.slug) return null
  const venue = populated<EventLocation>(event.venue)
  const start = event.occurrences?.[0]?.start ?? event.recurrence?.start ?? null
  return searchDocument('events', event.id, {
    title: event.title,
    summary: [`${calendar.name} calendar`, venue?.name, start?.slice(0, 10)].filter(Boolean).join(', '),
    body: richTextToPlainText(event.description),
    url: `/events/${encodeURIComponent(calendar.slug)}/${event.id}/`,
    date: start,
  })
}

export function storySearchDocument(story: SuccessStory): SearchDocument | null {
  if (story._status !== 'published' || !story.slug) return null
  return searchDocument('success-stories', story.id, {
    title: story.name,
    summary: `${story.companyName}. ${story.pullQuote} (${story.author})`,
    body: richTextToPlainText(story.content),
    url: `/success-stories/${encodeURIComponent(story.slug)}/`,
    date: story.createdAt,
  })
}

/** python.org's title for a meeting's minutes: "PSF Meeting Minutes for <date>". */
export function minutesSearchDocument(minutes: BoardMinutes): SearchDocument | null {
  if (minutes._status !== 'published' || !minutes.meetingDate) return null
  const day = minutes.meetingDate.slice(0, 10)
  return searchDocument('minutes', minutes.id, {
    title: `PSF Board Meeting Minutes for ${day}`,
    summary: `Minutes of the PSF Board meeting of ${day}.`,
    body: richTextToPlainText(minutes.content),
    url: `/psf/records/board/minutes/${day}/`,
    date: minutes.meetingDate,
  })
}

/** An approved job while its listing lasts (python.org's search indexed the visible jobs). */
export function jobSearchDocument(job: Job, now: Date = new Date()): SearchDocument | null {
  if (job.status !== 'approved' || !job.expires || new Date(job.expires).getTime() <= now.getTime()) return null
  const place = [job.city, job.region, job.country].filter(Boolean).join(', ')
  return searchDocument('jobs', job.id, {
    title: `${job.title}, ${job.companyName}`,
    summary: `${job.companyName}, ${place}${job.remote ? ' (remote allowed)' : ''}.`,
    body: [job.description, job.requirements, job.companyDescription].filter(Boolean).join('\n\n'),
    url: `/jobs/${job.id}/`,
    date: job.approvedAt ?? job.createdAt,
  })
}

function searchDocument(type: SearchType, id: number, fields: Omit<SearchDocument, 'type' | 'id'>): SearchDocument {
  return {
    type,
    id,
    title: withoutHighlightMarkers(collapseWhitespace(fields.title)),
    summary: withoutHighlightMarkers(collapseWhitespace(fields.summary)),
    body: withoutHighlightMarkers(fields.body),
    url: fields.url,
    date: fields.date,
  }
}

function populated<T extends object>(value: number | T | null | undefined): T | null {
  return typeof value === 'object' && value !== null ? value : null
}
