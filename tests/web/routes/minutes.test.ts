/**
 * PSF Board minutes on the site with fake services: the archive, a meeting's page and the RSS
 * feed at python.org's URLs, public and cached under the `minutes` key, and a 404 for a day
 * without published minutes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../web/src/services/index';
import type { MeetingMinutes } from '../../../web/src/services/minutesService';
import { expectSecurityHeaders } from '../support/expectSecurityHeaders';
import { createFakeServices } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';

const meeting: MeetingMinutes = {
  day: '2026-11-18',
  date: 'November 18, 2026',
  path: '/psf/records/board/minutes/2026-11-18/',
  title: 'PSF Board Meeting Minutes for November 18, 2026',
  contentHtml: '<p>The board met &amp; voted.</p>',
  sameYear: [{ day: '2026-02-11', date: 'February 11, 2026', path: '/psf/records/board/minutes/2026-02-11/' }],
};

describe('board minutes on the site', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function get(services: Services, path: string): Promise<{ response: Response; body: string }> {
    server = await startTestApp(services);
    const response = await fetch(`${server.baseUrl}${path}`);
    return { response, body: await response.text() };
  }

  it('lists the archive by year with its feed', async () => {
    const { response, body } = await get(createFakeServices(), '/psf/records/board/minutes/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('surrogate-key')).toBe('minutes navigation-items banners boxes');
    expectSecurityHeaders(response);
    expect(body).toContain('<h1>PSF Board Meeting Minutes Archive</h1>');
    expect(body).toContain('<h2>2026</h2>');
    expect(body).toContain('<a href="/psf/records/board/minutes/2026-11-18/"><time datetime="2026-11-18">November 18, 2026</time></a>');
    expect(body).toContain('type="application/rss+xml" title="PSF Board Meeting Minutes" href="/psf/records/board/minutes/feed/"');
  });

  it("shows a meeting's minutes with the same year's other meetings", async () => {
    const services = createFakeServices({ minutes: { archive: async () => [], meeting: async (day) => (day === meeting.day ? meeting : null), latest: async () => [] } });
    const { response, body } = await get(services, '/psf/records/board/minutes/2026-11-18/');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('surrogate-key')).toBe('minutes navigation-items banners boxes');
    expect(body).toContain('<h1>PSF Board Meeting Minutes for November 18, 2026</h1>');
    expect(body).toContain('<div class="minutes-content"><p>The board met &amp; voted.</p></div>');
    expect(body).toContain('<h2>Other meetings in 2026</h2>');
    expect(body).toContain('href="/psf/records/board/minutes/2026-02-11/"');
  });

  it('answers 404 for a day without published minutes, and for no day at all', async () => {
    for (const path of ['/psf/records/board/minutes/2026-11-19/', '/psf/records/board/minutes/not-a-day/']) {
      const { response, body } = await get(createFakeServices(), path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(body).toContain('There are no published board minutes for this day.');
      await server?.close();
      server = undefined;
    }
  });

  it('serves the RSS feed of the latest minutes, their HTML escaped in the description', async () => {
    const services = createFakeServices({ minutes: { archive: async () => [], meeting: async () => null, latest: async () => [meeting] } });
    const { response, body } = await get(services, '/psf/records/board/minutes/feed/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('surrogate-key')).toBe('minutes');
    expect(body).toContain('<title>PSF Board Meeting Minutes</title>');
    expect(body).toContain('<item><title>PSF Board Meeting Minutes for November 18, 2026</title>');
    expect(body).toContain('<description>&lt;p&gt;The board met &amp;amp; voted.&lt;/p&gt;</description>');
    expect(body).toContain('<pubDate>Wed, 18 Nov 2026 00:00:00 GMT</pubDate>');
  });
});
