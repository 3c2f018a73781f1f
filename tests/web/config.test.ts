import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadWebConfig } from '../../web/src/config';

describe('loadWebConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadWebConfig({})).toEqual({
      port: 8080,
      cmsUrl: 'http://127.0.0.1:3000',
      siteUrl: 'http://localhost:8080',
      mediaOrigin: 'http://localhost:3000',
      cmsTimeoutMs: 5000,
      workers: availableParallelism(),
      purgeSecret: null,
      cacheMaxBytes: 256 * 1024 * 1024,
      redisUrl: null,
      trustedProxies: { kind: 'none' },
      storySubmissionsPerHour: 5,
      accountFormPostsPerHour: 20,
      jobSubmissionsPerHour: 5,
      purgeAllowedAddresses: expect.objectContaining({ kind: 'addresses', description: 'loopback' }),
      renderBudgetMs: 10000,
      workerStallMs: 5000,
      testHooks: false,
    });
  });

  it('reads every variable and drops trailing slashes from URLs', () => {
    const config = loadWebConfig({
      WEB_PORT: '9000',
      CMS_URL: 'https://cms.internal:3443/',
      SITE_URL: 'https://www.python.org/',
      CMS_PUBLIC_URL: 'https://cms.python.org/admin-base/',
      CMS_TIMEOUT_MS: '1500',
      WEB_WORKERS: '3',
      PURGE_SECRET: 'a-purge-secret-of-some-length',
      WEB_CACHE_MAX_MB: '16',
      REDIS_URL: 'redis://:a-password@redis.internal:6380/2',
      TRUST_PROXY: '2',
      STORY_SUBMISSIONS_PER_HOUR: '12',
      ACCOUNT_FORM_POSTS_PER_HOUR: '7',
      JOB_SUBMISSIONS_PER_HOUR: '3',
      PURGE_ALLOWED_ADDRESSES: '192.0.2.10, 10.0.0.0/8',
      WEB_RENDER_BUDGET_MS: '8000',
      WEB_WORKER_STALL_MS: '3000',
      WEB_TEST_HOOKS: '1',
    });

    expect(config).toEqual({
      port: 9000,
      cmsUrl: 'https://cms.internal:3443',
      siteUrl: 'https://www.python.org',
      // Only the origin: img-src admits the CMS's whole host, whatever its base path.
      mediaOrigin: 'https://cms.python.org',
      cmsTimeoutMs: 1500,
      workers: 3,
      purgeSecret: 'a-purge-secret-of-some-length',
      cacheMaxBytes: 16 * 1024 * 1024,
      redisUrl: 'redis://:a-password@redis.internal:6380/2',
      trustedProxies: { kind: 'hops', hops: 2 },
      storySubmissionsPerHour: 12,
      accountFormPostsPerHour: 7,
      jobSubmissionsPerHour: 3,
      purgeAllowedAddresses: expect.objectContaining({ kind: 'addresses', description: '192.0.2.10, 10.0.0.0/8' }),
      renderBudgetMs: 8000,
      workerStallMs: 3000,
      testHooks: true,
    });
  });

  it('treats an empty value as unset', () => {
    expect(loadWebConfig({ WEB_PORT: '', CMS_URL: ' ' }).port).toBe(8080);
  });

  it.each([
    ['WEB_PORT', 'eighty'],
    ['WEB_PORT', '80.5'],
    ['WEB_PORT', '70000'],
    ['CMS_TIMEOUT_MS', '0'],
    ['CMS_TIMEOUT_MS', '5s'],
    ['WEB_WORKERS', '0'],
    ['WEB_WORKERS', 'many'],
    ['PURGE_SECRET', 'short'],
    ['WEB_CACHE_MAX_MB', '0'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', 'proxy.internal'],
    ['STORY_SUBMISSIONS_PER_HOUR', '0'],
    ['ACCOUNT_FORM_POSTS_PER_HOUR', '0'],
    ['JOB_SUBMISSIONS_PER_HOUR', '0'],
    ['WEB_RENDER_BUDGET_MS', '99'],
    ['WEB_RENDER_BUDGET_MS', 'soon'],
    ['WEB_WORKER_STALL_MS', '999'],
    ['WEB_WORKER_STALL_MS', '5s'],
    ['WEB_TEST_HOOKS', 'yes'],
    ['CMS_URL', 'not a url'],
    ['CMS_URL', 'ftp://cms.internal'],
    ['SITE_URL', 'file:///etc/passwd'],
    ['CMS_PUBLIC_URL', 'javascript:alert(1)'],
    ['SITE_URL', 'https://www.python.org/?x=1'],
    ['REDIS_URL', 'redis.internal:6379'],
    ['REDIS_URL', 'http://redis.internal:6379'],
    ['REDIS_URL', 'redis://'],
    ['REDIS_URL', 'redis://redis.internal:6379/zero'],
  ])('rejects %s=%s with an error naming the variable', (name, value) => {
    expect(() => loadWebConfig({ [name]: value })).toThrow(new RegExp(`^${name} `));
  });
});

describe('REDIS_URL', () => {
  it('is not echoed when rejected, since it usually holds a password', () => {
    expect(() => loadWebConfig({ REDIS_URL: 'http://:s3cret-password@redis.internal:6379' })).toThrow(/^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    try {
      loadWebConfig({ REDIS_URL: 'http://:s3cret-password@redis.internal:6379' });
    } catch (error) {
      expect(String(error)).not.toContain('s3cret');
    }
  });

  it('accepts TLS and a URL without port or database', () => {
    expect(loadWebConfig({ REDIS_URL: 'rediss://redis.internal' }).redisUrl).toBe('rediss://redis.internal');
  });
});
