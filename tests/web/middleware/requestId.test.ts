import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../web/src/app';
import { loadWebConfig } from '../../../web/src/config';
import { createServices } from '../../../web/src/services/index';
import { startTestServer, type TestServer } from '../support/startTestServer';

/**
 * The renderer's request id, end to end in one process: the real app on real services, whose
 * CMS client calls a stand-in CMS that records the headers it receives.
 */
describe('request id (renderer)', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  async function start(trustProxy: string) {
    const received: IncomingHttpHeaders[] = [];
    const cms = await startTestServer((req, res) => {
      received.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ docs: [], totalDocs: 0, limit: 10, page: 1, totalPages: 1, hasNextPage: false, hasPrevPage: false }));
    });
    servers.push(cms);
    const config = loadWebConfig({ CMS_URL: cms.baseUrl, TRUST_PROXY: trustProxy });
    const site = await startTestServer(createApp(createServices(config), config));
    servers.push(site);
    return { site, received };
  }

  it('gives each request an id, answers it in X-Request-Id and sends it on every CMS call made for the request', async () => {
    const { site, received } = await start('');
    const first = await fetch(`${site.baseUrl}/blogs/`);
    const second = await fetch(`${site.baseUrl}/blogs/`);
    const id = first.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get('x-request-id')).not.toBe(id);
    expect(received.length).toBeGreaterThan(0);
    expect(received.filter((headers) => headers['x-request-id'] === id).length).toBeGreaterThan(0);
    for (const headers of received) expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a valid incoming id only from a trusted proxy', async () => {
    const untrusted = await start('');
    const answer = await fetch(`${untrusted.site.baseUrl}/blogs/`, { headers: { 'x-request-id': 'edge-request-0001' } });
    expect(answer.headers.get('x-request-id')).not.toBe('edge-request-0001');
    expect(untrusted.received.some((headers) => headers['x-request-id'] === 'edge-request-0001')).toBe(false);

    const trusted = await start('loopback');
    const kept = await fetch(`${trusted.site.baseUrl}/blogs/`, { headers: { 'x-request-id': 'edge-request-0002' } });
    expect(kept.headers.get('x-request-id')).toBe('edge-request-0002');
    expect(trusted.received.some((headers) => headers['x-request-id'] === 'edge-request-0002')).toBe(true);
    const forged = await fetch(`${trusted.site.baseUrl}/blogs/`, { headers: { 'x-request-id': 'bad id {"level":60}' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
