import { describe, expect, it } from 'vitest'

import { loadCmsEnv } from '../../../../cms/config/cmsEnv'

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', PAYLOAD_SECRET: 'unit-test-secret-0123456789abcdef', DATA_DIR: '/tmp/pydotorg-unit-meili' }

describe('the Meilisearch variables of the CMS environment', () => {
  it('searches on Postgres when MEILISEARCH_URL is unset', () => {
    expect(loadCmsEnv(base)).toMatchObject({ meilisearchUrl: null, meilisearchApiKey: null })
  })

  it('reads MEILISEARCH_URL (without its trailing slash) and MEILISEARCH_API_KEY', () => {
    expect(loadCmsEnv({ ...base, MEILISEARCH_URL: 'http://meilisearch:7700/', MEILISEARCH_API_KEY: 'key' })).toMatchObject({ meilisearchUrl: 'http://meilisearch:7700', meilisearchApiKey: 'key' })
  })

  it.each([
    [{ MEILISEARCH_URL: 'meilisearch:7700' }, 'MEILISEARCH_URL must be an http(s) URL, got "meilisearch:7700".'],
    [{ MEILISEARCH_API_KEY: 'key' }, 'MEILISEARCH_API_KEY is set without MEILISEARCH_URL: set both, or neither for Postgres search.'],
    [{ MEILISEARCH_URL: 'http://meilisearch:7700', MEILISEARCH_KEY: 'key' }, 'MEILISEARCH_KEY is now called MEILISEARCH_API_KEY: rename it.'],
  ])('refuses %o at start-up', (extra, message) => {
    expect(() => loadCmsEnv({ ...base, ...extra })).toThrow(message)
  })
})
