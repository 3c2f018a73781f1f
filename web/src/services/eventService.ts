/**
 * Events pages and iCal feeds: calendars, upcoming and past events with recurrences
 * expanded, one event's details.
 */
import type { CmsClient } from '../cms/client';
import type { CalendarDoc, EventDoc } from '../cms/types';
import { eventOccurrences, type Occurrence } from './eventOccurrences';

export interface CalendarSummary {
  readonly name: string;
  readonly slug: string;
  readonly description: string | null;
  readonly path: string;
  readonly rss: string | null;
}

export interface EventListing {
  readonly id: number;
  readonly title: string;
  readonly path: string;
  readonly calendarSlug: string;
  readonly start: Date;
  readonly end: Date;
  readonly allDay: boolean;
  readonly featured: boolean;
  readonly venueName: string | null;
  readonly venueId: number | null;
  readonly categorySlugs: readonly string[];
}

/** A category or venue of a calendar, with the address of its events. */
export interface EventFacet {
  readonly name: string;
  readonly path: string;
}

/** What narrows a calendar's events: python.org's category, location and date pages. */
export interface EventFilter {
  readonly categorySlug?: string;
  readonly locationId?: number;
  /** Upcoming events starting on or after this instant instead of now. */
  readonly from?: Date;
}

export interface EventDetail {
  readonly event: EventListing & {
    readonly descriptionHtml: string;
    readonly venue: EventDoc['venue'];
    readonly categories: EventDoc['categories'];
    readonly uid: string;
    readonly updatedAt: Date | null;
  };
  readonly calendar: CalendarSummary;
  readonly upcoming: readonly Occurrence[];
  /** Every occurrence in the feed window, past ones included (for iCal). */
  readonly occurrences: readonly Occurrence[];
  /** The calendar's events just before and after this one, by start. */
  readonly previous: EventListing | null;
  readonly next: EventListing | null;
}

export interface EventService {
  calendars(): Promise<readonly CalendarSummary[]>;
  calendar(slug: string): Promise<CalendarSummary | null>;
  /** Occurrences in `when` (upcoming soonest first, past latest first), optionally of one calendar. */
  listings(options: { calendarSlug?: string; when: 'upcoming' | 'past' | 'now'; filter?: EventFilter }): Promise<readonly EventListing[]>;
  /** A calendar's categories (null when there is no such calendar). */
  categories(calendarSlug: string): Promise<readonly (EventFacet & { readonly slug: string })[] | null>;
  /** A calendar's venues (null when there is no such calendar). */
  locations(calendarSlug: string): Promise<readonly (EventFacet & { readonly id: number })[] | null>;
  /** null when the calendar or the event does not exist, or the event is in another calendar. */
  event(calendarSlug: string, id: number): Promise<EventDetail | null>;
  /** Every occurrence of every event of a calendar in the feed window, for iCal. */
  feedOccurrences(calendarSlug: string): Promise<{ calendar: CalendarSummary; events: readonly EventDetail[] } | null>;
}

const DAY_MS = 86_400_000;
type Window = { readonly from: Date; readonly to: Date };
/** How far recurrences are expanded: python.org's "next 365 days" and a year back. */
const WINDOW_DAYS = 365;

