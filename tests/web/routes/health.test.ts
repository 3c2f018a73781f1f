import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../web/src/services/index';
import { expectSecurityHeaders } from '../support/expectSecurityHeaders';
import { createFakeServices } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';

const jsonType = 'application/json; charset=utf-8';
const noCache = 'no-cache, no-store, must-revalidate';

const cmsDown = createFakeServices({
  health: {
    checkCms: async () => ({ healthy: false, reason: 'GET /api/health failed: ECONNREFUSED' }),
  },
});

describe('health routes', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function get(services: Services, path: string): Promise<Response> {
    server = await startTestApp(services);
    return fetch(`${server.baseUrl}${path}`);
  }

  it('GET /health answers ok without asking the CMS', async () => {
    let cmsChecks = 0;
    const services = createFakeServices({
      health: {
        checkCms: async () => {
          cmsChecks += 1;
          return { healthy: false, reason: 'should not be asked' };
        },
      },
    });
    const response = await get(services, '/health');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(jsonType);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expectSecurityHeaders(response);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(cmsChecks).toBe(0);
  });

  it.each(['/health?deep=1', '/health/cms'])('%s answers ok when the CMS is up', async (path) => {
    const response = await get(createFakeServices(), path);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(jsonType);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(await response.json()).toEqual({ status: 'ok', cms: 'ok' });
  });

  it.each(['/health?deep=1', '/health/cms'])('%s answers 503 with a message when the CMS is down', async (path) => {
    const response = await get(cmsDown, path);

    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe(jsonType);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expectSecurityHeaders(response);
    expect(await response.json()).toEqual({
      status: 'unavailable',
      message: 'CMS unreachable: GET /api/health failed: ECONNREFUSED',
    });
  });

  it.each(['/health?deep=maybe', '/health?deep=1&deep=1'])('%s is a 400 with a message', async (path) => {
    const response = await get(createFakeServices(), path);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(jsonType);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(await response.json()).toEqual({
      status: 'error',
      message: 'The "deep" parameter must be 1 or 0.',
    });
  });
});
