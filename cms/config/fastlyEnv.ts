import { z } from 'zod'

import { checked, httpUrlPattern, readEnvWhole, textOrNull, withDefault, type Environment } from '../../lib/env/envSchema'

/** The Fastly service the purge job also purges, when `FASTLY_SERVICE_ID` and `FASTLY_API_TOKEN` are set. */
export type FastlyEnv = {
  serviceId: string
  apiToken: string
  /** Fastly's API, https://api.fastly.com; another origin only for tests (FASTLY_API_URL). */
  apiUrl: string
}

/** A configured service: the id goes into the request path, so only Fastly's alphanumeric ids. */
const configured = z
  .object({
    FASTLY_SERVICE_ID: checked((raw) => /^[A-Za-z0-9]{1,64}$/.test(raw), () => 'FASTLY_SERVICE_ID must be Fastly\'s alphanumeric service id.'),
    FASTLY_API_TOKEN: z.string(),
    FASTLY_API_URL: checked((raw) => httpUrlPattern.test(raw), (raw) => `FASTLY_API_URL must be an http(s) URL, got "${raw}".`),
  })
  .transform((vars): FastlyEnv => ({ serviceId: vars.FASTLY_SERVICE_ID, apiToken: vars.FASTLY_API_TOKEN, apiUrl: vars.FASTLY_API_URL }))

/** Neither variable set reads as null before the service's own checks, which only a configured service needs. */
const fastlySchema = z
  .object({
    FASTLY_SERVICE_ID: textOrNull({ trim: true }),
    FASTLY_API_TOKEN: textOrNull({ trim: true }),
    FASTLY_API_URL: withDefault('https://api.fastly.com', { trim: true }).transform((url) => url.replace(/\/+$/, '')),
  })
  .refine((vars) => (vars.FASTLY_SERVICE_ID === null) === (vars.FASTLY_API_TOKEN === null), { error: 'FASTLY_SERVICE_ID and FASTLY_API_TOKEN go together.' })
  .transform((vars) => (vars.FASTLY_SERVICE_ID === null ? null : vars))
  .pipe(configured.nullable())

/**
 * Reads `FASTLY_SERVICE_ID`, `FASTLY_API_TOKEN` and `FASTLY_API_URL`. Neither set: no CDN purge.
 * One without the other is a configuration error, caught at start-up rather than at the first
 * purge. A service id is Fastly's alphanumeric identifier, which goes into the request path.
 */
export function parseFastlyEnv(env: Environment): FastlyEnv | null {
  return readEnvWhole(fastlySchema, env)
}
