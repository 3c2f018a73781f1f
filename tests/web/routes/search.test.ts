/**
 * `/search/` on createApp with a fake search service: status, content type, Cache-Control (never
 * cached), the facet links, highlighted hits, pagination, the empty form and a refused query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CmsUnavailableError } from '../../../web/src/cms/errors';
import type { SearchPage } from '../../../web/src/services/searchService';
import { expectSecurityHeaders } from '../support/expectSecurityHeaders';
import { createFakeServices } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';

const html = 'text/html; charset=utf-8';
const noCache = 'no-cache, no-store, must-revalidate';

const releasesPage: SearchPage = {
  status: 200,
  query: 'pyhton relase',
  error: null,
  results: {
    total: 25,
    page: 1,
    totalPages: 2,
    facets: [
      { label: 'All', count: 25, url: '/search/?q=pyhton+relase', current: false },
      { label: 'Pages', count: 0, url: '/search/?q=pyhton+relase&type=pages', current: false },
      { label: 'Releases', count: 25, url: '/search/?q=pyhton+relase&type=releases', current: true },
    ],
    hits: [
      {
        typeLabel: 'Releases',
        url: '/downloads/release/python-3147/',
        titleHtml: '<mark>Python</mark> 3.14.7',
        snippetHtml: '<mark>Release</mark> of <mark>Python</mark> 3.14.7, a &lt;b&gt; tag',
      },
    ],
    previousUrl: null,
    nextUrl: '/search/?q=pyhton+relase&type=releases&page=2',
  },
};

describe('GET /search/', () => {
  let server: TestServer;
  const asked: string[] = [];
  const visitors: (string | undefined)[] = [];
  let next: () => Promise<SearchPage> = async () => releasesPage;

  beforeAll(async () => {
    server = await startTestApp(
      createFakeServices({
        search: {
          search: async (params, visitorAddress) => {
            asked.push(params.toString());
            visitors.push(visitorAddress);
            return next();
          },
        },
      }),
    );
  });
  afterAll(async () => {
    await server.close();
  });

  async function get(path: string) {
    const response = await fetch(`${server.baseUrl}${path}`);
    return { response, body: await response.text() };
  }

  it('lists the hits with their highlights, the facets and the next page, never cached', async () => {
    next = async () => releasesPage;
    const { response, body } = await get('/search/?q=pyhton+relase&type=releases');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(response.headers.get('x-cache')).toBeNull();
    expectSecurityHeaders(response);
    expect(asked.at(-1)).toBe('q=pyhton+relase&type=releases');
    expect(visitors.at(-1)).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(body).toContain('value="pyhton relase"');
    expect(body).toContain('<a href="/downloads/release/python-3147/"><mark>Python</mark> 3.14.7</a>');
    expect(body).toContain('<mark>Release</mark> of <mark>Python</mark> 3.14.7, a &lt;b&gt; tag');
    expect(body).toContain('<a href="/search/?q=pyhton+relase&amp;type=releases" aria-current="page">Releases <span class="search-facets__count">(25)</span></a>');
    expect(body).toContain('<a href="/search/?q=pyhton+relase">All <span class="search-facets__count">(25)</span></a>');
    expect(body).toContain('25 results for “pyhton relase”, page 1 of 2.');
    expect(body).toContain('<a href="/search/?q=pyhton+relase&amp;type=releases&amp;page=2" rel="next">Next</a>');
    expect(body).not.toContain('rel="prev"');
    expect(body).toContain('<meta name="robots" content="noindex">');
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(body).not.toMatch(/\sstyle="/i);
  });

  it('passes repeated and unknown parameters to the service as sent', async () => {
    next = async () => releasesPage;
    await get('/search/?q=a&q=b&page=x&utm_source=feed');
    expect(asked.at(-1)).toBe('q=a&q=b&page=x&utm_source=feed');
  });

  it('shows the bare form when nothing was searched for', async () => {
    next = async () => ({ status: 200, query: '', results: null, error: null });
    const { response, body } = await get('/search/');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(body).toContain('<form class="search-form" action="/search/" method="get" role="search">');
    expect(body).not.toContain('search-facets');
    expect(body).not.toContain('noindex');
  });

  it('says so when nothing matches', async () => {
    next = async () => ({ ...releasesPage, query: 'zzzz', results: { ...releasesPage.results!, total: 0, totalPages: 0, hits: [], nextUrl: null } });
    const { response, body } = await get('/search/?q=zzzz');
    expect(response.status).toBe(200);
    expect(body).toContain('No results for “zzzz”. Check the spelling, or try fewer words.');
    expect(body).not.toContain('class="pagination"');
  });

  it('answers a refused query with 400 and the reason, keeping the form', async () => {
    next = async () => ({ status: 400, query: 'python', results: null, error: 'type must be one of pages, releases, events, success-stories; got "news".' });
    const { response, body } = await get('/search/?q=python&type=news');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(body).toContain('<p class="form-error" role="alert">type must be one of pages, releases, events, success-stories; got &quot;news&quot;.</p>');
    expect(body).toContain('value="python"');
  });

  it('answers 429 with the reason when the visitor searched too often', async () => {
    next = async () => ({ status: 429, query: 'python', results: null, error: 'Too many requests: search allows 60 requests a minute. Try again in 40 seconds.' });
    const { response, body } = await get('/search/?q=python');
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(body).toContain('<p class="form-error" role="alert">Too many requests: search allows 60 requests a minute. Try again in 40 seconds.</p>');
  });

  it('answers 503 when the CMS is unreachable', async () => {
    next = async () => {
      throw new CmsUnavailableError('GET /api/search failed: ECONNREFUSED', '/api/search');
    };
    const { response } = await get('/search/?q=python');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(noCache);
  });
});
