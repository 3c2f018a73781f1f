/**
 * Renderer configuration. This is the only module of web/ that reads process.env:
 * everything else receives a WebConfig, so tests can build one without touching the
 * environment. Values are parsed once at start-up and bad ones stop the process early.
 */
import { availableParallelism } from 'node:os';
import type { z } from 'zod';
import { checked, decimalIn, readEnv, redisUrlProblem, withDefault, type Environment } from '../../lib/env/envSchema';
import { parseTrustedProxies, type TrustedProxies } from '../../lib/throttle/clientAddress';
import { defaultPurgeAllowedAddresses, parsePurgeAllowedAddresses } from './cache/purgeAllowance';

export interface WebConfig {
  /** TCP port the renderer listens on. */
  readonly port: number;
  /** Base URL of the Payload CMS, without a trailing slash. */
  readonly cmsUrl: string;
  /** Public origin of the site, without a trailing slash (canonical links, feeds). */
  readonly siteUrl: string;
  /** Origin of CMS_PUBLIC_URL, where the CMS serves media (logos, story images): admitted in img-src. */
  readonly mediaOrigin: string;
  /** How long a single request to the CMS may take before it is abandoned. */
  readonly cmsTimeoutMs: number;
  /** Renderer processes (node:cluster workers); 1 runs a single process without cluster. */
  readonly workers: number;
  /** Bearer secret of `POST /_purge`; null disables authenticated purges (answered 403). */
  readonly purgeSecret: string | null;
  /** Upper bound of each worker's page cache, in bytes. */
  readonly cacheMaxBytes: number;
  /** Redis carrying purges between renderers on every machine; null keeps them in-process. */
  readonly redisUrl: string | null;
  /** Proxies whose `X-Forwarded-For` names the visitor (TRUST_PROXY); none by default. */
  readonly trustedProxies: TrustedProxies;
  /** Success-story submissions per visitor address and hour, per renderer process. */
  readonly storySubmissionsPerHour: number;
  /** Posts of each account form (sign-up, sign-in, password reset) per visitor address and hour. */
  readonly accountFormPostsPerHour: number;
  /** New job postings per visitor address and hour on /jobs/create/ (the CMS also counts per account). */
  readonly jobSubmissionsPerHour: number;
  /** Who may send PURGE <url> without the secret (PURGE_ALLOWED_ADDRESSES). */
  readonly purgeAllowedAddresses: TrustedProxies;
  /** How long a request may wait to be answered before it gets the 503 page (or the stale copy). */
  readonly renderBudgetMs: number;
  /** A worker whose event loop sends no heartbeat for this long is killed and replaced. */
  readonly workerStallMs: number;
  /**
   * Test-only hooks (WEB_TEST_HOOKS=1): `POST /_test/freeze` blocks the worker that receives it,
   * so the watchdog can be shown to work. Never set in production.
   */
  readonly testHooks: boolean;
}

export const webConfigDefaults = {
  WEB_PORT: '8080',
  CMS_URL: 'http://127.0.0.1:3000',
  SITE_URL: 'http://localhost:8080',
  CMS_PUBLIC_URL: 'http://localhost:3000',
  CMS_TIMEOUT_MS: '5000',
  // Empty means "one per core", resolved when the config is loaded.
  WEB_WORKERS: '',
  PURGE_SECRET: '',
  PURGE_ALLOWED_ADDRESSES: defaultPurgeAllowedAddresses,
  WEB_CACHE_MAX_MB: '256',
  REDIS_URL: '',
  TRUST_PROXY: '',
  STORY_SUBMISSIONS_PER_HOUR: '5',
  ACCOUNT_FORM_POSTS_PER_HOUR: '20',
  JOB_SUBMISSIONS_PER_HOUR: '5',
  WEB_RENDER_BUDGET_MS: '10000',
  WEB_WORKER_STALL_MS: '5000',
  WEB_TEST_HOOKS: '',
} as const;

/** Shorter secrets are guessable; the CMS and the renderer share this one over the network. */
const minimumPurgeSecretLength = 16;

type ConfigVariable = keyof typeof webConfigDefaults;

// An empty value counts as unset: `FOO=` in a .env file or compose file usually means
// "use the default", not "use the empty string".
const variable = (name: ConfigVariable) => withDefault(webConfigDefaults[name], { trim: true });

const port = (name: ConfigVariable) => variable(name).pipe(decimalIn(0, 65535, (raw) => `${name} must be an integer between 0 and 65535, got "${raw}"`));

const positiveInteger = (name: ConfigVariable) =>
  variable(name).pipe(decimalIn(1, Number.MAX_SAFE_INTEGER, (raw) => `${name} must be a positive integer, got "${raw}"`));

const httpUrl = (name: ConfigVariable) =>
  variable(name)
    .pipe(checked((raw) => URL.canParse(raw), (raw) => `${name} must be an absolute http(s) URL, got "${raw}"`))
    .pipe(checked((raw) => ['http:', 'https:'].includes(new URL(raw).protocol), (raw) => `${name} must use http or https, got "${raw}"`))
    .pipe(checked((raw) => new URL(raw).search === '' && new URL(raw).hash === '', (raw) => `${name} must not contain a query string or fragment, got "${raw}"`))
    // Callers append paths such as "/api/releases", so keep a base path but drop the slash.
    .transform((raw) => new URL(raw).href.replace(/\/+$/, ''));

