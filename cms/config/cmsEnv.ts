import path from 'node:path'

import { z } from 'zod'

import { resolveDataDir } from '../runtime/dataDir'
import { persistentSecret } from '../runtime/persistentSecret'
import { parseFastlyEnv, type FastlyEnv } from './fastlyEnv'
import { parseAllowFirstRegister } from './firstRegisterEnv'
import { parseMailEnv, type MailEnv } from './mailEnv'
import { parseS3StorageEnv, type S3StorageEnv } from './s3StorageEnv'
import { parseThrottleEnv, type ThrottleEnv } from './throttleEnv'
import { checked, httpUrlPattern, readEnv, redisUrlProblem, unsetOr, type Environment } from '../../lib/env/envSchema'
import { cmsLog } from '../../lib/log/cmsLog'

/** Everything the CMS process takes from its environment, parsed once. */
export type CmsEnv = {
  databaseUrl: string
  payloadSecret: string
  siteUrl: string
  cmsUrl: string
  /** Where editors open the admin in a browser: the Payload server URL and a CSRF origin. */
  cmsPublicUrl: string
  dataDir: string
  releaseFileUrlPrefix: string
  uploadMaxBytes: number
  purgeSecret: string | null
  /** Renderers whose page cache a content change purges (each gets `POST <url>/_purge`). */
  webPurgeUrls: string[]
  /** Search runs on Meilisearch when set (with its API key); otherwise on Postgres full-text search. */
  meilisearchUrl: string | null
  meilisearchApiKey: string | null
  /** Redis whose pub/sub carries cache purges to every renderer (instead of `webPurgeUrls`). */
  redisUrl: string | null
  /** The Fastly service the purge job soft-purges by surrogate key after the renderers; null: no CDN purge. */
  fastly: FastlyEnv | null
  /** S3-compatible storage for uploaded release artifacts; null keeps them on local disk. */
  s3: S3StorageEnv | null
  /** The Python Insider blog's RSS/Atom feed, imported into `news` by the importBlogFeed job. */
  blogFeedUrl: string
  /** peps.python.org's release-cycle JSON, which the refreshReleaseCycles job reads. */
  releaseCycleUrl: string
  /** Request limits per client and the proxies trusted to name the client (cms/throttle/). */
  throttle: ThrottleEnv
  /** SMTP_URL and EMAIL_FROM, or files under <DATA_DIR>/mail/ (cms/mail/). */
  mail: MailEnv
  /** Session cookies get `Secure` when the site or the admin is served over https. */
  secureCookies: boolean
  /** ALLOW_FIRST_REGISTER (default: not in production): Payload's create-first-user screen is open. */
  allowFirstRegister: boolean
  /**
   * CMS_RUNS_JOBS (default 1): this process runs the jobs crons and schedules. With CMS_WORKERS > 1
   * the primary sets 1 for one worker and 0 for the others (cms/cluster/runCmsPrimary.ts).
   */
  runsJobs: boolean
  production: boolean
}

export const DEFAULT_EMBEDDED_PG_PORT = 5433
export const EMBEDDED_DATABASE = 'pythondotorg'
export const EMBEDDED_PASSWORD_FILE = 'postgres-password'

// Each variable is a zod schema (lib/env/envSchema.ts) whose failure is the operator's message.
function readVariable<T>(env: Environment, name: string, schema: z.ZodType<T, string | undefined>): T {
  return readEnv({ [name]: schema }, env)[name] as T
}

function positiveInteger(env: Environment, name: string, fallback: number): number {
  const value = checked((raw) => Number.isInteger(Number(raw)) && Number(raw) > 0, (raw) => `${name} must be a positive integer, got "${raw}".`).transform(Number)
  return readVariable(env, name, unsetOr(fallback, value))
}

const httpUrlText = (name: string) => checked((raw) => httpUrlPattern.test(raw), (raw) => `${name} must be an http(s) URL, got "${raw}".`)

function httpUrl(env: Environment, name: string, fallback: string | null): string | null {
  return readVariable(env, name, unsetOr(fallback, httpUrlText(name).transform((raw) => raw.replace(/\/+$/, ''))))
}

/** An http(s) URL taken as given (a feed's path or query may need its trailing slash). */
function exactHttpUrl(env: Environment, name: string, fallback: string): string {
  return readVariable(env, name, unsetOr(fallback, httpUrlText(name)))
}

/** A comma-separated list of http(s) URLs, e.g. one renderer per machine. */
function httpUrlList(env: Environment, name: string, fallback: string): string[] {
  const raw = env[name]
  if (raw == null || raw.trim() === '') return [fallback]
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => httpUrl({ [name]: item }, name, null) as string)
}

/** `redis://` or `rediss://`, with a host; not echoed when wrong, since it usually holds a password. */
function redisUrl(env: Environment): string | null {
  const value = checked(
    (raw) => redisUrlProblem(raw) === null,
    (raw) => `REDIS_URL must be a redis:// or rediss:// URL such as redis://:password@redis.internal:6379/0; ${redisUrlProblem(raw)}.`,
  )
  return readVariable({ REDIS_URL: env.REDIS_URL?.trim() }, 'REDIS_URL', unsetOr<string | null>(null, value))
}

