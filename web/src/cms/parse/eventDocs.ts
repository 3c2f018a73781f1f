/** Parsers for calendars and events (events are read at depth 1: venue and categories inline). */
import { z } from 'zod';

import type { Calendar, Event, EventCategory, EventLocation } from '../../../../collections/generated/payload-types';
import type { CalendarDoc, EventCategoryDoc, EventDoc, EventLocationDoc } from '../types';
import { docParser } from './docParser';
import { fieldsOf, finiteNumber, numberOr, optionalBoolean, optionalString, requiredRelationId, requiredString, stringOr } from './schemaFields';

export const parseCalendarDoc = docParser(
  fieldsOf<Calendar>()({
    id: finiteNumber,
    name: requiredString,
    slug: requiredString,
    description: optionalString,
    url: optionalString,
    rss: optionalString,
  }) satisfies z.ZodType<CalendarDoc>,
);

const eventLocationDocSchema = fieldsOf<EventLocation>()({
  id: finiteNumber,
  name: requiredString,
  address: optionalString,
  url: optionalString,
}) satisfies z.ZodType<EventLocationDoc>;

export const parseEventLocationDoc = docParser(eventLocationDocSchema);

const eventCategoryDocSchema = fieldsOf<EventCategory>()({
  id: finiteNumber,
  name: requiredString,
  slug: optionalString,
}) satisfies z.ZodType<EventCategoryDoc>;

export const parseEventCategoryDoc = docParser(eventCategoryDocSchema);

// At depth 1 a relation is the document; an id alone means it could not be populated
// (e.g. not readable), which is shown as "no venue" (or no such category) rather than failing the page.
const venue = z.preprocess(
  (value) => (typeof value === 'number' ? null : value),
  eventLocationDocSchema.nullish().transform((location) => location ?? null),
);

const categories = z.preprocess(
  (value) => (Array.isArray(value) ? value.filter((item: unknown) => typeof item === 'object' && item !== null) : value),
  z
    .array(eventCategoryDocSchema, { error: 'is not an array' })
    .nullish()
    .transform((list) => list ?? []),
);

const occurrences = z
  .array(
    fieldsOf<NonNullable<Event['occurrences']>[number]>()({
      start: requiredString,
      end: requiredString,
      allDay: optionalBoolean,
    }),
    { error: 'is not an array' },
  )
  .nullish()
  .transform((list) => list ?? []);

// A recurrence without a rule or a start is no recurrence.
const recurrence = fieldsOf<NonNullable<Event['recurrence']>>()({
  rrule: optionalString,
  start: optionalString,
  durationMinutes: numberOr(0),
  exdates: optionalString,
  allDay: optionalBoolean,
})
  .nullish()
  .transform((value) => {
    if (value === undefined || value === null || value.rrule === null || value.start === null) return null;
    return { ...value, rrule: value.rrule, start: value.start };
  });

export const parseEventDoc = docParser(
  fieldsOf<Event>()({
    id: finiteNumber,
    title: requiredString,
    calendar: requiredRelationId,
    descriptionHtml: stringOr(''),
    venue,
    categories,
    featured: optionalBoolean,
    occurrences,
    recurrence,
    // Events stored before the field existed, or whatever the CMS sends, read as UTC (eventOccurrences checks the zone).
    timezone: stringOr('UTC'),
    cancelled: optionalBoolean,
    uid: optionalString,
    updatedAt: optionalString,
  }).transform(({ calendar, ...doc }) => ({ ...doc, calendarId: calendar })) satisfies z.ZodType<EventDoc>,
);
