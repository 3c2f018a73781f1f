/** Parsers for calendars and events (events are read at depth 1: venue and categories inline). */
import type { CalendarDoc, EventCategoryDoc, EventDoc, EventLocationDoc, EventOccurrenceDoc, EventRecurrenceDoc } from '../types';
import {
  asObject,
  optionalBoolean,
  optionalNumber,
  optionalRelationId,
  optionalRichText,
  optionalString,
  requireNumber,
  requireString,
  type Fields,
} from './fieldReaders';

export function parseCalendarDoc(value: unknown, where: string): CalendarDoc {
  const fields = asObject(value, where);
  return {
    id: requireNumber(fields, 'id', where),
    name: requireString(fields, 'name', where),
    slug: requireString(fields, 'slug', where),
    description: optionalString(fields, 'description', where),
    url: optionalString(fields, 'url', where),
    rss: optionalString(fields, 'rss', where),
  };
}

export function parseEventDoc(value: unknown, where: string): EventDoc {
  const fields = asObject(value, where);
  const calendarId = optionalRelationId(fields, 'calendar', where);
  if (calendarId === null) throw new TypeError(`${where}: "calendar" is required`);
  return {
    id: requireNumber(fields, 'id', where),
    title: requireString(fields, 'title', where),
    calendarId,
    description: optionalRichText(fields, 'description', where),
    descriptionHtml: optionalString(fields, 'descriptionHtml', where) ?? '',
    venue: parseVenue(fields['venue'], `${where}.venue`),
    categories: parseCategories(fields['categories'], `${where}.categories`),
    featured: optionalBoolean(fields, 'featured', where),
    occurrences: parseOccurrences(fields['occurrences'], `${where}.occurrences`),
    recurrence: parseRecurrence(fields['recurrence'], `${where}.recurrence`),
    // Events stored before the field existed, or whatever the CMS sends, read as UTC (eventOccurrences checks the zone).
    timezone: optionalString(fields, 'timezone', where) ?? 'UTC',
    cancelled: optionalBoolean(fields, 'cancelled', where),
    uid: optionalString(fields, 'uid', where),
    updatedAt: optionalString(fields, 'updatedAt', where),
  };
}

// At depth 1 a relation is the document; an id alone means it could not be populated
// (e.g. not readable), which is shown as "no venue" rather than failing the page.
function parseVenue(value: unknown, where: string): EventDoc['venue'] {
  if (value === undefined || value === null || typeof value === 'number') return null;
  return parseEventLocationDoc(value, where);
}

function parseCategories(value: unknown, where: string): EventDoc['categories'] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new TypeError(`${where}: expected an array`);
  return value
    .filter((item): item is Fields => typeof item === 'object' && item !== null)
    .map((item, index) => parseEventCategoryDoc(item, `${where}[${index}]`));
}

export function parseEventLocationDoc(value: unknown, where: string): EventLocationDoc {
  const fields = asObject(value, where);
  return {
    id: requireNumber(fields, 'id', where),
    name: requireString(fields, 'name', where),
    address: optionalString(fields, 'address', where),
    url: optionalString(fields, 'url', where),
  };
}

export function parseEventCategoryDoc(value: unknown, where: string): EventCategoryDoc {
  const fields = asObject(value, where);
  return {
    id: requireNumber(fields, 'id', where),
    name: requireString(fields, 'name', where),
    slug: optionalString(fields, 'slug', where),
  };
}

function parseOccurrences(value: unknown, where: string): EventOccurrenceDoc[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new TypeError(`${where}: expected an array`);
  return value.map((item: unknown, index) => {
    const fields = asObject(item, `${where}[${index}]`);
    return {
      start: requireString(fields, 'start', `${where}[${index}]`),
      end: requireString(fields, 'end', `${where}[${index}]`),
      allDay: optionalBoolean(fields, 'allDay', `${where}[${index}]`),
    };
  });
}

function parseRecurrence(value: unknown, where: string): EventRecurrenceDoc | null {
  if (value === undefined || value === null) return null;
  const fields = asObject(value, where);
  const rrule = optionalString(fields, 'rrule', where);
  const start = optionalString(fields, 'start', where);
  if (rrule === null || start === null) return null;
  return {
    rrule,
    start,
    durationMinutes: optionalNumber(fields, 'durationMinutes', where) ?? 0,
    exdates: optionalString(fields, 'exdates', where),
    allDay: optionalBoolean(fields, 'allDay', where),
  };
}
