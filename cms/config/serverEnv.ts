import { availableParallelism } from 'node:os'

import { decimalIn, readEnv, unsetOr, type Environment } from '../../lib/env/envSchema'

/** What cms/server.ts itself (not Payload) takes from the environment, read before Next.js starts. */
export type CmsServerEnv = {
  /** CMS_RESPONSE_CACHE_MB (default 64) in bytes; 0 turns the response cache off. */
  readonly responseCacheMaxBytes: number
  /** CMS_RESPONSE_CACHE_TTL_SECONDS (default 60): bounds answers that change with the clock alone. */
  readonly responseCacheTtlMs: number
  /** CMS_WORKERS (default: the core count): serving processes; 1 runs a single process without cluster. */
  readonly workers: number
  /** CMS_WORKER_STALL_MS (default 10000): a worker whose heartbeat stops this long is replaced. */
  readonly workerStallMs: number
}

export function loadCmsServerEnv(env: Environment = process.env): CmsServerEnv {
  return {
    responseCacheMaxBytes: wholeNumber(env, 'CMS_RESPONSE_CACHE_MB', 64, 0, 16_384) * 1024 * 1024,
    responseCacheTtlMs: wholeNumber(env, 'CMS_RESPONSE_CACHE_TTL_SECONDS', 60, 1, 86_400) * 1000,
    workers: wholeNumber(env, 'CMS_WORKERS', availableParallelism(), 1, 256),
    workerStallMs: wholeNumber(env, 'CMS_WORKER_STALL_MS', 10_000, 1_000, 600_000),
  }
}

/** A whole number from min to max (plain digits, surrounding blanks ignored); unset or blank: the fallback. */
function wholeNumber(env: Environment, name: string, fallback: number, min: number, max: number): number {
  const schema = unsetOr(fallback, decimalIn(min, max, (raw) => `${name} must be a whole number from ${min} to ${max}, got "${raw}".`))
  return readEnv({ [name]: schema }, { [name]: env[name]?.trim() })[name] as number
}
