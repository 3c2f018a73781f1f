/**
 * Every public route on createApp with fake services: exact status, content type,
 * Cache-Control and Surrogate-Key, including 404s, redirects, bad input and CMS outages.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CmsUnavailableError } from '../../../web/src/cms/errors';
import type { Services } from '../../../web/src/services/index';
import { expectSecurityHeaders } from '../support/expectSecurityHeaders';
import { createFakeServices } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';
import { openPreview } from '../../support/openPreview';

const html = 'text/html; charset=utf-8';
const publicCache = 'public, max-age=300';
const noCache = 'no-cache, no-store, must-revalidate';
const chromeKeys = 'navigation-items banners boxes';

const calendar = { name: 'Python Events', slug: 'python-events', description: null, path: '/events/python-events/', rss: null };
const start = new Date('2030-01-10T18:00:00Z');
const listing = { id: 7, title: 'PyCon Test', path: '/events/python-events/7/', calendarSlug: 'python-events', start, end: new Date('2030-01-10T20:00:00Z'), allDay: false, featured: false, venueName: 'Hall B', venueId: 3, categorySlugs: ['conference'] };
const detail = {
  event: { ...listing, descriptionHtml: '<p>Talks</p>', venue: null, categories: [], uid: 'pycon-test@example.org', updatedAt: null },
  calendar,
  upcoming: [{ start, end: listing.end, allDay: false }],
  occurrences: [{ start, end: listing.end, allDay: false }],
  previous: null,
  next: { ...listing, id: 8, title: 'Sprint Day', path: '/events/python-events/8/' },
};
const story = {
  name: 'Python at Example',
  path: '/success-stories/python-at-example/',
  companyName: 'Example',
  author: 'Ada',
  pullQuote: 'It works.',
  categoryName: 'Arts',
  companyUrl: 'https://example.org/',
  contentHtml: '<p>Story</p>',
  category: { name: 'Arts', slug: 'arts', path: '/success-stories/category/arts/' },
  image: null,
  date: '',
  isDraft: false,
};
const page = { title: 'About', path: '/about/', description: 'About Python', keywords: null, contentHtml: '<p>About us</p>', isDraft: false };

const base = createFakeServices();
const services: Services = {
  ...base,
  events: {
    calendars: async () => [calendar],
    calendar: async (slug) => (slug === 'python-events' ? calendar : null),
    listings: async ({ filter }) => (filter?.categorySlug === 'nope' || filter?.locationId === 99 ? [] : [listing]),
    categories: async (slug) => (slug === 'python-events' ? [{ name: 'Conference', slug: 'conference', path: '/events/python-events/categories/conference/' }] : null),
    locations: async (slug) => (slug === 'python-events' ? [{ name: 'Hall B', id: 3, path: '/events/python-events/locations/3/' }] : null),
    event: async (slug, id) => (slug === 'python-events' && id === 7 ? detail : null),
    feedOccurrences: async (slug) => (slug === 'python-events' ? { calendar, events: [detail] } : null),
  },
  stories: {
    ...base.stories,
    landing: async () => ({ latest: [story], categories: [] }),
    category: async (slug) => (slug === 'arts' ? { category: story.category, stories: [story] } : null),
    story: async (slug) => (slug === 'python-at-example' ? story : null),
  },
  pages: {
    ...base.pages,
    resolve: async (path) => {
      if (path === '/about/') return { kind: 'page', page };
      if (path === '/about') return { kind: 'redirect', location: '/about/', status: 301 };
      if (path === '/old/') return { kind: 'redirect', location: 'https://example.org/new/', status: 302 };
      return { kind: 'none' };
    },
    publishedPaths: async () => [{ path: '/about/', updatedAt: null }],
  },
  site: {
    ...base.site,
    boxes: async (labels) => Object.fromEntries(labels.filter((label) => label === 'widget-sidebar').map((label) => [label, '<p>Box</p>'])),
  },
};

describe('site routes', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestApp(services);
  });
  afterAll(async () => {
    await server.close();
  });

  const get = (path: string, init?: RequestInit) => fetch(`${server.baseUrl}${path}`, { redirect: 'manual', ...init });

  it.each([
    ['/', html, 'releases release-files boxes code-samples events calendars success-stories story-categories news', 'Download Python 3.14.7'],
    ['/downloads/', html, 'releases release-files operating-systems release-cycles boxes sponsors sponsorships sponsorship-packages media', 'Download for Windows'],
    ['/downloads/windows/', html, 'releases release-files operating-systems release-cycles', 'Python Releases for Windows'],
    ['/downloads/windows/', html, 'releases release-files operating-systems release-cycles', 'cannot be used on Windows 7 or earlier'],
    ['/downloads/windows/', html, 'releases release-files operating-systems release-cycles', 'href="https://www.python.org/ftp/python/pymanager/python-manager-25.0.msix">Download it'],
    ['/downloads/', html, 'releases release-files operating-systems release-cycles boxes sponsors sponsorships sponsorship-packages media', '<a class="button button--large" href="https://www.python.org/ftp/python/pymanager/python-manager-25.0.msix">Download Python install manager</a>'],
    ['/downloads/release/python-3147/', html, 'releases release-files operating-systems release-cycles', '>Download Python install manager</a>'],
    ['/downloads/operating-systems/', html, 'operating-systems', 'href="/downloads/windows/"'],
    ['/downloads/release/python-3147/', html, 'releases release-files operating-systems release-cycles', 'python-3.14.7-amd64.exe.sigstore'],
    ['/doc/versions/', html, 'releases', 'https://docs.python.org/release/3.14.7/'],
    ['/events/', html, 'events calendars event-locations event-categories', 'PyCon Test'],
    ['/events/calendars/', html, 'calendars', 'href="/events/python-events/"'],
    ['/events/python-events/', html, 'events calendars event-locations event-categories', 'PyCon Test'],
    ['/events/python-events/past/', html, 'events calendars event-locations event-categories', 'past events'],
    ['/events/python-events/7/', html, 'events calendars event-locations event-categories', 'Talks'],
    ['/events/python-events/7/', html, 'events calendars event-locations event-categories', 'href="/events/python-events/8/" rel="next">Sprint Day'],
    ['/events/python-events/', html, 'events calendars event-locations event-categories', 'href="/events/python-events/categories/conference/">Conference'],
    ['/events/python-events/', html, 'events calendars event-locations event-categories', 'href="/events/python-events/locations/3/">Hall B'],
    ['/events/python-events/categories/', html, 'events calendars event-locations event-categories', 'href="/events/python-events/categories/conference/"'],
    ['/events/python-events/categories/conference/', html, 'events calendars event-locations event-categories', 'Python Events: Conference'],
    ['/events/python-events/locations/', html, 'events calendars event-locations event-categories', 'href="/events/python-events/locations/3/"'],
    ['/events/python-events/locations/3/', html, 'events calendars event-locations event-categories', 'Python Events at Hall B'],
    ['/events/python-events/date/2030/01/10/', html, 'events calendars event-locations event-categories', 'Python Events from 2030-01-10'],
    ['/success-stories/', html, 'success-stories story-categories media', 'It works.'],
    ['/success-stories/category/arts/', html, 'success-stories story-categories media', 'Python at Example'],
    ['/success-stories/python-at-example/', html, 'success-stories story-categories media', '<p>Story</p>'],
    ['/about/', html, 'pages redirects', 'About us'],
    ['/blogs/', html, 'news', 'blog.python.org'],
  ])('GET %s renders a public page', async (path, type, keys, text) => {
    const response = await get(path);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe(publicCache);
    expect(response.headers.get('surrogate-key')).toBe([...new Set(`${keys} ${chromeKeys}`.trim().split(' '))].join(' '));
    expectSecurityHeaders(response);
    expect(body).toContain(text);
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(body).not.toMatch(/\sstyle="/i);
  });

  it.each([
    ['/downloads/feed.rss', 'application/rss+xml; charset=utf-8', 'releases', '<title>Python 3.14.7</title>'],
    ['/events/python-events/feed.ics', 'text/calendar; charset=utf-8', 'events calendars event-locations event-categories', 'SUMMARY:PyCon Test'],
    ['/events/python-events/7/event.ics', 'text/calendar; charset=utf-8', 'events calendars event-locations event-categories', 'DTSTART:20300110T180000Z'],
    ['/sitemap.xml', 'application/xml; charset=utf-8', 'pages releases operating-systems calendars story-categories', '/about/</loc>'],
    ['/box/widget-sidebar/', html, 'boxes', '<p>Box</p>'],
  ])('GET %s answers a public, purgeable document', async (path, type, keys, text) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe(publicCache);
    expect(response.headers.get('surrogate-key')).toBe(keys);
    expect(await response.text()).toContain(text);
  });

  it('GET /robots.txt points to the sitemap', async () => {
    const response = await get('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(publicCache);
    expect(await response.text()).toContain('Sitemap: http://localhost:8080/sitemap.xml');
  });

  it.each([
    ['/downloads/latest/python3/', 302, '/downloads/release/python-3147/'],
    ['/downloads/latest/prerelease/', 302, '/downloads/'],
    ['/downloads/latest/python2/', 302, '/downloads/'],
    ['/downloads/latest/', 302, '/downloads/latest/python3/'],
    ['/about', 301, '/about/'],
    ['/old/', 302, 'https://example.org/new/'],
  ])('GET %s redirects with %i to %s', async (path, status, location) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('location')).toBe(location);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(publicCache);
  });

  it.each([
    '/no/such/page/',
    '/downloads/release/python-9999/',
    '/downloads/plan9/',
    '/downloads/latest/python4/',
    '/events/nope/',
    '/events/python-events/8/',
    '/events/python-events/abc/',
    '/events/nope/feed.ics',
    '/events/nope/categories/',
    '/events/python-events/categories/nope/',
    '/events/python-events/locations/99/',
    '/events/python-events/locations/abc/',
    '/events/python-events/date/2030/02/30/',
    '/events/python-events/date/2030/1/10/',
    '/events/nope/date/2030/01/10/',
    '/success-stories/nope/',
    '/success-stories/category/nope/',
    '/box/nope/',
    '/preview/users/1/',
    '/static/css/nope.css',
  ])('GET %s is a 404 page, never cached', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(response.headers.get('surrogate-key')).toBeNull();
    expect(await response.text()).toContain('<h1>Page not found</h1>');
  });

  it('answers a bad page number with a clear 400', async () => {
    const response = await get('/events/python-events/?page=zero');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(await response.text()).toContain('The &quot;page&quot; parameter must be a page number');
  });

  it('answers a preview without a preview link with a 401, uncached and without a referrer', async () => {
    const response = await get('/preview/pages/1/');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('previews', () => {
  it('confirms a preview link, then renders the draft, never cached, not indexed, without a referrer', async () => {
    const asked: string[] = [];
    const server = await startTestApp({
      ...services,
      preview: {
        preview: async (collection, id, token) => {
          asked.push(`${collection} ${id} ${token}`);
          return { collection: 'pages', page: { ...page, title: 'Draft title', isDraft: true } };
        },
      },
    });
    try {
      const response = await openPreview(server.baseUrl, '/preview/pages/12/', 'preview.link.token');
      const body = await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(html);
      expect(response.headers.get('cache-control')).toBe(noCache);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expect(body).toContain('Draft title');
      expect(body).toContain('Preview of a draft');
      expect(asked).toEqual(['pages 12 preview.link.token']);
    } finally {
      await server.close();
    }
  });
});

describe('when the CMS is down', () => {
  it.each(['/downloads/', '/events/', '/about/', '/downloads/feed.rss'])('GET %s answers 503, uncached', async (path) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const down = async (): Promise<never> => {
      throw new CmsUnavailableError('GET /api/x failed: ECONNREFUSED', '/api/x');
    };
    const server = await startTestApp({
      ...services,
      downloads: { ...services.downloads, downloadsHome: down, newestReleases: down },
      events: { ...services.events, listings: down },
      pages: { ...services.pages, resolve: down },
    });
    try {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toBe(html);
      expect(response.headers.get('cache-control')).toBe(noCache);
      expect(response.headers.get('retry-after')).toBe('30');
    } finally {
      await server.close();
      vi.restoreAllMocks();
    }
  });
});
