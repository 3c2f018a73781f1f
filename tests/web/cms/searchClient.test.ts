import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createCmsClient } from '../../../web/src/cms/client';
import { CmsReadCache } from '../../../web/src/cms/CmsReadCache';
import { CmsResponseError, CmsUnavailableError } from '../../../web/src/cms/errors';
import { startTestServer, type TestServer } from '../support/startTestServer';

const body = {
  query: 'pyhton',
  type: null,
  page: 1,
  totalPages: 1,
  total: 1,
  facets: { pages: 0, releases: 1, events: 0, 'success-stories': 0 },
  hits: [{ type: 'releases', id: 42, title: 'Python 3.14.7', url: '/downloads/release/python-3147/', highlightedTitle: '<mark>Python</mark> 3.14.7', snippet: 'Release of <mark>Python</mark> 3.14.7' }],
};

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

describe('CmsClient.search', () => {
  let cms: TestServer | undefined;
  let requests: string[] = [];
  let forwardedFor: (string | undefined)[] = [];

  afterEach(async () => {
    await cms?.close();
    cms = undefined;
    requests = [];
    forwardedFor = [];
  });

  async function startCms(handler: (req: IncomingMessage, res: ServerResponse) => void) {
    cms = await startTestServer((req, res) => {
      requests.push(req.url ?? '');
      forwardedFor.push(req.headers['x-forwarded-for'] as string | undefined);
      handler(req, res);
    });
    return createCmsClient({ baseUrl: cms.baseUrl, timeoutMs: 2000, readCache: new CmsReadCache({ lifetimeMs: 60_000, maxEntries: 10 }) });
  }

  it('asks GET /api/search with the parameters as given, every time (no read cache), and parses the results', async () => {
    const client = await startCms((_req, res) => sendJson(res, 200, body));
    const query = new URLSearchParams('q=pyhton&page=1');
    expect(await client.search(query)).toEqual({ ok: true, results: body });
    await client.search(query);
    expect(requests).toEqual(['/api/search?q=pyhton&page=1', '/api/search?q=pyhton&page=1']);
    expect(forwardedFor).toEqual([undefined, undefined]);
  });

  it("names the visitor in X-Forwarded-For and returns a 429's message as a refusal", async () => {
    const client = await startCms((_req, res) => sendJson(res, 429, { errors: [{ message: 'Too many requests: search allows 60 requests a minute. Try again in 40 seconds.' }] }));
    expect(await client.search(new URLSearchParams('q=python'), '203.0.113.7')).toEqual({
      ok: false,
      status: 429,
      message: 'Too many requests: search allows 60 requests a minute. Try again in 40 seconds.',
    });
    expect(forwardedFor).toEqual(['203.0.113.7']);
  });

  it("returns a 400's message as a refusal", async () => {
    const client = await startCms((_req, res) => sendJson(res, 400, { errors: [{ message: 'Give q once.' }] }));
    expect(await client.search(new URLSearchParams('q=a&q=b'))).toEqual({ ok: false, status: 400, message: 'Give q once.' });
  });

  it('treats a 503 as an outage and an unexpected body as a contract error', async () => {
    const down = await startCms((_req, res) => sendJson(res, 503, { errors: [{ message: 'Search is unavailable at the moment. Please try again shortly.' }] }));
    await expect(down.search(new URLSearchParams('q=python'))).rejects.toBeInstanceOf(CmsUnavailableError);
    await cms?.close();
    const odd = await startCms((_req, res) => sendJson(res, 200, { ...body, hits: 'none' }));
    await expect(odd.search(new URLSearchParams('q=python'))).rejects.toThrow(new CmsResponseError('GET /api/search returned an unexpected body (response body: "hits" is not an array)', '/api/search', 200));
  });
});
