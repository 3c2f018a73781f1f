import { availableParallelism } from 'node:os'

import { describe, expect, it } from 'vitest'

import { loadCmsServerEnv } from '../../../../cms/config/serverEnv'

describe("the CMS server's own settings", () => {
  it('defaults to one worker per core and a 64 MiB response cache living 60 s at most', () => {
    expect(loadCmsServerEnv({})).toEqual({ responseCacheMaxBytes: 64 * 1024 * 1024, responseCacheTtlMs: 60_000, workers: availableParallelism(), workerStallMs: 10_000 })
  })

  it('reads CMS_WORKERS, CMS_WORKER_STALL_MS and the cache settings; 0 MiB turns the cache off', () => {
    expect(loadCmsServerEnv({ CMS_WORKERS: '3', CMS_WORKER_STALL_MS: '2000', CMS_RESPONSE_CACHE_MB: '0', CMS_RESPONSE_CACHE_TTL_SECONDS: '5' })).toEqual({
      responseCacheMaxBytes: 0,
      responseCacheTtlMs: 5_000,
      workers: 3,
      workerStallMs: 2_000,
    })
  })

  it('refuses values out of range with the variable named', () => {
    expect(() => loadCmsServerEnv({ CMS_WORKERS: '0' })).toThrow('CMS_WORKERS must be a whole number from 1 to 256, got "0".')
    expect(() => loadCmsServerEnv({ CMS_WORKERS: '2.5' })).toThrow(/CMS_WORKERS/)
    expect(() => loadCmsServerEnv({ CMS_WORKER_STALL_MS: '10' })).toThrow(/CMS_WORKER_STALL_MS/)
    expect(() => loadCmsServerEnv({ CMS_RESPONSE_CACHE_MB: '-1' })).toThrow(/CMS_RESPONSE_CACHE_MB/)
  })
})
