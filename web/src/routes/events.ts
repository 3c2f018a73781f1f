/**
 * Events, python.org's URLs: /events/, /events/calendars/, a calendar's upcoming (6 per page)
 * and past events, one event, and iCal feeds for a calendar and an event.
 */
import { Router, type Request } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';
import { HttpError } from '../errors/HttpError';
import { renderICalendar } from '../feeds/icalendar';
import { renderSitePage } from '../rendering/renderSitePage';
import { setSurrogateKeys } from '../rendering/surrogateKeys';
import type { Services } from '../services/index';

const eventKeys = ['events', 'calendars', 'event-locations', 'event-categories'];
const perPage = 6;

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
    await renderSitePage(req, res, services, 'events/calendar.njk', { calendar, events, past: true, pagination: null }, { surrogateKeys: eventKeys });
  });

  router.get('/events/:calendar/:id/', async (req, res) => {
    const detail = await services.events.event(req.params.calendar, parseEventId(req.params.id));
    if (detail === null) throw new HttpError(404, 'There is no event at this address.');
    await renderSitePage(req, res, services, 'events/event.njk', { detail }, { surrogateKeys: eventKeys });
  });

  router.get('/events/:calendar/', async (req, res) => {
    const calendar = await services.events.calendar(req.params.calendar);
    if (calendar === null) throw new HttpError(404, 'There is no calendar at this address.');
    const page = parsePage(req);
    const all = await services.events.listings({ calendarSlug: calendar.slug, when: 'upcoming' });
    const pages = Math.max(1, Math.ceil(all.length / perPage));
    if (page > pages) throw new HttpError(404, `This calendar has ${pages} page${pages === 1 ? '' : 's'} of upcoming events.`);
    // Featured events first, as python.org shows them on top.
    const ordered = [...all.filter((event) => event.featured), ...all.filter((event) => !event.featured)];
    const events = ordered.slice((page - 1) * perPage, page * perPage);
    const pagination = { page, pages, previous: page > 1 ? page - 1 : null, next: page < pages ? page + 1 : null };
    await renderSitePage(req, res, services, 'events/calendar.njk', { calendar, events, past: false, pagination }, { surrogateKeys: eventKeys });
  });

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

function parsePage(req: Request): number {
  const raw = req.query['page'];
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,4}$/.test(raw)) throw new HttpError(400, 'The "page" parameter must be a page number like 2.');
  return Number(raw);
}
