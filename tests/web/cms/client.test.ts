import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createCmsClient } from '../../../web/src/cms/client';
import { CmsReadCache } from '../../../web/src/cms/CmsReadCache';
import { CmsResponseError, CmsUnavailableError } from '../../../web/src/cms/errors';
import { startTestServer, type TestServer } from '../support/startTestServer';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const releaseDoc = {
  id: 42,
  name: 'Python 3.14.7',
  slug: 'python-3147',
  version: 3,
  isLatest: true,
  isPublished: true,
  preRelease: false,
  showOnDownloadPage: true,
  releaseDate: '2026-01-13T00:00:00.000Z',
  releaseNotesUrl: 'https://docs.python.org/release/3.14.7/whatsnew/changelog.html',
  createdAt: '2026-01-13T00:00:00.000Z',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

describe('createCmsClient', () => {
  let cms: TestServer | undefined;
  let requests: URL[] = [];

  afterEach(async () => {
    await cms?.close();
    cms = undefined;
    requests = [];
  });

  async function startCms(handler: Handler, timeoutMs = 2000) {
    cms = await startTestServer((req, res) => {
      requests.push(new URL(req.url ?? '/', 'http://cms.test'));
      handler(req, res);
    });
    return createCmsClient({ baseUrl: `${cms.baseUrl}/`, timeoutMs });
  }

  it('asks the CMS for uncompressed answers: compressing and inflating JSON costs both processes more than the bytes cost the network', async () => {
    const encodings: (string | undefined)[] = [];
    const client = await startCms((req, res) => {
      encodings.push(req.headers['accept-encoding']);
      sendJson(res, 200, { docs: [releaseDoc], totalDocs: 1, limit: 1, page: 1 });
    });

    await client.findLatestRelease(3);
    await client.findPublishedReleases();

    expect(encodings).toEqual(['identity', 'identity']);
  });

  describe('findLatestRelease', () => {
    it('asks Payload for the published latest release of the version and returns it', async () => {
      const client = await startCms((_req, res) =>
        sendJson(res, 200, { docs: [releaseDoc], totalDocs: 1, limit: 1, page: 1 }),
      );

      const release = await client.findLatestRelease(3);

      expect(release).toEqual({
        id: 42,
        name: 'Python 3.14.7',
        slug: 'python-3147',
        version: 3,
        isLatest: true,
        isPublished: true,
        preRelease: false,
        showOnDownloadPage: true,
        releaseDate: '2026-01-13T00:00:00.000Z',
        releaseNotesUrl: 'https://docs.python.org/release/3.14.7/whatsnew/changelog.html',
        releasePageId: null,
        contentHtml: '',
      });
      expect(requests).toHaveLength(1);
      const [request] = requests;
      expect(request?.pathname).toBe('/api/releases');
      expect(Object.fromEntries(request?.searchParams ?? [])).toEqual({
        'where[isLatest][equals]': 'true',
        'where[version][equals]': '3',
        'where[isPublished][equals]': 'true',
        limit: '1',
        // The stored HTML is what the site shows: the rich-text source stays in the CMS.
        'select[content]': 'false',
        depth: '0',
      });
      expect([...(request?.searchParams.keys() ?? [])]).toHaveLength(6);
    });

    it('returns null when no release matches', async () => {
      const client = await startCms((_req, res) => sendJson(res, 200, { docs: [], totalDocs: 0, limit: 1, page: 1 }));

      await expect(client.findLatestRelease(3)).resolves.toBeNull();
    });

    it('reads unset optional fields as null or false', async () => {
      const { releaseNotesUrl: _notes, showOnDownloadPage: _show, ...sparse } = releaseDoc;
      const client = await startCms((_req, res) =>
        sendJson(res, 200, { docs: [{ ...sparse, releaseDate: null }], totalDocs: 1, limit: 1, page: 1 }),
      );

      const release = await client.findLatestRelease(3);

      expect(release?.releaseNotesUrl).toBeNull();
      expect(release?.releaseDate).toBeNull();
      expect(release?.showOnDownloadPage).toBe(false);
    });

    it('throws CmsResponseError with the status on a 404', async () => {
      const client = await startCms((_req, res) => sendJson(res, 404, { errors: [{ message: 'Not Found' }] }));

      const error = await client.findLatestRelease(3).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(CmsResponseError);
      expect(error).toMatchObject({ status: 404, path: '/api/releases', message: 'GET /api/releases answered 404' });
    });

    it('throws CmsUnavailableError on a 500', async () => {
      const client = await startCms((_req, res) => sendJson(res, 500, { errors: [{ message: 'boom' }] }));

      const error = await client.findLatestRelease(3).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(CmsUnavailableError);
      expect(error).toMatchObject({ path: '/api/releases', message: 'GET /api/releases answered 500' });
    });

    it('throws CmsUnavailableError when the CMS does not answer in time', async () => {
      // Never answers: the request hangs until the client's timeout fires.
      const client = await startCms(() => undefined, 150);

      const started = Date.now();
      const error = await client.findLatestRelease(3).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(CmsUnavailableError);
      expect(error).toMatchObject({ message: 'GET /api/releases timed out after 150 ms' });
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('counts the body against the same budget: a CMS that sends headers and then trickles the body times out', async () => {
      // Headers at once, then one byte of a never-ending JSON body every 50 ms.
      const trickle: Handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"docs": [');
        const timer = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(timer));
      };
      const client = await startCms(trickle, 300);

      for (const read of [() => client.findLatestRelease(3), () => client.search(new URLSearchParams({ q: 'python' }))]) {
        const started = Date.now();
        const error = await read().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(CmsUnavailableError);
        expect((error as Error).message).toMatch(/timed out after 300 ms/);
        expect(Date.now() - started).toBeLessThan(1500);
      }
    });

    it('throws CmsUnavailableError when nothing listens at the CMS address', async () => {
      const client = await startCms(() => undefined);
      await cms?.close();
      cms = undefined;

      const error = await client.findLatestRelease(3).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(CmsUnavailableError);
      expect(error).toMatchObject({ message: 'GET /api/releases failed: ECONNREFUSED' });
      expect((error as Error).message).not.toContain('127.0.0.1');
    });

    it('throws CmsResponseError when the body is not JSON', async () => {
      const client = await startCms((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>login</html>');
      });

      const error = await client.findLatestRelease(3).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(CmsResponseError);
      expect(error).toMatchObject({ status: 200, message: 'GET /api/releases returned a body that is not JSON' });
    });

    it('throws CmsResponseError naming the field when a doc has the wrong shape', async () => {
      const client = await startCms((_req, res) =>
        sendJson(res, 200, { docs: [{ ...releaseDoc, slug: 17 }], totalDocs: 1, limit: 1, page: 1 }),
      );

      const error = await client.findLatestRelease(3).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(CmsResponseError);
      expect((error as Error).message).toContain('docs[0]: "slug"');
    });

    it('rejects a version that is not a positive integer without calling the CMS', async () => {
      const client = await startCms((_req, res) => sendJson(res, 200, { docs: [], totalDocs: 0, limit: 1, page: 1 }));

      await expect(client.findLatestRelease(3.5)).rejects.toThrow(RangeError);
      await expect(client.findLatestRelease(0)).rejects.toThrow(RangeError);
      expect(requests).toHaveLength(0);
    });
  });

  describe('health', () => {
    it('resolves when /api/health answers 200', async () => {
      const client = await startCms((_req, res) => sendJson(res, 200, { status: 'ok', database: 'ok' }));

      await expect(client.health()).resolves.toBeUndefined();
      expect(requests.map((url) => url.pathname)).toEqual(['/api/health']);
    });

    it('throws CmsUnavailableError when /api/health answers 503', async () => {
      const client = await startCms((_req, res) => sendJson(res, 503, { status: 'unavailable' }));

      await expect(client.health()).rejects.toBeInstanceOf(CmsUnavailableError);
    });
  });
  describe('with a read cache', () => {
    it('asks the CMS once for repeated reads, and again after a purge of that collection', async () => {
      await startCms((_req, res) => sendJson(res, 200, { docs: [releaseDoc], totalDocs: 1, limit: 1, page: 1 }));
      const readCache = new CmsReadCache({ lifetimeMs: 60_000, maxEntries: 100 });
      const client = createCmsClient({ baseUrl: cms?.baseUrl ?? '', timeoutMs: 2000, readCache });

      expect((await client.findLatestRelease(3))?.name).toBe('Python 3.14.7');
      expect((await client.findLatestRelease(3))?.name).toBe('Python 3.14.7');
      expect(requests).toHaveLength(1);
      readCache.purge({ keys: ['boxes'], paths: [], all: false });
      await client.findLatestRelease(3);
      expect(requests).toHaveLength(1);
      readCache.purge({ keys: ['releases'], paths: [], all: false });
      await client.findLatestRelease(3);
      expect(requests).toHaveLength(2);
    });

    it('keeps events read with their venues and categories until one of those collections changes', async () => {
      await startCms((_req, res) => sendJson(res, 200, { docs: [], totalDocs: 0, limit: 5000, page: 1 }));
      const readCache = new CmsReadCache({ lifetimeMs: 60_000, maxEntries: 100 });
      const client = createCmsClient({ baseUrl: cms?.baseUrl ?? '', timeoutMs: 2000, readCache });

      await client.findEvents({});
      readCache.purge({ keys: ['releases', 'boxes'], paths: [], all: false });
      await client.findEvents({});
      expect(requests).toHaveLength(1);
      readCache.purge({ keys: ['event-categories'], paths: [], all: false });
      await client.findEvents({});
      expect(requests).toHaveLength(2);
    });

    it('never shares an editor\'s draft read', async () => {
      await startCms((_req, res) => sendJson(res, 200, { ...releaseDoc, isPublished: false }));
      const readCache = new CmsReadCache({ lifetimeMs: 60_000, maxEntries: 100 });
      const client = createCmsClient({ baseUrl: cms?.baseUrl ?? '', timeoutMs: 2000, readCache });

      await client.findDraft('releases', '42', 'editor-token');
      await client.findDraft('releases', '42', 'editor-token');
      expect(requests).toHaveLength(2);
      expect(readCache.size).toBe(0);
    });
  });
});
