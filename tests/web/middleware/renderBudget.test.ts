import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../web/src/app';
import type { Services } from '../../../web/src/services/index';
import { startCachingServer, type CachingTestServer } from '../cache/cachingTestServer';
import { rawRequest } from '../cache/rawRequest';
import { createFakeServices, testConfig } from '../support/fakeServices';

const BUDGET_MS = 300;

/** A promise the test settles: a CMS read that does not answer until told to. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('the render budget (WEB_RENDER_BUDGET_MS)', () => {
  let server: CachingTestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
    vi.restoreAllMocks();
  });

  /** The real app behind the page cache; `slow` holds the downloads and search services while set. */
  async function start() {
    const fake = createFakeServices();
    let slow: Promise<void> | null = null;
    const held = async () => {
      if (slow !== null) await slow;
    };
    const services: Services = {
      ...fake,
      downloads: {
        ...fake.downloads,
        downloadsHome: async () => {
          await held();
          return fake.downloads.downloadsHome();
        },
        osPage: async (slug) => {
          await held();
          return fake.downloads.osPage(slug);
        },
      },
      search: {
        search: async (params, visitor) => {
          await held();
          return fake.search.search(params, visitor);
        },
      },
    };
    server = await startCachingServer(createApp(services, { ...testConfig, renderBudgetMs: BUDGET_MS }));
    return { server, hold: (until: Promise<void> | null) => (slow = until) };
  }

  it('answers the 503 page when a render waits past the budget, and drops the render when it finishes later', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error');
    const { server, hold } = await start();
    const cms = gate();
    hold(cms.wait);

    const started = Date.now();
    const answer = await rawRequest(server.baseUrl, '/downloads/windows/');
    expect(Date.now() - started).toBeLessThan(BUDGET_MS + 1_000);
    expect(answer.status).toBe(503);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache, no-store, must-revalidate');
    expect(answer.headers['retry-after']).toBe('30');
    expect(answer.headers['x-cache']).toBeUndefined();
    expect(answer.body.toString()).toContain('</html>');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`GET /downloads/windows/ not answered within ${BUDGET_MS} ms`));

    // The CMS answers at last: the late render sends nothing and breaks nothing.
    cms.open();
    hold(null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(error).not.toHaveBeenCalled();
    const after = await rawRequest(server.baseUrl, '/downloads/windows/');
    expect(after.status).toBe(200);
    expect(after.headers['x-cache']).toBe('MISS');
  });

  it('answers with the stale copy when the page was cached before', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { server, hold } = await start();
    const original = await rawRequest(server.baseUrl, '/downloads/');
    expect(original.headers['x-cache']).toBe('MISS');
    await rawRequest(server.baseUrl, '/downloads/', { method: 'PURGE' });
    const cms = gate();
    hold(cms.wait);

    const started = Date.now();
    const stale = await rawRequest(server.baseUrl, '/downloads/');
    expect(Date.now() - started).toBeLessThan(BUDGET_MS + 1_000);
    expect(stale.status).toBe(200);
    expect(stale.headers['x-cache']).toBe('STALE');
    expect(stale.headers['warning']).toBe('110 - "Response is Stale"');
    expect(stale.body.equals(original.body)).toBe(true);
    cms.open();
  });

  it('bounds pages that are never cached too (the search)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { server, hold } = await start();
    const cms = gate();
    hold(cms.wait);
    const answer = await rawRequest(server.baseUrl, '/search/?q=python');
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('30');
    cms.open();
  });

  it('leaves a page answered within the budget alone', async () => {
    const warn = vi.spyOn(console, 'warn');
    const { server } = await start();
    const answer = await rawRequest(server.baseUrl, '/downloads/');
    expect(answer.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, BUDGET_MS + 100));
    expect(warn).not.toHaveBeenCalled();
  });
});