/**
 * The key goes with a URL; the variable's earlier name is refused rather than ignored, so a
 * deployment still setting it learns at start-up instead of from 401s on every search.
 */
function meilisearchApiKey(env: Environment): string | null {
  if (env.MEILISEARCH_KEY) throw new Error('MEILISEARCH_KEY is now called MEILISEARCH_API_KEY: rename it.')
  const key = env.MEILISEARCH_API_KEY || null
  if (key !== null && !env.MEILISEARCH_URL) throw new Error('MEILISEARCH_API_KEY is set without MEILISEARCH_URL: set both, or neither for Postgres search.')
  return key
}

/**
 * Without `DATABASE_URL`, the CMS uses the embedded Postgres that `npm start` (or the tests)
 * started on `EMBEDDED_PG_PORT`, whose password is kept in the data directory.
 */
function databaseUrl(env: Environment, dataDir: string): string {
  if (env.DATABASE_URL) {
    return readVariable(env, 'DATABASE_URL', z.string().regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_URL must be a postgres:// URL.' }))
  }
  const port = positiveInteger(env, 'EMBEDDED_PG_PORT', DEFAULT_EMBEDDED_PG_PORT)
  const password = persistentSecret(dataDir, EMBEDDED_PASSWORD_FILE, () => undefined)
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`
}

export type { Environment }

export function loadCmsEnv(env: Environment = process.env, warn: (message: string) => void = (message) => cmsLog.warn(message)): CmsEnv {
  const dataDir = resolveDataDir(env)
  const cmsPort = positiveInteger(env, 'CMS_PORT', 3000)
  const prefix = readVariable(
    env,
    'RELEASE_FILE_URL_PREFIX',
    unsetOr('https://www.python.org/ftp/python/', z.string().regex(/^https?:\/\/\S+\/$/, { error: 'RELEASE_FILE_URL_PREFIX must be an http(s) URL ending in "/".' })),
  )
  return {
    databaseUrl: databaseUrl(env, dataDir),
    payloadSecret: env.PAYLOAD_SECRET || persistentSecret(dataDir, 'payload-secret', warn),
    siteUrl: httpUrl(env, 'SITE_URL', 'http://localhost:8080') as string,
    cmsUrl: httpUrl(env, 'CMS_URL', `http://127.0.0.1:${cmsPort}`) as string,
    cmsPublicUrl: httpUrl(env, 'CMS_PUBLIC_URL', `http://localhost:${cmsPort}`) as string,
    dataDir,
    releaseFileUrlPrefix: prefix,
    uploadMaxBytes: positiveInteger(env, 'UPLOAD_MAX_BYTES', 100 * 1024 * 1024),
    purgeSecret: env.PURGE_SECRET || null,
    webPurgeUrls: httpUrlList(env, 'WEB_PURGE_URLS', `http://127.0.0.1:${positiveInteger(env, 'WEB_PORT', 8080)}`),
    meilisearchUrl: httpUrl(env, 'MEILISEARCH_URL', null),
    meilisearchApiKey: meilisearchApiKey(env),
    redisUrl: redisUrl(env),
    fastly: parseFastlyEnv(env),
    s3: parseS3StorageEnv(env),
    blogFeedUrl: exactHttpUrl(env, 'BLOG_FEED_URL', 'https://blog.python.org/feeds/posts/default?alt=rss'),
    releaseCycleUrl: exactHttpUrl(env, 'RELEASE_CYCLE_URL', 'https://peps.python.org/api/release-cycle.json'),
    throttle: parseThrottleEnv(env),
    mail: parseMailEnv(env, dataDir),
    secureCookies: [env.SITE_URL, env.CMS_PUBLIC_URL].some((url) => url?.trim().startsWith('https://')),
    allowFirstRegister: parseAllowFirstRegister(env),
    runsJobs: env.CMS_RUNS_JOBS?.trim() !== '0',
    production: env.NODE_ENV === 'production',
  }
}

/** Only `TRUST_PROXY`, for the CMS's HTTP server (cms/server.ts), which needs nothing else. */
/** UPLOAD_MAX_BYTES alone, for the HTTP server's body limits (cms/requestLimits/), read before Payload starts. */
export function loadUploadMaxBytes(env: Environment = process.env): number {
  return positiveInteger(env, 'UPLOAD_MAX_BYTES', 100 * 1024 * 1024)
}

export function loadTrustedProxies(env: Environment = process.env): ThrottleEnv['trustedProxies'] {
  return parseThrottleEnv(env).trustedProxies
}

/** Where uploaded media live: inside the data directory, so they survive rebuilds. */
export function mediaDirOf(env: CmsEnv): string {
  return path.join(env.dataDir, 'media')
}
