import express, { type Express } from 'express';
import { createCachingHandler } from '../../../web/src/cache/createCachingHandler';
import { PageCache } from '../../../web/src/cache/PageCache';
import { localPurger } from '../../../web/src/cache/Purger';
import { startTestServer, type TestServer } from '../support/startTestServer';

import type { PurgeAllowance } from '../../../web/src/cache/purgeAllowance';

export const testPurgeSecret = 'test-purge-secret-0123456789';

export interface CachingTestServer extends TestServer {
  readonly cache: PageCache;
  /** Moves the cache's clock forward. */
  advance(ms: number): void;
}

/** Any Express app behind the page cache, on a free port, with a controllable clock. */
export async function startCachingServer(
  app: Express,
  options: { maxBytes?: number; maxPageBytes?: number; purgeSecret?: string | null; purgeAllowance?: PurgeAllowance } = {},
): Promise<CachingTestServer> {
  const cache = new PageCache(options.maxBytes ?? 16 * 1024 * 1024, options.maxPageBytes);
  let offset = 0;
  const handler = createCachingHandler(app, {
    cache,
    purge: localPurger(cache),
    purgeSecret: options.purgeSecret === undefined ? testPurgeSecret : options.purgeSecret,
    servedBy: 'worker-1',
    purgeAllowance: options.purgeAllowance,
    now: () => Date.now() + offset,
  });
  const server = await startTestServer(handler);
  return { ...server, cache, advance: (ms) => (offset += ms) };
}

/** A small app whose pages say how often they were rendered, set like the real routes. */
export function createCountingApp(): { app: Express; renders: Map<string, number>; cmsDown: { value: boolean } } {
  const app = express();
  const renders = new Map<string, number>();
  const cmsDown = { value: false };
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set('Content-Security-Policy', "default-src 'self'");
    res.set('Cache-Control', 'no-cache, no-store, must-revalidate');
    next();
  });
  const page = (key: string) => (req: express.Request, res: express.Response) => {
    if (cmsDown.value) {
      res.status(503).set('Retry-After', '30').type('html').send('<h1>CMS unavailable</h1>');
      return;
    }
    const count = (renders.get(req.originalUrl) ?? 0) + 1;
    renders.set(req.originalUrl, count);
    res.set('Cache-Control', 'public, max-age=300');
    res.set('Surrogate-Key', key);
    res.type('html').send(`<!DOCTYPE html><title>${req.path}</title>${'<p>python release notes</p>\n'.repeat(50)}render ${count}`);
  };
  app.get('/', page('releases boxes navigation-items'));
  app.get('/downloads/', page('releases release-files'));
  app.get('/events/', page('events'));
  app.get('/big/', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300');
    res.type('html').send('x'.repeat(300_000));
  });
  app.get('/private/', (_req, res) => {
    res.set('Cache-Control', 'private, no-cache');
    res.type('html').send('<p>yours only</p>');
  });
  app.get('/with-cookie/', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300');
    res.cookie('csrf', 'abc');
    res.type('html').send('<p>form</p>');
  });
  app.get('/preview/pages/1/', (_req, res) => {
    res.set('Cache-Control', 'no-cache, no-store, must-revalidate');
    res.type('html').send('<p>draft</p>');
  });
  return { app, renders, cmsDown };
}
