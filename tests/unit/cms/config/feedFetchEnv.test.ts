import { describe, expect, it } from 'vitest'

import { feedFetchAllowsPrivate } from '../../../../cms/config/feedFetchEnv'

/** The cases tests/unit/cms/jobs/fetchFeedSsrf.test.ts leaves out: the exact messages and the spellings of off. */
describe('FEED_FETCH_ALLOW_PRIVATE, edge cases', () => {
  it('reads empty and false as off, in production too', () => {
    expect(feedFetchAllowsPrivate({ FEED_FETCH_ALLOW_PRIVATE: '' })).toBe(false)
    expect(feedFetchAllowsPrivate({ FEED_FETCH_ALLOW_PRIVATE: 'false', NODE_ENV: 'production' })).toBe(false)
  })

  it('takes the words exactly, and names a bad value before production', () => {
    expect(() => feedFetchAllowsPrivate({ FEED_FETCH_ALLOW_PRIVATE: 'TRUE' })).toThrow(/^FEED_FETCH_ALLOW_PRIVATE must be true or false, got "TRUE"\.$/)
    expect(() => feedFetchAllowsPrivate({ FEED_FETCH_ALLOW_PRIVATE: ' true', NODE_ENV: 'production' })).toThrow(/^FEED_FETCH_ALLOW_PRIVATE must be true or false, got " true"\.$/)
    expect(() => feedFetchAllowsPrivate({ FEED_FETCH_ALLOW_PRIVATE: 'true', NODE_ENV: 'production' })).toThrow(/^FEED_FETCH_ALLOW_PRIVATE=true is for tests only and is refused in production\.$/)
  })
})
