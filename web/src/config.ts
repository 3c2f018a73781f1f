/**
 * Renderer configuration. This is the only module of web/ that reads process.env:
 * everything else receives a WebConfig, so tests can build one without touching the
 * environment. Values are parsed once at start-up and bad ones stop the process early.
 */
import { availableParallelism } from 'node:os';
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

type Environment = Readonly<Record<string, string | undefined>>;

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

export function loadWebConfig(env: Environment = process.env): WebConfig {
  return {
    port: parsePort('WEB_PORT', readVariable(env, 'WEB_PORT')),
    cmsUrl: parseHttpUrl('CMS_URL', readVariable(env, 'CMS_URL')),
    siteUrl: parseHttpUrl('SITE_URL', readVariable(env, 'SITE_URL')),
    mediaOrigin: new URL(parseHttpUrl('CMS_PUBLIC_URL', readVariable(env, 'CMS_PUBLIC_URL'))).origin,
    cmsTimeoutMs: parsePositiveInteger('CMS_TIMEOUT_MS', readVariable(env, 'CMS_TIMEOUT_MS')),
    workers: parseWorkers(readVariable(env, 'WEB_WORKERS')),
    purgeSecret: parsePurgeSecret(readVariable(env, 'PURGE_SECRET')),
    cacheMaxBytes: parsePositiveInteger('WEB_CACHE_MAX_MB', readVariable(env, 'WEB_CACHE_MAX_MB')) * 1024 * 1024,
    redisUrl: parseRedisUrl(readVariable(env, 'REDIS_URL')),
    trustedProxies: parseTrustedProxies(readVariable(env, 'TRUST_PROXY')),
    storySubmissionsPerHour: parsePositiveInteger('STORY_SUBMISSIONS_PER_HOUR', readVariable(env, 'STORY_SUBMISSIONS_PER_HOUR')),
    accountFormPostsPerHour: parsePositiveInteger('ACCOUNT_FORM_POSTS_PER_HOUR', readVariable(env, 'ACCOUNT_FORM_POSTS_PER_HOUR')),
    jobSubmissionsPerHour: parsePositiveInteger('JOB_SUBMISSIONS_PER_HOUR', readVariable(env, 'JOB_SUBMISSIONS_PER_HOUR')),
    purgeAllowedAddresses: parsePurgeAllowedAddresses(readVariable(env, 'PURGE_ALLOWED_ADDRESSES')),
    renderBudgetMs: parseRenderBudget(readVariable(env, 'WEB_RENDER_BUDGET_MS')),
    workerStallMs: parseWorkerStall(readVariable(env, 'WEB_WORKER_STALL_MS')),
    testHooks: parseTestHooks(readVariable(env, 'WEB_TEST_HOOKS')),
  };
}

function parseRenderBudget(raw: string): number {
  const value = parseInteger(raw);
  if (value === undefined || value < 100 || value > 300_000) {
    throw new Error(`WEB_RENDER_BUDGET_MS must be a whole number of ms from 100 to 300000, got "${raw}"`);
  }
  return value;
}

// Under a second, a long garbage collection on a loaded machine could pass for a stall.
function parseWorkerStall(raw: string): number {
  const value = parseInteger(raw);
  if (value === undefined || value < 1000 || value > 600_000) {
    throw new Error(`WEB_WORKER_STALL_MS must be a whole number of ms from 1000 to 600000, got "${raw}"`);
  }
  return value;
}

function parseTestHooks(raw: string): boolean {
  if (raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new Error(`WEB_TEST_HOOKS must be 1 (tests only) or unset, got "${raw}"`);
}

function parseWorkers(raw: string): number {
  if (raw === '') return availableParallelism();
  const workers = parsePositiveInteger('WEB_WORKERS', raw);
  if (workers > 256) throw new Error(`WEB_WORKERS must be at most 256, got "${raw}"`);
  return workers;
}

function parsePurgeSecret(raw: string): string | null {
  if (raw === '') return null;
  if (raw.length < minimumPurgeSecretLength) {
    throw new Error(`PURGE_SECRET must be at least ${minimumPurgeSecretLength} characters long`);
  }
  return raw;
}

// The value is not echoed: a Redis URL usually carries its password.
function parseRedisUrl(raw: string): string | null {
  if (raw === '') return null;
  const expected = 'a redis:// or rediss:// URL such as redis://:password@redis.internal:6379/0';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`REDIS_URL must be ${expected}; the value given is not a URL`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new Error(`REDIS_URL must be ${expected}; the value given uses "${url.protocol}"`);
  }
  if (url.hostname === '') throw new Error(`REDIS_URL must be ${expected}; the value given names no host`);
  if (!/^\/?(\d+)?$/.test(url.pathname)) {
    throw new Error(`REDIS_URL must be ${expected}; its path must be a database number, not "${url.pathname}"`);
  }
  return raw;
}

// An empty value counts as unset: `FOO=` in a .env file or compose file usually means
// "use the default", not "use the empty string".
function readVariable(env: Environment, name: ConfigVariable): string {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? webConfigDefaults[name] : value;
}

function parsePort(name: ConfigVariable, raw: string): number {
  const port = parseInteger(raw);
  if (port === undefined || port < 0 || port > 65535) {
    throw new Error(`${name} must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function parsePositiveInteger(name: ConfigVariable, raw: string): number {
  const value = parseInteger(raw);
  if (value === undefined || value < 1) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

// Number("") is 0 and Number("1e3") is 1000; accept plain decimal digits only.
function parseInteger(raw: string): number | undefined {
  if (!/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : undefined;
}

function parseHttpUrl(name: ConfigVariable, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must use http or https, got "${raw}"`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error(`${name} must not contain a query string or fragment, got "${raw}"`);
  }
  // Callers append paths such as "/api/releases", so keep a base path but drop the slash.
  return url.href.replace(/\/+$/, '');
}
