/**
 * Events pages and iCal feeds: calendars, upcoming and past events with recurrences
 * expanded, one event's details.
 */
import type { CmsClient } from '../cms/client';
import type { CalendarDoc, EventDoc } from '../cms/types';
import { richTextToHtml } from '../rendering/richTextToHtml';
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
}

export interface EventService {
  calendars(): Promise<readonly CalendarSummary[]>;
  calendar(slug: string): Promise<CalendarSummary | null>;
  /** Occurrences in `when` (upcoming soonest first, past latest first), optionally of one calendar. */
  listings(options: { calendarSlug?: string; when: 'upcoming' | 'past' | 'now' }): Promise<readonly EventListing[]>;
  /** null when the calendar or the event does not exist, or the event is in another calendar. */
  event(calendarSlug: string, id: number): Promise<EventDetail | null>;
  /** Every occurrence of every event of a calendar in the feed window, for iCal. */
  feedOccurrences(calendarSlug: string): Promise<{ calendar: CalendarSummary; events: readonly EventDetail[] } | null>;
}

const DAY_MS = 86_400_000;
/** How far recurrences are expanded: python.org's "next 365 days" and a year back. */
const WINDOW_DAYS = 365;

export function createEventService(client: CmsClient, now: () => Date = () => new Date()): EventService {
  async function loadCalendars(): Promise<readonly CalendarDoc[]> {
    return client.findCalendars();
  }

  function window(): { from: Date; to: Date } {
    const time = now().getTime();
    return { from: new Date(time - WINDOW_DAYS * DAY_MS), to: new Date(time + WINDOW_DAYS * DAY_MS) };
  }

  function listingsOf(event: EventDoc, calendars: ReadonlyMap<number, CalendarDoc>): EventListing[] {
    const calendar = calendars.get(event.calendarId);
    if (calendar === undefined || event.cancelled) return [];
    return eventOccurrences(event, window()).map((occurrence) => ({
      id: event.id,
      title: event.title,
      path: eventPath(calendar.slug, event.id),
      calendarSlug: calendar.slug,
      start: occurrence.start,
      end: occurrence.end,
      allDay: occurrence.allDay,
      featured: event.featured,
      venueName: event.venue?.name ?? null,
    }));
  }

  function detailOf(event: EventDoc, calendar: CalendarDoc): EventDetail {
    const occurrences = eventOccurrences(event, window());
    const time = now().getTime();
    const next = occurrences.find((occurrence) => occurrence.end.getTime() >= time) ?? occurrences[occurrences.length - 1];
    return {
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
        descriptionHtml: richTextToHtml(event.description, { trusted: false }),
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

    async listings({ calendarSlug, when }) {
      const calendars = await loadCalendars();
      const calendar = calendarSlug === undefined ? undefined : calendars.find((candidate) => candidate.slug === calendarSlug);
      if (calendarSlug !== undefined && calendar === undefined) return [];
      const events = await client.findEvents({ calendarId: calendar?.id });
      const byId = new Map(calendars.map((candidate) => [candidate.id, candidate]));
      const time = now().getTime();
      const all = events.flatMap((event) => listingsOf(event, byId));
      if (when === 'now') return all.filter((item) => item.start.getTime() <= time && item.end.getTime() >= time);
      if (when === 'upcoming') {
        return all.filter((item) => item.start.getTime() > time).sort((a, b) => a.start.getTime() - b.start.getTime());
      }
      return all.filter((item) => item.end.getTime() < time).sort((a, b) => b.start.getTime() - a.start.getTime());
    },

    async event(calendarSlug, id) {
      const calendar = (await loadCalendars()).find((candidate) => candidate.slug === calendarSlug);
      if (calendar === undefined) return null;
      const event = (await client.findEvents({ calendarId: calendar.id })).find((candidate) => candidate.id === id);
      return event === undefined ? null : detailOf(event, calendar);
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

function summary(calendar: CalendarDoc): CalendarSummary {
  return {
    name: calendar.name,
    slug: calendar.slug,
    description: calendar.description,
    path: `/events/${encodeURIComponent(calendar.slug)}/`,
    rss: calendar.rss,
  };
}
