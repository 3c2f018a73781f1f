/**
 * Entry point of the public renderer: load config, then either run the cluster primary
 * (WEB_WORKERS > 1), which forks workers running this same file, or serve as a single
 * process. A serving process puts the page cache in front of the Express app; nothing
 * else belongs here, so everything it assembles can be tested without a process.
 */
import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createApp } from './app';
import { clusterPurger } from './cache/clusterPurger';
import { createCachingHandler } from './cache/createCachingHandler';
import { PageCache } from './cache/PageCache';
import { CmsReadCache } from './cms/CmsReadCache';
import { localPurger, type Purger } from './cache/Purger';
import { connectRedisPurgeBus } from './cache/redisPurgeBus';
import { redisPurger } from './cache/redisPurger';
import { runPrimary } from './cluster/runPrimary';
import { withTestFreezeHook } from './cluster/withTestFreezeHook';
import { loadWebConfig, type WebConfig } from './config';
import { createServices } from './services/index';
import { webLog } from './log';
import { createRedisStore } from '../../lib/throttle/createRedisStore';
import { heartbeatIntervalFor, startHeartbeat } from '../../lib/watchdog/heartbeat';

/**
 * CMS reads are reused until a purge names their collection; the lifetime only bounds a lost
 * purge. Pages live five minutes (cacheProfiles.public), so one re-rendered on expiry reads
 * data at most a minute old even then.
 */
const cmsReadLifetimeMs = 60_000;
/** Distinct reads: the shared collections, plus one per release, page or story looked up. */
const cmsReadMaxEntries = 2_000;

/** How long in-flight requests get to finish after SIGTERM before the process exits. */
const shutdownGraceMs = 10_000;

const config = loadConfigOrExit();
if (cluster.isPrimary && config.workers > 1) runPrimary(config);
else serve(config);

function serve(config: WebConfig): void {
  // The primary's watchdog replaces this worker when the beats stop (see runPrimary).
  if (cluster.isWorker) startHeartbeat(process, heartbeatIntervalFor(config.workerStallMs));
  const cache = new PageCache(config.cacheMaxBytes);
  const readCache = new CmsReadCache({ lifetimeMs: cmsReadLifetimeMs, maxEntries: cmsReadMaxEntries });
  cache.onPurge((order) => readCache.purge(order));
  const worker = cluster.worker;
  // With REDIS_URL, the story form's limit is one budget for every renderer process and machine.
  const throttleStore = config.redisUrl === null ? undefined : createRedisStore(config.redisUrl, { warn: (message) => webLog.warn(message) });
  const app = createApp(createServices(config, readCache), config, { throttleStore });
  const handler = createCachingHandler(app, {
    cache,
    purge: createPurger(config, cache),
    purgeSecret: config.purgeSecret,
    purgeAllowance: { allowedAddresses: config.purgeAllowedAddresses, trustedProxies: config.trustedProxies },
    servedBy: `worker-${worker?.id ?? 1}`,
  });
  if (config.testHooks) webLog.warn(`WEB_TEST_HOOKS is set: POST /_test/freeze blocks this process (for tests only, never in production)`);
  const server = createServer(config.testHooks ? withTestFreezeHook(handler) : handler);

  server.on('error', (error) => {
    webLog.error({ err: error }, `cannot listen on port ${config.port}`);
    process.exit(1);
  });

  server.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    webLog.info(`listening on http://localhost:${port} (public URL ${config.siteUrl}, CMS ${config.cmsUrl})`);
  });

  const shutDown = (signal: NodeJS.Signals) => {
    webLog.info(`${signal} received, closing after in-flight requests`);
    // Stop accepting connections; idle keep-alive sockets would otherwise hold close() open.
    server.close((error) => {
      if (error) {
        webLog.error({ err: error }, 'error while closing the server');
        process.exit(1);
      }
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      webLog.error(`requests still open after ${shutdownGraceMs} ms, exiting anyway`);
      process.exit(1);
    }, shutdownGraceMs).unref();
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
}

/** Over Redis when REDIS_URL is set (every machine), else within this machine's processes. */
function createPurger(config: WebConfig, cache: PageCache): Purger {
  if (config.redisUrl !== null) {
    const bus = connectRedisPurgeBus({ url: config.redisUrl, origin: `web-${randomUUID()}`, apply: (order) => cache.purge(order) });
    return redisPurger(cache, bus);
  }
  return cluster.worker === undefined ? localPurger(cache) : clusterPurger(cache, process);
}

// A bad variable is an operator mistake: say which one, without a stack trace.
function loadConfigOrExit(): WebConfig {
  try {
    return loadWebConfig();
  } catch (error) {
    webLog.fatal(`invalid configuration: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
