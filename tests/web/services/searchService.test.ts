import { describe, expect, it } from 'vitest';
import type { CmsClient, SearchOutcome } from '../../../web/src/cms/client';
import type { SearchResultsDoc } from '../../../web/src/cms/parse/searchResults';
import { createSearchService } from '../../../web/src/services/searchService';

const results: SearchResultsDoc = {
  query: 'pyhton',
  type: null,
  page: 2,
  totalPages: 3,
  total: 45,
  facets: { pages: 4, releases: 40, events: 1, 'success-stories': 0 },
  hits: [
    {
      type: 'releases',
      id: 1,
      title: 'Python 3.14.7',
      url: '/downloads/release/python-3147/',
      highlightedTitle: '<mark class="x" onclick="alert(1)">Python</mark> 3.14.7<script>alert(1)</script>',
      snippet: '<b>Release</b> of <mark>Python</mark> &lt;3&gt; <img src=x onerror=alert(1)>',
    },
    { type: 'pages', id: 2, title: 'Elsewhere', url: '//evil.example/', highlightedTitle: 'Elsewhere', snippet: '' },
    { type: 'success-stories', id: 3, title: 'A story', url: '/success-stories/a-story/', highlightedTitle: 'A story', snippet: '' },
  ],
};

/** A CMS client whose only working call is search, answering `outcome` and recording queries. */
function fakeClient(outcome: SearchOutcome, asked: string[]): CmsClient {
  return new Proxy({} as CmsClient, {
    get: (_target, name) =>
      name === 'search'
        ? async (query: URLSearchParams, visitorAddress?: string) => {
            asked.push(visitorAddress === undefined ? query.toString() : `${query.toString()} for ${visitorAddress}`);
            return outcome;
          }
        : () => {
            throw new Error(`not used: ${String(name)}`);
          },
  });
}

describe('createSearchService', () => {
  it('forwards q, type and page as given, nothing else', async () => {
    const asked: string[] = [];
    await createSearchService(fakeClient({ ok: true, results }, asked)).search(new URLSearchParams('q=pyhton&page=2&type=&utm_source=x&q=more'), '203.0.113.7');
    expect(asked).toEqual(['q=pyhton&q=more&type=&page=2 for 203.0.113.7']);
  });

  it('keeps only <mark> of the highlights, drops off-site links, and builds facet and page links', async () => {
    const page = await createSearchService(fakeClient({ ok: true, results }, [])).search(new URLSearchParams('q=pyhton&page=2'));
    expect(page.status).toBe(200);
    expect(page.query).toBe('pyhton');
    expect(page.results?.hits).toEqual([
      { typeLabel: 'Releases', url: '/downloads/release/python-3147/', titleHtml: '<mark>Python</mark> 3.14.7', snippetHtml: 'Release of <mark>Python</mark> &lt;3&gt; ' },
      { typeLabel: 'Success stories', url: '/success-stories/a-story/', titleHtml: 'A story', snippetHtml: '' },
    ]);
    expect(page.results?.facets).toEqual([
      { label: 'All', count: 45, url: '/search/?q=pyhton', current: true },
      { label: 'Pages', count: 4, url: '/search/?q=pyhton&type=pages', current: false },
      { label: 'Releases', count: 40, url: '/search/?q=pyhton&type=releases', current: false },
      { label: 'Events', count: 1, url: '/search/?q=pyhton&type=events', current: false },
      { label: 'Success stories', count: 0, url: '/search/?q=pyhton&type=success-stories', current: false },
    ]);
    expect([page.results?.previousUrl, page.results?.nextUrl]).toEqual(['/search/?q=pyhton', '/search/?q=pyhton&page=3']);
  });

  it('points "previous" of a page past the end at the last page', async () => {
    const past = { ...results, type: 'releases', page: 7, totalPages: 3, hits: [] };
    const page = await createSearchService(fakeClient({ ok: true, results: past }, [])).search(new URLSearchParams('q=pyhton&type=releases&page=7'));
    expect([page.results?.previousUrl, page.results?.nextUrl]).toEqual(['/search/?q=pyhton&type=releases&page=3', null]);
  });

  it('passes on a 429 with its message', async () => {
    const limited: SearchOutcome = { ok: false, status: 429, message: 'Too many requests.' };
    const page = await createSearchService(fakeClient(limited, [])).search(new URLSearchParams('q=python'));
    expect(page).toEqual({ status: 429, query: 'python', results: null, error: 'Too many requests.' });
  });

  it('passes on a refusal as a 400 with its message', async () => {
    const refused: SearchOutcome = { ok: false, status: 400, message: 'page must be a whole number from 1 to 50; got "x".' };
    const page = await createSearchService(fakeClient(refused, [])).search(new URLSearchParams('q=python&page=x'));
    expect(page).toEqual({ status: 400, query: 'python', results: null, error: 'page must be a whole number from 1 to 50; got "x".' });
  });

  it('shows the form without asking the CMS when the search box is empty', async () => {
    const asked: string[] = [];
    const page = await createSearchService(fakeClient({ ok: true, results }, asked)).search(new URLSearchParams('q=++&type=pages'));
    expect(page).toEqual({ status: 200, query: '', results: null, error: null });
    expect(asked).toEqual([]);
  });
});
