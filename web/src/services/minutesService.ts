/**
 * PSF Board minutes (python.org's `apps/minutes`): the archive grouped by year, one meeting's
 * page with the same year's other meetings beside it, and the RSS feed's latest 20. Only
 * published minutes exist here: python.org's sidebar also linked draft days, which answered 404.
 */
import type { CmsClient } from '../cms/client';
import type { MinutesDoc } from '../cms/types';
import { formatDay } from './formatting';

export interface MeetingLink {
  /** `YYYY-MM-DD`, the page's address. */
  readonly day: string;
  /** "Nov. 18, 2026", as the site writes dates. */
  readonly date: string;
  readonly path: string;
}

export interface MinutesYear {
  readonly year: string;
  readonly meetings: readonly MeetingLink[];
}

export interface MeetingMinutes extends MeetingLink {
  readonly title: string;
  readonly contentHtml: string;
  /** The other meetings of the same year, newest first (the page's sidebar). */
  readonly sameYear: readonly MeetingLink[];
}

export interface MinutesService {
  /** Every published meeting, by year, newest first. */
  archive(): Promise<readonly MinutesYear[]>;
  /** null when `day` is not a date or no published minutes have that day. */
  meeting(day: string): Promise<MeetingMinutes | null>;
  /** The newest `count` published minutes, with their content, for the feed. */
  latest(count: number): Promise<readonly MeetingMinutes[]>;
}

export const minutesListPath = '/psf/records/board/minutes/';

/** A real calendar day in the `YYYY-MM-DD` form the URLs use. */
export function isMeetingDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function meetingTitle(day: string): string {
  return `PSF Board Meeting Minutes for ${formatDay(`${day}T12:00:00.000Z`)}`;
}

function linkTo(day: string): MeetingLink {
  return { day, date: formatDay(`${day}T12:00:00.000Z`), path: `${minutesListPath}${day}/` };
}

function byYear(docs: readonly MinutesDoc[]): MinutesYear[] {
  const years = new Map<string, MeetingLink[]>();
  for (const doc of docs) {
    const year = doc.day.slice(0, 4);
    const meetings = years.get(year) ?? [];
    meetings.push(linkTo(doc.day));
    years.set(year, meetings);
  }
  return [...years.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([year, meetings]) => ({ year, meetings }));
}

export function createMinutesService(client: CmsClient): MinutesService {
  function shape(doc: MinutesDoc, sameYear: readonly MeetingLink[]): MeetingMinutes {
    // Staff write minutes, as they write pages: the pages' sanitiser applies.
    return { ...linkTo(doc.day), title: meetingTitle(doc.day), contentHtml: doc.contentHtml, sameYear };
  }

  return {
    async archive() {
      return byYear(await client.findPublishedMinutes({ withContent: false }));
    },

    async meeting(day) {
      if (!isMeetingDay(day)) return null;
      const [found, all] = await Promise.all([client.findPublishedMinutes({ day, withContent: true }), client.findPublishedMinutes({ withContent: false })]);
      const doc = found[0];
      if (doc === undefined) return null;
      const sameYear = all.filter((other) => other.day.startsWith(day.slice(0, 4)) && other.day !== day).map((other) => linkTo(other.day));
      return shape(doc, sameYear);
    },

    async latest(count) {
      const docs = await client.findPublishedMinutes({ limit: count, withContent: true });
      return docs.map((doc) => shape(doc, []));
    },
  };
}
