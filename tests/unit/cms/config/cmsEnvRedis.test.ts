import { describe, expect, it } from 'vitest'

import { loadCmsEnv } from '../../../../cms/config/cmsEnv'

/** Enough for loadCmsEnv to touch no files: a database URL and a secret. */
const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', PAYLOAD_SECRET: 'a-secret-for-the-test-0123456789', DATA_DIR: '/nonexistent' }

describe('REDIS_URL in the CMS', () => {
  it('is null when unset or empty, so purges go to WEB_PURGE_URLS', () => {
    expect(loadCmsEnv(base).redisUrl).toBeNull()
    expect(loadCmsEnv({ ...base, REDIS_URL: ' ' }).redisUrl).toBeNull()
  })

  it.each(['redis://127.0.0.1:6379', 'redis://:secret@redis.internal:6380/2', 'rediss://redis.example.org'])('accepts %s', (url) => {
    expect(loadCmsEnv({ ...base, REDIS_URL: url }).redisUrl).toBe(url)
  })

  it.each([
    ['redis.internal:6379', 'uses "redis.internal:"'],
    ['http://:s3cret@redis.internal', 'uses "http:"'],
    ['redis://', 'names no host'],
    ['redis://redis.internal/zero', 'must be a database number'],
    ['not a url', 'is not a URL'],
  ])('refuses %s at start-up with a message that does not echo it', (url, problem) => {
    expect(() => loadCmsEnv({ ...base, REDIS_URL: url })).toThrow(`REDIS_URL must be a redis:// or rediss:// URL`)
    expect(() => loadCmsEnv({ ...base, REDIS_URL: url })).toThrow(problem)
    expect(() => loadCmsEnv({ ...base, REDIS_URL: url })).not.toThrow('s3cret')
  })
})
