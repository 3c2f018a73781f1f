/**
 * Events, python.org's URLs: /events/, /events/calendars/, a calendar's upcoming (6 per page)
 * and past events, one event, and iCal feeds for a calendar and an event.
 */
import { Router, type Request, type Response } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';
import { HttpError } from '../errors/HttpError';
import { renderICalendar } from '../feeds/icalendar';
import { renderSitePage } from '../rendering/renderSitePage';
import { setSurrogateKeys } from '../rendering/surrogateKeys';
import type { CalendarSummary, EventListing } from '../services/eventService';
import type { Services } from '../services/index';

const eventKeys = ['events', 'calendars', 'event-locations', 'event-categories'];
const perPage = 6;
/** python.org's calendar sidebar shows the first ten categories and the first ten venues. */
const sidebarEntries = 10;

export function createEventsRouter(services: Pick<Services, 'events' | 'site'>, siteUrl: string): Router {
  const router = Router();

  router.get('/events/', async (req, res) => {
    const [now, past, upcoming, calendars] = await Promise.all([
      services.events.listings({ when: 'now' }),
      services.events.listings({ when: 'past' }),
      services.events.listings({ when: 'upcoming' }),
      services.events.calendars(),
    ]);
    await renderSitePage(req, res, services, 'events/index.njk', { now: now.slice(0, 2), justMissed: past.slice(0, 2), upcoming, calendars }, { surrogateKeys: eventKeys });
  });

  router.get('/events/calendars/', async (req, res) => {
    const calendars = await services.events.calendars();
    await renderSitePage(req, res, services, 'events/calendars.njk', { calendars }, { surrogateKeys: ['calendars'] });
  });

  router.get('/events/:calendar/feed.ics', async (req, res) => {
    const feed = await services.events.feedOccurrences(req.params.calendar);
    if (feed === null) throw new HttpError(404, 'There is no calendar at this address.');
    sendICalendar(res, renderICalendar(feed.calendar.name, feed.events, siteUrl), `${feed.calendar.slug}.ics`);
  });

  router.get('/events/:calendar/:id/event.ics', async (req, res) => {
    const detail = await services.events.event(req.params.calendar, parseEventId(req.params.id));
    if (detail === null) throw new HttpError(404, 'There is no event at this address.');
    sendICalendar(res, renderICalendar(detail.calendar.name, [detail], siteUrl), `event-${detail.event.id}.ics`);
  });

  router.get('/events/:calendar/past/', async (req, res) => {
    const calendar = await services.events.calendar(req.params.calendar);
    if (calendar === null) throw new HttpError(404, 'There is no calendar at this address.');
    const events = await services.events.listings({ calendarSlug: calendar.slug, when: 'past' });
    await renderSitePage(
      req,
      res,
      services,
      'events/calendar.njk',
      { calendar, heading: `${calendar.name}: past events`, listPath: `${calendar.path}past/`, events, past: true, pagination: null, categories: [], locations: [] },
      { surrogateKeys: eventKeys },
    );
  });

  router.get('/events/:calendar/categories/', async (req, res) => {
    const [calendar, categories] = await Promise.all([services.events.calendar(req.params.calendar), services.events.categories(req.params.calendar)]);
    if (calendar === null || categories === null) throw new HttpError(404, 'There is no calendar at this address.');
    await renderSitePage(req, res, services, 'events/facets.njk', { calendar, title: 'Categories', facets: categories }, { surrogateKeys: eventKeys });
  });

  router.get('/events/:calendar/categories/:category/', async (req, res) => {
    const [calendar, categories] = await Promise.all([services.events.calendar(req.params.calendar), services.events.categories(req.params.calendar)]);
    const category = categories?.find((candidate) => candidate.slug === req.params.category);
    if (calendar === null || category === undefined) throw new HttpError(404, 'There is no event category at this address.');
    const events = await services.events.listings({ calendarSlug: calendar.slug, when: 'upcoming', filter: { categorySlug: category.slug } });
    await renderListing(req, res, { calendar, heading: `${calendar.name}: ${category.name}`, listPath: category.path, events });
  });

  router.get('/events/:calendar/locations/', async (req, res) => {
    const [calendar, locations] = await Promise.all([services.events.calendar(req.params.calendar), services.events.locations(req.params.calendar)]);
    if (calendar === null || locations === null) throw new HttpError(404, 'There is no calendar at this address.');
    await renderSitePage(req, res, services, 'events/facets.njk', { calendar, title: 'Locations', facets: locations }, { surrogateKeys: eventKeys });
  });

  router.get('/events/:calendar/locations/:location/', async (req, res) => {
    const [calendar, locations] = await Promise.all([services.events.calendar(req.params.calendar), services.events.locations(req.params.calendar)]);
    const location = locations?.find((candidate) => String(candidate.id) === req.params.location);
    if (calendar === null || location === undefined) throw new HttpError(404, 'There is no event location at this address.');
    const events = await services.events.listings({ calendarSlug: calendar.slug, when: 'upcoming', filter: { locationId: location.id } });
    await renderListing(req, res, { calendar, heading: `${calendar.name} at ${location.name}`, listPath: location.path, events });
  });

  router.get('/events/:calendar/date/:year/:month/:day/', async (req, res) => {
    const from = parseDate(req.params.year, req.params.month, req.params.day);
    const calendar = await services.events.calendar(req.params.calendar);
    if (calendar === null) throw new HttpError(404, 'There is no calendar at this address.');
    const events = await services.events.listings({ calendarSlug: calendar.slug, when: 'upcoming', filter: { from } });
    const day = from.toISOString().slice(0, 10);
    await renderListing(req, res, { calendar, heading: `${calendar.name} from ${day}`, listPath: `${calendar.path}date/${day.replaceAll('-', '/')}/`, events });
  });

  router.get('/events/:calendar/:id/', async (req, res) => {
    const detail = await services.events.event(req.params.calendar, parseEventId(req.params.id));
    if (detail === null) throw new HttpError(404, 'There is no event at this address.');
    await renderSitePage(req, res, services, 'events/event.njk', { detail }, { surrogateKeys: eventKeys });
  });

  router.get('/events/:calendar/', async (req, res) => {
    const calendar = await services.events.calendar(req.params.calendar);
    if (calendar === null) throw new HttpError(404, 'There is no calendar at this address.');
    const all = await services.events.listings({ calendarSlug: calendar.slug, when: 'upcoming' });
    // Featured events first, as python.org shows them on top.
    const ordered = [...all.filter((event) => event.featured), ...all.filter((event) => !event.featured)];
    await renderListing(req, res, { calendar, heading: `${calendar.name}: upcoming events`, listPath: calendar.path, events: ordered });
  });

  /** A page of a calendar's upcoming events (6 per page), with its categories and venues beside. */
  async function renderListing(
    req: Request,
    res: Response,
    listing: { calendar: CalendarSummary; heading: string; listPath: string; events: readonly EventListing[] },
  ): Promise<void> {
    const page = parsePage(req);
    const pages = Math.max(1, Math.ceil(listing.events.length / perPage));
    if (page > pages) throw new HttpError(404, `There ${pages === 1 ? 'is 1 page' : `are ${pages} pages`} of these events.`);
    const [categories, locations] = await Promise.all([services.events.categories(listing.calendar.slug), services.events.locations(listing.calendar.slug)]);
    const events = listing.events.slice((page - 1) * perPage, page * perPage);
    const pagination = { page, pages, previous: page > 1 ? page - 1 : null, next: page < pages ? page + 1 : null };
    await renderSitePage(
      req,
      res,
      services,
      'events/calendar.njk',
      {
        calendar: listing.calendar,
        heading: listing.heading,
        listPath: listing.listPath,
        events,
        past: false,
        pagination,
        categories: (categories ?? []).slice(0, sidebarEntries),
        locations: (locations ?? []).slice(0, sidebarEntries),
      },
      { surrogateKeys: eventKeys },
    );
  }

  return router;
}

function sendICalendar(res: import('express').Response, body: string, filename: string): void {
  applyCacheProfile(res, 'public');
  setSurrogateKeys(res, eventKeys);
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.status(200).type('text/calendar; charset=utf-8').send(body);
}

function parseEventId(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new HttpError(404, 'There is no event at this address.');
  return Number(value);
}

/** A calendar date from the URL; anything that is not a real day is a 404, as a missing page. */
function parseDate(year: string, month: string, day: string): Date {
  const notADay = new HttpError(404, 'There is no such date: use /YYYY/MM/DD/.');
  if (!/^\d{4}$/.test(year) || !/^\d{2}$/.test(month) || !/^\d{2}$/.test(day)) throw notADay;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) throw notADay;
  return date;
}

function parsePage(req: Request): number {
  const raw = req.query['page'];
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,4}$/.test(raw)) throw new HttpError(400, 'The "page" parameter must be a page number like 2.');
  return Number(raw);
}
