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

type Environment = Readonly<Record<string, string | undefined>>

function rate(env: Environment, name: string, fallback: number): number {
  const raw = env[name]?.trim()
  if (raw == null || raw === '') return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 1_000_000_000) {
    throw new Error(`${name} must be a whole number of requests, 1 or more, got "${raw}".`)
  }
  return Number(raw)
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
    trustedProxies: parseTrustedProxies(env.TRUST_PROXY),
    legacyApiPerHour: rate(env, 'LEGACY_API_RATE_PER_HOUR', 600),
    anonymousGraphqlPerMinute: rate(env, 'GRAPHQL_ANONYMOUS_RATE_PER_MINUTE', 60),
    searchPerMinute: rate(env, 'SEARCH_RATE_PER_MINUTE', 60),
    restAnonymousPerMinute: rate(env, 'REST_ANONYMOUS_RATE_PER_MINUTE', 300),
    restAnonymousExemptAddresses: exemptAddresses(env.REST_ANONYMOUS_EXEMPT_ADDRESSES),
    rendererKey: env.PURGE_SECRET?.trim() || null,
    storySubmissionsPerHour: rate(env, 'STORY_SUBMISSIONS_PER_HOUR', 5),
    jobSubmissionsPerHour: rate(env, 'JOB_SUBMISSIONS_PER_HOUR', 5),
    signInPerHour: rate(env, 'SIGN_IN_RATE_PER_HOUR', 30),
    signInGlobalPerHour: rate(env, 'SIGN_IN_GLOBAL_RATE_PER_HOUR', 600),
    accountSignUpsPerHour: rate(env, 'ACCOUNT_SIGN_UPS_PER_HOUR', 10),
    accountSignInsPerHour: rate(env, 'ACCOUNT_SIGN_INS_PER_HOUR', 30),
    accountSignInsPerAccountPerHour: rate(env, 'ACCOUNT_SIGN_INS_PER_ACCOUNT_PER_HOUR', 20),
    accountResetsPerHour: rate(env, 'ACCOUNT_RESETS_PER_HOUR', 10),
    accountMailsPerAccountPerHour: rate(env, 'ACCOUNT_MAILS_PER_ACCOUNT_PER_HOUR', 5),
  }
}
