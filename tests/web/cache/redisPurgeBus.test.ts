import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PurgeOrder } from '../../../web/src/cache/PageCache';
import { connectRedisPurgeBus, type RedisPurgeBus } from '../../../web/src/cache/redisPurgeBus';
import { sitePurgeChannel } from '../../../web/src/cache/redisPurgeMessage';
import { startTestRedis, type TestRedis } from '../../support/testRedis';

let redis: TestRedis;
const buses: RedisPurgeBus[] = [];
const clients: Redis[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
});

afterEach(() => {
  for (const bus of buses.splice(0)) bus.close();
  for (const client of clients.splice(0)) client.disconnect();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await redis?.dispose();
});

function plainClient(): Redis {
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
  client.on('error', () => undefined);
  clients.push(client);
  return client;
}

function busRecording(origin: string): { bus: RedisPurgeBus; applied: PurgeOrder[] } {
  const applied: PurgeOrder[] = [];
  const bus = connectRedisPurgeBus({ url: redis.url, origin, apply: (order) => (applied.push(order), 0) });
  buses.push(bus);
  return { bus, applied };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function subscribers(client: Redis): Promise<number> {
  const reply = (await client.call('PUBSUB', 'NUMSUB', sitePurgeChannel)) as [string, number];
  return Number(reply[1]);
}

const everything: PurgeOrder = { keys: [], paths: [], all: true };

describe('the Redis purge bus', () => {
  it('applies orders others publish, not its own, and drops everything once subscribed', async () => {
    const client = plainClient();
    const first = busRecording('renderer-a');
    const second = busRecording('renderer-b');
    await until(async () => (await subscribers(client)) === 2, 'two subscribers');
    await until(() => first.applied.length === 1 && second.applied.length === 1, 'the drop on subscription');
    expect(first.applied).toEqual([everything]);

    await expect(first.bus.publish({ keys: ['releases'], paths: ['/downloads/'], all: false })).resolves.toBe(2);
    await until(() => second.applied.length === 2, 'the order on the other bus');
    expect(second.applied[1]).toEqual({ keys: ['releases'], paths: ['/downloads/'], all: false });
    // The sender applied the order itself (redisPurger); the echo is ignored.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(first.applied).toHaveLength(1);
  });

  it('accepts what the CMS publishes: the same fields with origin "cms"', async () => {
    const client = plainClient();
    const { applied } = busRecording('renderer-c');
    await until(async () => (await subscribers(client)) === 1, 'one subscriber');
    await client.publish(sitePurgeChannel, JSON.stringify({ origin: 'cms', keys: ['pages'], urls: ['/about/'] }));
    await until(() => applied.length === 2, 'the CMS order');
    expect(applied[1]).toEqual({ keys: ['pages'], paths: ['/about/'], all: false });
  });

  it('logs and ignores malformed messages, and keeps applying the good ones', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const client = plainClient();
    const { applied } = busRecording('renderer-d');
    await until(async () => (await subscribers(client)) === 1, 'one subscriber');
    const bad = [
      'not json',
      '[1, 2]',
      '{"keys": ["pages"]}',
      '{"origin": "cms", "keys": "pages"}',
      '{"origin": "cms", "keys": ["bad key!"]}',
      '{"origin": "cms"}',
      '{"origin": "cms", "keys": ["pages"], "extra": 1}',
      `{"origin": "cms", "keys": ["${'a'.repeat(70_000)}"]}`,
    ];
    for (const message of bad) await client.publish(sitePurgeChannel, message);
    await client.publish(sitePurgeChannel, JSON.stringify({ origin: 'cms', urls: ['/events/'] }));
    await until(() => applied.length === 2, 'the good order after the bad ones');
    expect(applied[1]).toEqual({ keys: [], paths: ['/events/'], all: false });
    expect(warn).toHaveBeenCalledTimes(bad.length);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/ignored a purge message on pydotorg:site-cache-purge: the message is not JSON/);
  });

  it('survives a Redis restart: publishing fails while it is down, and on return it resubscribes and drops everything', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = plainClient();
    const { bus, applied } = busRecording('renderer-e');
    await until(async () => (await subscribers(client)) === 1, 'one subscriber');
    await until(() => applied.length === 1, 'the drop on subscription');

    await redis.stop();
    const started = Date.now();
    await expect(bus.publish({ keys: ['pages'], paths: [], all: false })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.mock.calls.some(([message]) => /Redis purge channel unavailable/.test(String(message)))).toBe(true);

    await redis.start();
    await until(() => applied.length === 2, 'the drop after reconnecting', 10_000);
    expect(applied[1]).toEqual(everything);
    await until(async () => (await bus.publish({ keys: ['pages'], paths: [], all: false }).catch(() => 0)) === 1, 'publishing again');
  });
});