const webEnv = {
  WEB_PORT: port('WEB_PORT'),
  CMS_URL: httpUrl('CMS_URL'),
  SITE_URL: httpUrl('SITE_URL'),
  CMS_PUBLIC_URL: httpUrl('CMS_PUBLIC_URL'),
  CMS_TIMEOUT_MS: positiveInteger('CMS_TIMEOUT_MS'),
  WEB_WORKERS: variable('WEB_WORKERS').pipe(
    checked(
      (raw) => raw === '' || (/^\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) && Number(raw) >= 1),
      (raw) => `WEB_WORKERS must be a positive integer, got "${raw}"`,
    )
      .pipe(checked((raw) => raw === '' || Number(raw) <= 256, (raw) => `WEB_WORKERS must be at most 256, got "${raw}"`))
      // Empty means "one per core".
      .transform((raw) => (raw === '' ? availableParallelism() : Number(raw))),
  ),
  PURGE_SECRET: variable('PURGE_SECRET').pipe(
    checked(
      (raw) => raw === '' || raw.length >= minimumPurgeSecretLength,
      () => `PURGE_SECRET must be at least ${minimumPurgeSecretLength} characters long`,
    ).transform((raw) => (raw === '' ? null : raw)),
  ),
  WEB_CACHE_MAX_MB: positiveInteger('WEB_CACHE_MAX_MB'),
  // The value is not echoed: a Redis URL usually carries its password.
  REDIS_URL: variable('REDIS_URL').pipe(
    checked(
      (raw) => raw === '' || redisUrlProblem(raw) === null,
      (raw) => `REDIS_URL must be a redis:// or rediss:// URL such as redis://:password@redis.internal:6379/0; ${redisUrlProblem(raw)}`,
    ).transform((raw) => (raw === '' ? null : raw)),
  ),
  TRUST_PROXY: variable('TRUST_PROXY').transform((raw) => parseTrustedProxies(raw)),
  STORY_SUBMISSIONS_PER_HOUR: positiveInteger('STORY_SUBMISSIONS_PER_HOUR'),
  ACCOUNT_FORM_POSTS_PER_HOUR: positiveInteger('ACCOUNT_FORM_POSTS_PER_HOUR'),
  JOB_SUBMISSIONS_PER_HOUR: positiveInteger('JOB_SUBMISSIONS_PER_HOUR'),
  PURGE_ALLOWED_ADDRESSES: variable('PURGE_ALLOWED_ADDRESSES').transform((raw) => parsePurgeAllowedAddresses(raw)),
  WEB_RENDER_BUDGET_MS: variable('WEB_RENDER_BUDGET_MS').pipe(
    decimalIn(100, 300_000, (raw) => `WEB_RENDER_BUDGET_MS must be a whole number of ms from 100 to 300000, got "${raw}"`),
  ),
  // Under a second, a long garbage collection on a loaded machine could pass for a stall.
  WEB_WORKER_STALL_MS: variable('WEB_WORKER_STALL_MS').pipe(
    decimalIn(1000, 600_000, (raw) => `WEB_WORKER_STALL_MS must be a whole number of ms from 1000 to 600000, got "${raw}"`),
  ),
  WEB_TEST_HOOKS: variable('WEB_TEST_HOOKS').pipe(
    checked(
      (raw) => ['', '0', '1'].includes(raw),
      (raw) => `WEB_TEST_HOOKS must be 1 (tests only) or unset, got "${raw}"`,
    ).transform((raw) => raw === '1'),
  ),
} satisfies Record<ConfigVariable, z.ZodType<unknown, string | undefined>>;

export function loadWebConfig(env: Environment = process.env): WebConfig {
  const vars = readEnv(webEnv, env);
  return {
    port: vars.WEB_PORT,
    cmsUrl: vars.CMS_URL,
    siteUrl: vars.SITE_URL,
    mediaOrigin: new URL(vars.CMS_PUBLIC_URL).origin,
    cmsTimeoutMs: vars.CMS_TIMEOUT_MS,
    workers: vars.WEB_WORKERS,
    purgeSecret: vars.PURGE_SECRET,
    cacheMaxBytes: vars.WEB_CACHE_MAX_MB * 1024 * 1024,
    redisUrl: vars.REDIS_URL,
    trustedProxies: vars.TRUST_PROXY,
    storySubmissionsPerHour: vars.STORY_SUBMISSIONS_PER_HOUR,
    accountFormPostsPerHour: vars.ACCOUNT_FORM_POSTS_PER_HOUR,
    jobSubmissionsPerHour: vars.JOB_SUBMISSIONS_PER_HOUR,
    purgeAllowedAddresses: vars.PURGE_ALLOWED_ADDRESSES,
    renderBudgetMs: vars.WEB_RENDER_BUDGET_MS,
    workerStallMs: vars.WEB_WORKER_STALL_MS,
    testHooks: vars.WEB_TEST_HOOKS,
  };
}
