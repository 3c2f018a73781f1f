import { z } from 'zod'

import { decimalIn, readEnv, unsetOr, type Environment, type VariableSchema } from '../../lib/env/envSchema'
import { parseTrustedProxies, type TrustedProxies } from '../../lib/throttle/clientAddress'

/** The CMS's request limits per client (issue 6) and who may name the client behind a proxy. */
export type ThrottleEnv = {
  /** From `TRUST_PROXY`: unset, `X-Forwarded-For` is ignored and the connection's address counts. */
  trustedProxies: TrustedProxies
  /** The legacy downloads API per API key (per address for guests); python.org allows 600. */
  legacyApiPerHour: number
  /** GraphQL per client address for anonymous callers; signed-in staff are not limited. */
  anonymousGraphqlPerMinute: number
  /** Anonymous REST reads per client address (issue 18); the exempt addresses (the renderer) are not counted. */
  restAnonymousPerMinute: number
  /** REST_ANONYMOUS_EXEMPT_ADDRESSES: the site's renderer, whose anonymous reads are neither capped nor counted. */
  restAnonymousExemptAddresses: TrustedProxies
  /** PURGE_SECRET, shared with the renderers: a request carrying it (X-Pydotorg-Renderer-Key) is a renderer's, exempt like the addresses. */
  rendererKey: string | null
  /** `GET /api/search` per client address. */
  searchPerMinute: number
  /** `POST /api/success-stories/submit` per client address (the site's form limits per visitor too). */
  storySubmissionsPerHour: number
  /** New job postings by visitors' accounts, per account and per client address (the site's form counts per visitor too). */
  jobSubmissionsPerHour: number
  /** Sign-in attempts (REST, the admin's form, GraphQL's loginUser) per client address (issue 18). */
  signInPerHour: number
  /** Sign-in attempts from all clients together: a spray from many addresses slows down too. */
  signInGlobalPerHour: number
  /** Visitors' accounts (issue 11): sign-ups per client address. */
  accountSignUpsPerHour: number
  /** Account sign-in attempts per client address. */
  accountSignInsPerHour: number
  /** Account sign-in attempts per username or email given (besides Payload's lockout after 5 wrong passwords). */
  accountSignInsPerAccountPerHour: number
  /** Forgotten-password requests, reset and verification links used, per client address. */
  accountResetsPerHour: number
  /** Messages to one address or account (sign-up, reset, re-sent verification, email change) and reset attempts per account. */
  accountMailsPerAccountPerHour: number
}

/** A limit: unset or blank keeps python.org's default; otherwise whole digits from 1 to 10^9. */
function rate(name: string, fallback: number): VariableSchema<number> {
  const limit = decimalIn(1, 1_000_000_000, (raw) => `${name} must be a whole number of requests, 1 or more, got "${raw}".`)
  return z
    .string()
    .optional()
    .transform((raw) => raw?.trim())
    .pipe(unsetOr(fallback, limit))
}

/** Each limit's variable and python.org's default. */
const RATE_LIMITS = {
  legacyApiPerHour: ['LEGACY_API_RATE_PER_HOUR', 600],
  anonymousGraphqlPerMinute: ['GRAPHQL_ANONYMOUS_RATE_PER_MINUTE', 60],
  searchPerMinute: ['SEARCH_RATE_PER_MINUTE', 60],
  restAnonymousPerMinute: ['REST_ANONYMOUS_RATE_PER_MINUTE', 300],
  storySubmissionsPerHour: ['STORY_SUBMISSIONS_PER_HOUR', 5],
  jobSubmissionsPerHour: ['JOB_SUBMISSIONS_PER_HOUR', 5],
  signInPerHour: ['SIGN_IN_RATE_PER_HOUR', 30],
  signInGlobalPerHour: ['SIGN_IN_GLOBAL_RATE_PER_HOUR', 600],
  accountSignUpsPerHour: ['ACCOUNT_SIGN_UPS_PER_HOUR', 10],
  accountSignInsPerHour: ['ACCOUNT_SIGN_INS_PER_HOUR', 30],
  accountSignInsPerAccountPerHour: ['ACCOUNT_SIGN_INS_PER_ACCOUNT_PER_HOUR', 20],
  accountResetsPerHour: ['ACCOUNT_RESETS_PER_HOUR', 10],
  accountMailsPerAccountPerHour: ['ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR', 5],
} as const satisfies Partial<Record<keyof ThrottleEnv, readonly [string, number]>>

type RateSetting = keyof typeof RATE_LIMITS

function readRates(env: Environment): Record<RateSetting, number> {
  const limits = Object.entries(RATE_LIMITS) as [RateSetting, readonly [string, number]][]
  const byVariable = readEnv(Object.fromEntries(limits.map(([, [variable, fallback]]) => [variable, rate(variable, fallback)])), env)
  return Object.fromEntries(limits.map(([setting, [variable]]) => [setting, byVariable[variable]])) as Record<RateSetting, number>
}

/** A list of addresses, CIDR ranges and loopback/linklocal/uniquelocal (default loopback), or none. */
function exemptAddresses(raw: string | undefined): TrustedProxies {
  const value = raw?.trim() || 'loopback'
  if (value === 'none') return { kind: 'none' }
  const parsed = parseTrustedProxies(value, 'REST_ANONYMOUS_EXEMPT_ADDRESSES')
  if (parsed.kind === 'hops') throw new Error(`REST_ANONYMOUS_EXEMPT_ADDRESSES must list addresses, CIDR ranges or loopback, linklocal, uniquelocal (or be none), got "${value}".`)
  return parsed
}

/** Reads `TRUST_PROXY` and the `*_PER_HOUR` / `*_PER_MINUTE` limits, with python.org's defaults. */
export function parseThrottleEnv(env: Environment): ThrottleEnv {
  return {
    ...readRates(env),
    trustedProxies: parseTrustedProxies(env.TRUST_PROXY),
    restAnonymousExemptAddresses: exemptAddresses(env.REST_ANONYMOUS_EXEMPT_ADDRESSES),
    rendererKey: env.PURGE_SECRET?.trim() || null,
  }
}