export function createEventService(client: CmsClient, now: () => Date = () => new Date()): EventService {
  async function loadCalendars(): Promise<readonly CalendarDoc[]> {
    return client.findCalendars();
  }

  function window(): Window {
    const time = now().getTime();
    return { from: new Date(time - WINDOW_DAYS * DAY_MS), to: new Date(time + WINDOW_DAYS * DAY_MS) };
  }

  /** Only the part of the window a listing shows is expanded (issue 10: content drives the work). */
  function listingWindow(when: 'upcoming' | 'past' | 'now', filter: EventFilter): Window {
    const full = window();
    const time = now().getTime();
    if (when === 'past') return { from: full.from, to: new Date(time) };
    if (when === 'now') return { from: new Date(time), to: new Date(time) };
    const from = Math.max(full.from.getTime(), Math.min(time, filter.from?.getTime() ?? time));
    return { from: new Date(from), to: full.to };
  }

  function listingsOf(event: EventDoc, calendars: ReadonlyMap<number, CalendarDoc>, shown: Window = window()): EventListing[] {
    const calendar = calendars.get(event.calendarId);
    if (calendar === undefined || event.cancelled) return [];
    return eventOccurrences(event, shown).map((occurrence) => ({
      id: event.id,
      title: event.title,
      path: eventPath(calendar.slug, event.id),
      calendarSlug: calendar.slug,
      start: occurrence.start,
      end: occurrence.end,
      allDay: occurrence.allDay,
      featured: event.featured,
      venueName: event.venue?.name ?? null,
      venueId: event.venue?.id ?? null,
      categorySlugs: slugsOf(event.categories),
    }));
  }

  async function calendarListings(calendar: CalendarDoc): Promise<EventListing[]> {
    const events = await client.findEvents({ calendarId: calendar.id });
    return events.flatMap((event) => listingsOf(event, new Map([[calendar.id, calendar]]))).sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  function detailOf(event: EventDoc, calendar: CalendarDoc, neighbours: readonly EventListing[] = []): EventDetail {
    const occurrences = eventOccurrences(event, window());
    const time = now().getTime();
    const next = occurrences.find((occurrence) => occurrence.end.getTime() >= time) ?? occurrences[occurrences.length - 1];
    const start = next?.start.getTime() ?? 0;
    const others = neighbours.filter((listing) => listing.id !== event.id);
    return {
      previous: others.filter((listing) => listing.start.getTime() < start).at(-1) ?? null,
      next: others.find((listing) => listing.start.getTime() >= start) ?? null,
      event: {
        id: event.id,
        title: event.title,
        path: eventPath(calendar.slug, event.id),
        calendarSlug: calendar.slug,
        start: next?.start ?? new Date(0),
        end: next?.end ?? new Date(0),
        allDay: next?.allDay ?? false,
        featured: event.featured,
        venueName: event.venue?.name ?? null,
        venueId: event.venue?.id ?? null,
        categorySlugs: slugsOf(event.categories),
        descriptionHtml: event.descriptionHtml,
        venue: event.venue,
        categories: event.categories,
        uid: event.uid ?? `event-${event.id}@python.org`,
        updatedAt: event.updatedAt === null ? null : new Date(event.updatedAt),
      },
      calendar: summary(calendar),
      upcoming: occurrences.filter((occurrence) => occurrence.end.getTime() >= time),
      occurrences,
    };
  }

  return {
    async calendars() {
      return (await loadCalendars()).map(summary);
    },

    async calendar(slug) {
      const calendar = (await loadCalendars()).find((candidate) => candidate.slug === slug);
      return calendar === undefined ? null : summary(calendar);
    },

    async listings({ calendarSlug, when, filter = {} }) {
      let calendars: Awaited<ReturnType<typeof loadCalendars>>;
      let events: Awaited<ReturnType<typeof client.findEvents>>;
      if (calendarSlug === undefined) {
        // Every calendar's events (the home page): both reads at once.
        [calendars, events] = await Promise.all([loadCalendars(), client.findEvents({})]);
      } else {
        calendars = await loadCalendars();
        const calendar = calendars.find((candidate) => candidate.slug === calendarSlug);
        if (calendar === undefined) return [];
        events = await client.findEvents({ calendarId: calendar.id });
      }
      const byId = new Map(calendars.map((candidate) => [candidate.id, candidate]));
      const time = now().getTime();
      const shown = listingWindow(when, filter);
      const all = events.flatMap((event) => listingsOf(event, byId, shown)).filter((item) => matches(item, filter));
      if (when === 'now') return all.filter((item) => item.start.getTime() <= time && item.end.getTime() >= time);
      if (when === 'upcoming') {
        // The date pages list from midnight of that day, which may be before now.
        const after = filter.from?.getTime();
        const upcoming = all.filter((item) => (after === undefined ? item.start.getTime() > time : item.start.getTime() >= after));
        return upcoming.sort((a, b) => a.start.getTime() - b.start.getTime());
      }
      return all.filter((item) => item.end.getTime() < time).sort((a, b) => b.start.getTime() - a.start.getTime());
    },

    async categories(calendarSlug) {
      const calendar = (await loadCalendars()).find((candidate) => candidate.slug === calendarSlug);
      if (calendar === undefined) return null;
      const [listed, events] = await Promise.all([client.findEventCategories({ calendarId: calendar.id }), client.findEvents({ calendarId: calendar.id })]);
      // An event may use a category of another calendar; its link must lead somewhere too.
      const categories = uniqueById([...listed, ...events.flatMap((event) => event.categories)]);
      return categories.flatMap((category) =>
        category.slug === null ? [] : [{ name: category.name, slug: category.slug, path: eventCategoryPath(calendar.slug, category.slug) }],
      );
    },

    async locations(calendarSlug) {
      const calendar = (await loadCalendars()).find((candidate) => candidate.slug === calendarSlug);
      if (calendar === undefined) return null;
      const [listed, events] = await Promise.all([client.findEventLocations({ calendarId: calendar.id }), client.findEvents({ calendarId: calendar.id })]);
      const locations = uniqueById([...listed, ...events.flatMap((event) => (event.venue === null ? [] : [event.venue]))]);
      return locations.map((location) => ({ name: location.name, id: location.id, path: eventLocationPath(calendar.slug, location.id) }));
    },

    async event(calendarSlug, id) {
      const calendar = (await loadCalendars()).find((candidate) => candidate.slug === calendarSlug);
      if (calendar === undefined) return null;
      const event = (await client.findEvents({ calendarId: calendar.id })).find((candidate) => candidate.id === id);
      return event === undefined ? null : detailOf(event, calendar, await calendarListings(calendar));
    },

    async feedOccurrences(calendarSlug) {
      const calendar = (await loadCalendars()).find((candidate) => candidate.slug === calendarSlug);
      if (calendar === undefined) return null;
      const events = await client.findEvents({ calendarId: calendar.id });
      return { calendar: summary(calendar), events: events.filter((event) => !event.cancelled).map((event) => detailOf(event, calendar)) };
    },
  };
}

export function eventPath(calendarSlug: string, id: number): string {
  return `/events/${encodeURIComponent(calendarSlug)}/${id}/`;
}

export function eventCategoryPath(calendarSlug: string, categorySlug: string): string {
  return `/events/${encodeURIComponent(calendarSlug)}/categories/${encodeURIComponent(categorySlug)}/`;
}

export function eventLocationPath(calendarSlug: string, locationId: number): string {
  return `/events/${encodeURIComponent(calendarSlug)}/locations/${locationId}/`;
}

function slugsOf(categories: EventDoc['categories']): string[] {
  return categories.flatMap((category) => (category.slug === null ? [] : [category.slug]));
}

/** The first of each id, sorted by name. */
function uniqueById<T extends { readonly id: number; readonly name: string }>(items: readonly T[]): T[] {
  const byId = new Map<number, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function matches(listing: EventListing, filter: EventFilter): boolean {
  if (filter.categorySlug !== undefined && !listing.categorySlugs.includes(filter.categorySlug)) return false;
  if (filter.locationId !== undefined && listing.venueId !== filter.locationId) return false;
  return true;
}

function summary(calendar: CalendarDoc): CalendarSummary {
  return {
    name: calendar.name,
    slug: calendar.slug,
    description: calendar.description,
    path: `/events/${encodeURIComponent(calendar.slug)}/`,
    rss: calendar.rss,
  };
}
