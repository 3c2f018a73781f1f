/**
 * The news read of the CMS client against a local HTTP server standing in for Payload's REST
 * API, and the news service shaping it for the home page and /blogs/.
 */
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCmsClient } from '../../../web/src/cms/client';
import { CmsResponseError } from '../../../web/src/cms/errors';
import { createNewsService } from '../../../web/src/services/newsService';
import { startTestServer, type TestServer } from '../support/startTestServer';

const newsDocs = [
  { id: 7, title: 'Python 3.15.0 beta 1 is now available', url: 'https://blog.python.org/2026/11/python-3150-beta-1.html', summary: 'The first beta.', publishedAt: '2026-11-04T18:00:00.000Z', author: 'Hugo van Kemenade' },
  { id: 3, title: 'Python 3.14.7 and 3.13.15 are now available', url: 'https://blog.python.org/2026/10/python-3147.html', summary: null, publishedAt: '2026-10-13T15:30:00.000Z', author: null },
];

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

describe('reading news from the CMS', () => {
  let cms: TestServer | undefined;
  const requests: URL[] = [];

  afterEach(async () => {
    await cms?.close();
    cms = undefined;
    requests.length = 0;
  });

  async function clientAnswering(docs: unknown[]) {
    cms = await startTestServer((req, res) => {
      requests.push(new URL(req.url ?? '/', 'http://cms.test'));
      sendJson(res, { docs, totalDocs: docs.length, limit: 6, page: 1 });
    });
    return createCmsClient({ baseUrl: cms.baseUrl, timeoutMs: 2000 });
  }

  it('asks for the newest entries, only the fields the site shows, and parses them', async () => {
    const client = await clientAnswering(newsDocs);

    expect(await client.findLatestNews(6)).toEqual(newsDocs);
    expect(requests).toHaveLength(1);
    expect(requests[0].pathname).toBe('/api/news');
    expect(Object.fromEntries(requests[0].searchParams)).toEqual({
      depth: '0',
      limit: '6',
      sort: '-publishedAt',
      'select[title]': 'true',
      'select[url]': 'true',
      'select[summary]': 'true',
      'select[publishedAt]': 'true',
      'select[author]': 'true',
    });
  });

  it('refuses an entry whose link is not an http(s) URL', async () => {
    const client = await clientAnswering([{ ...newsDocs[0], url: 'javascript:alert(1)' }]);

    await expect(client.findLatestNews(5)).rejects.toThrow(new CmsResponseError('GET /api/news returned an unexpected body (docs[0]: "url" is not an http(s) URL)', '/api/news', 200));
  });

  it('leaves one unreadable entry out of a list instead of failing the whole page, and says so', async () => {
    const client = await clientAnswering([{ ...newsDocs[0], url: 'javascript:alert(1)' }, newsDocs[1]]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await client.findLatestNews(5)).toEqual([newsDocs[1]]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('GET /api/news: left out an unreadable document (docs[0]: "url" is not an http(s) URL)'));
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses a limit that is not a positive integer', async () => {
    const client = await clientAnswering([]);

    expect(() => client.findLatestNews(0)).toThrow(new RangeError('limit must be a positive integer, got 0'));
  });

  it('gives the home page the five newest and /blogs/ the newest plus five, dated as the site prints dates', async () => {
    const client = await clientAnswering(newsDocs);
    const service = createNewsService(client);

    const latest = await service.latest();
    const page = await service.blogsPage();

    const item = { title: 'Python 3.15.0 beta 1 is now available', url: 'https://blog.python.org/2026/11/python-3150-beta-1.html', summary: 'The first beta.', author: 'Hugo van Kemenade', date: 'November 4, 2026', isoDate: '2026-11-04' };
    const second = { title: 'Python 3.14.7 and 3.13.15 are now available', url: 'https://blog.python.org/2026/10/python-3147.html', summary: null, author: null, date: 'October 13, 2026', isoDate: '2026-10-13' };
    expect(latest).toEqual([item, second]);
    expect(page).toEqual({ latest: item, recent: [second] });
    expect(requests.map((request) => request.searchParams.get('limit'))).toEqual(['5', '6']);
  });

  it('has no latest post before the first import', async () => {
    const service = createNewsService(await clientAnswering([]));

    expect(await service.blogsPage()).toEqual({ latest: null, recent: [] });
    expect(await service.latest()).toEqual([]);
  });
});
