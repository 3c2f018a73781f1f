import { z } from 'zod'

import { checked, readEnvWhole, type Environment } from '../../lib/env/envSchema'

/** Exactly `true`, `false` or empty; `true` is refused in production. */
const feedFetchSchema = z
  .object({
    FEED_FETCH_ALLOW_PRIVATE: checked(
      (raw) => ['', 'false', 'true'].includes(raw),
      (raw) => `FEED_FETCH_ALLOW_PRIVATE must be true or false, got "${raw}".`,
    ).optional(),
    NODE_ENV: z.string().optional(),
  })
  .refine((vars) => vars.FEED_FETCH_ALLOW_PRIVATE !== 'true' || vars.NODE_ENV !== 'production', {
    error: 'FEED_FETCH_ALLOW_PRIVATE=true is for tests only and is refused in production.',
  })
  .transform((vars) => vars.FEED_FETCH_ALLOW_PRIVATE === 'true')

/**
 * FEED_FETCH_ALLOW_PRIVATE=true lets the feed imports (cms/jobs/fetchFeed.ts) fetch from loopback
 * and private addresses. For tests only, whose fixture feeds are served on 127.0.0.1; off by
 * default, and refused in production so no deployment can open the SSRF hole by accident.
 */
export function feedFetchAllowsPrivate(env: Environment = process.env): boolean {
  return readEnvWhole(feedFetchSchema, env)
}
