/**
 * The site's request limits (issue 10): with REDIS_URL, renderer processes share one budget per
 * visitor (a real redis-server); IPv6 visitors are counted per /64; the search tells the CMS the
 * visitor's address as TRUST_PROXY lets the site see it, as the story form does.
 */
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustedProxies, type TrustedProxies } from '../../../lib/throttle/clientAddress';
import { createRedisStore, type RedisThrottleStore } from '../../../lib/throttle/createRedisStore';
import { createApp } from '../../../web/src/app';
import type { StorySubmissionInput } from '../../../web/src/cms/client';
import { setUpErrorHandling } from '../../../web/src/middleware/setUpErrorHandling';
import { setUpViews } from '../../../web/src/middleware/setUpViews';
import { createStoriesRouter, storyFormThrottle } from '../../../web/src/routes/stories';
import type { Services } from '../../../web/src/services/index';
import { startTestRedis, type TestRedis } from '../../support/testRedis';
import { createFakeServices, testConfig } from '../support/fakeServices';
import { startTestServer, type TestServer } from '../support/startTestServer';
import { validStory } from '../support/validStory';


let redis: TestRedis;
const servers: TestServer[] = [];
const stores: RedisThrottleStore[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
}, 30_000);

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

afterAll(async () => {
  await redis?.dispose();
});

function recordingServices(): { services: Services; received: (string | undefined)[] } {
  const fake = createFakeServices();
  const received: (string | undefined)[] = [];
  const stories = {
    ...fake.stories,
    submit: async (_input: StorySubmissionInput, visitorAddress?: string) => {
      received.push(visitorAddress);
      return { ok: true as const, message: 'Thanks' };
    },
  };
  return { services: { ...fake, stories }, received };
}

/** One renderer process: the story form limited `perHour`, its counts in Redis or in memory. */
async function renderer(services: Services, perHour: number, trusted: TrustedProxies, shared: boolean): Promise<TestServer> {
  let store: RedisThrottleStore | undefined;
  if (shared) {
    store = createRedisStore(redis.url, { warn: () => undefined });
    stores.push(store);
  }
  const app = express();
  setUpViews(app, testConfig);
  app.use(createStoriesRouter(services, storyFormThrottle(perHour, trusted, store)));
  setUpErrorHandling(app);
  const server = await startTestServer(app);
  servers.push(server);
  return server;
}

async function submit(server: TestServer, visitor?: string): Promise<number> {
  const form = await fetch(`${server.baseUrl}/success-stories/create/`);
  const body = await form.text();
  const cookie = (form.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const token = /name="csrfToken" value="([^"]+)"/.exec(body)?.[1] ?? '';
  const response = await fetch(`${server.baseUrl}/success-stories/create/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...(visitor === undefined ? {} : { 'x-forwarded-for': visitor }) },
    body: new URLSearchParams({ ...validStory, csrfToken: token }).toString(),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('the story form limit across renderer processes', () => {
  it('is one budget per visitor for every process sharing the Redis', async () => {
    const { services, received } = recordingServices();
    const trusted = parseTrustedProxies('loopback');
    const [a, b] = [await renderer(services, 2, trusted, true), await renderer(services, 2, trusted, true)];
    expect([await submit(a, '203.0.113.50'), await submit(b, '203.0.113.50'), await submit(a, '203.0.113.50'), await submit(b, '203.0.113.50')]).toEqual([303, 303, 429, 429]);
    expect(await submit(b, '203.0.113.51')).toBe(303);
    expect(received).toEqual(['203.0.113.50', '203.0.113.50', '203.0.113.51']);
  });

  it('without Redis, each process counts on its own (the single-machine default)', async () => {
    const { services } = recordingServices();
    const trusted = parseTrustedProxies('loopback');
    const [a, b] = [await renderer(services, 1, trusted, false), await renderer(services, 1, trusted, false)];
    expect([await submit(a, '203.0.113.60'), await submit(b, '203.0.113.60'), await submit(a, '203.0.113.60')]).toEqual([303, 303, 429]);
  });

  it('counts an IPv6 visitor per /64, and still tells the CMS the full address', async () => {
    const { services, received } = recordingServices();
    const server = await renderer(services, 1, parseTrustedProxies('loopback'), true);
    expect(await submit(server, '2001:db8:10:20::1')).toBe(303);
    expect(await submit(server, '2001:db8:10:20:ffff:1:2:3')).toBe(429);
    expect(await submit(server, '2001:db8:10:21::1')).toBe(303);
    expect(received).toEqual(['2001:db8:10:20::1', '2001:db8:10:21::1']);
  });
});

describe('the search and the visitor address', () => {
  async function searchAs(trusted: TrustedProxies, forwardedFor: string): Promise<(string | undefined)[]> {
    const fake = createFakeServices();
    const visitors: (string | undefined)[] = [];
    const services: Services = { ...fake, search: { search: async (params, visitor) => (visitors.push(visitor), fake.search.search(params, visitor)) } };
    const server = await startTestServer(createApp(services, { ...testConfig, trustedProxies: trusted }));
    servers.push(server);
    const response = await fetch(`${server.baseUrl}/search/?q=python`, { headers: { 'x-forwarded-for': forwardedFor } });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    return visitors;
  }

  it('names the visitor a trusted proxy forwarded, not the proxy', async () => {
    expect(await searchAs(parseTrustedProxies('loopback'), '198.51.100.23')).toEqual(['198.51.100.23']);
  });

  it('ignores X-Forwarded-For from a proxy that is not trusted (TRUST_PROXY unset)', async () => {
    expect(await searchAs(parseTrustedProxies(undefined), '198.51.100.23')).toEqual(['127.0.0.1']);
  });
});
