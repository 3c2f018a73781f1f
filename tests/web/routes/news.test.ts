/**
 * News on the site with fake services: the home page's "Latest News" block (only when there is
 * news) and /blogs/ (the newest post large, the next ones listed), with their cache headers and
 * the `news` surrogate key an import purges.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CmsUnavailableError } from '../../../web/src/cms/errors';
import type { Services } from '../../../web/src/services/index';
import type { NewsItem } from '../../../web/src/services/newsService';
import { expectSecurityHeaders } from '../support/expectSecurityHeaders';
import { createFakeServices } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';

const html = 'text/html; charset=utf-8';

const news: NewsItem[] = [
  { title: 'Python 3.15.0 beta 1 is now available', url: 'https://blog.python.org/2026/11/python-3150-beta-1.html', summary: 'The first beta of Python 3.15 is here.', author: 'Hugo van Kemenade', date: 'November 4, 2026', isoDate: '2026-11-04' },
  { title: 'Python 3.14.7 and 3.13.15 are now available', url: 'https://blog.python.org/2026/10/python-3147.html', summary: 'Two bugfix releases.', author: 'Łukasz Langa', date: 'October 13, 2026', isoDate: '2026-10-13' },
  { title: 'The 2026 Python Language Summit', url: 'https://blog.python.org/2026/09/summit.html', summary: null, author: null, date: 'September 7, 2026', isoDate: '2026-09-07' },
];

function withNews(items: readonly NewsItem[]): Services {
  return createFakeServices({
    news: { latest: async () => items, blogsPage: async () => ({ latest: items[0] ?? null, recent: items.slice(1) }) },
  });
}

describe('news on the site', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
    vi.restoreAllMocks();
  });

  async function get(services: Services, path: string): Promise<{ response: Response; body: string }> {
    server = await startTestApp(services);
    const response = await fetch(`${server.baseUrl}${path}`);
    return { response, body: await response.text() };
  }

  it('lists the latest news on the home page, newest first, linking to the blog', async () => {
    const { response, body } = await get(withNews(news), '/');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('surrogate-key')).toBe('releases release-files boxes code-samples events calendars success-stories story-categories news navigation-items banners');
    expectSecurityHeaders(response);
    expect(body).toContain('<h2>Latest News <a class="more" href="/blogs/">More</a></h2>');
    const items = [...body.matchAll(/<li><time datetime="([^"]+)">[^<]+<\/time> <a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((match) => [match[1], match[2], match[3]]);
    expect(items).toEqual([
      ['2026-11-04', 'https://blog.python.org/2026/11/python-3150-beta-1.html', 'Python 3.15.0 beta 1 is now available'],
      ['2026-10-13', 'https://blog.python.org/2026/10/python-3147.html', 'Python 3.14.7 and 3.13.15 are now available'],
      ['2026-09-07', 'https://blog.python.org/2026/09/summit.html', 'The 2026 Python Language Summit'],
    ]);
  });

  it('hides the block on a site with no news yet', async () => {
    const { response, body } = await get(createFakeServices(), '/');

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(body).not.toContain('Latest News');
    expect(body).toContain('Upcoming Events');
  });

  it('escapes news text from the CMS', async () => {
    const { body } = await get(withNews([{ ...news[0], title: 'Beta <script>alert(1)</script>' }]), '/');

    expect(body).toContain('Beta &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).not.toContain('<script>alert(1)</script>');
  });

  it('shows /blogs/ with the newest post large and the next ones listed', async () => {
    const { response, body } = await get(withNews(news), '/blogs/');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('surrogate-key')).toBe('news navigation-items banners boxes');
    expectSecurityHeaders(response);
    expect(body).toContain('<h2><a href="https://blog.python.org/2026/11/python-3150-beta-1.html">Python 3.15.0 beta 1 is now available</a></h2>');
    expect(body).toContain('<p class="news-meta"><time datetime="2026-11-04">November 4, 2026</time> by Hugo van Kemenade</p>');
    expect(body).toContain('<p>The first beta of Python 3.15 is here.</p>');
    expect([...body.matchAll(/<h3><a href="([^"]+)">([^<]+)<\/a><\/h3>\s*<p>([^\n]+)<\/p>/g)].map((match) => [match[1], match[2], match[3]])).toEqual([
      ['https://blog.python.org/2026/10/python-3147.html', 'Python 3.14.7 and 3.13.15 are now available', '<time datetime="2026-10-13">October 13, 2026</time> by Łukasz Langa'],
      ['https://blog.python.org/2026/09/summit.html', 'The 2026 Python Language Summit', '<time datetime="2026-09-07">September 7, 2026</time>'],
    ]);
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  });

  it('points /blogs/ to the blog while nothing has been imported', async () => {
    const { response, body } = await get(createFakeServices(), '/blogs/');

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('surrogate-key')).toBe('news navigation-items banners boxes');
    expect(body).toContain('published on the <a href="https://blog.python.org/">Python Insider blog</a>');
    expect(body).not.toContain('More news');
  });

  it('answers /blogs/ with the uncached 503 page when the CMS is down', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const services = createFakeServices({
      news: {
        latest: async () => [],
        blogsPage: async () => {
          throw new CmsUnavailableError('GET /api/news failed: ECONNREFUSED', '/api/news');
        },
      },
    });
    const { response, body } = await get(services, '/blogs/');

    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
    expect(body).not.toContain('ECONNREFUSED');
  });
});
