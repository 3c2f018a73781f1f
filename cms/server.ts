/**
 * The CMS's HTTP server: Next.js (the admin and Payload's API routes) behind a plain
 * `node:http` server, as `next start` runs it, with one addition. Next.js gives API routes a
 * web Request without the connection's address and keeps whatever `X-Forwarded-For` a client
 * sends, so per-client limits (cms/throttle/) could be dodged by inventing a header. Here the
 * client's address is worked out from the socket, and from `X-Forwarded-For` only through the
 * proxies TRUST_PROXY names, then written into a header of our own that replaces any sent;
 * X-Forwarded-Host and -Proto are dropped unless a trusted proxy sent them.
 * And request bodies are capped per route family before Next.js reads them (cms/requestLimits/).
 * Anonymous API reads are answered from the response cache (cms/responseCache/) when they can be,
 * and with CMS_WORKERS > 1 this file runs as a node:cluster primary (cms/cluster/) and its workers.
 *
 * Run: node --import tsx cms/server.ts --port 3000 (from the repository root, after the build).
 */
import cluster from 'node:cluster'
import { createServer } from 'node:http'
import path from 'node:path'

import next from 'next'

import { cmsLog, cmsRequestLog, withCmsRequestLog } from '../lib/log/cmsLog'
import { loadCmsEnv, loadTrustedProxies, loadUploadMaxBytes } from './config/cmsEnv'
import { loadCmsServerEnv, type CmsServerEnv } from './config/serverEnv'
import { runCmsPrimary } from './cluster/runCmsPrimary'
import { heartbeatIntervalFor, startHeartbeat } from '../lib/watchdog/heartbeat'
import { requestIdFrom, requestIdHeader } from '../lib/log/requestId'
import { dropUntrustedForwardedHeaders } from './net/untrustedForwardedHeaders'
import { enforceBodyLimit, requestBodyLimits } from './requestLimits/requestBodyLimits'
import { startHitSummary } from './responseCache/hitSummary'
import { startResponseCache } from './responseCache/startResponseCache'
import { markClientAddressStamped, stampClientAddress } from './throttle/clientAddressHeader'

function portFromArguments(args: readonly string[]): number {
  const index = args.indexOf('--port')
  const raw = index === -1 ? undefined : args[index + 1]
  const port = Number(raw)
  if (raw === undefined || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error('cms/server.ts needs --port <0-65535>.')
  return port
}

async function main(serverEnv: CmsServerEnv): Promise<void> {
  const servedBy = `cms-${cluster.worker?.id ?? 1}`
  const port = portFromArguments(process.argv.slice(2))
  const trusted = loadTrustedProxies()
  const bodyLimits = requestBodyLimits(loadUploadMaxBytes())
  const app = next({ dev: false, dir: path.join(process.cwd(), 'cms'), port })
  const handle = app.getRequestHandler()
  await app.prepare()
  markClientAddressStamped()

  // Anonymous API reads answered from memory (issue 14, cms/responseCache/); Payload is untouched.
  const responseCache = startResponseCache(
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        cmsLog.error({ err: error }, 'unhandled error answering a request')
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
        res.end('The server could not complete this request.')
      })
    },
    { maxBytes: serverEnv.responseCacheMaxBytes, ttlMs: serverEnv.responseCacheTtlMs, databaseUrl: loadCmsEnv(process.env, () => undefined).databaseUrl },
  )

  // Logging (lib/log): one line per request not answered from the response cache, with its
  // X-Request-Id (kept from the renderer).
  const logged = withCmsRequestLog(cmsRequestLog, (req, res) => {
    // Before anything reads the body: an oversized one is a 413 here (issue 18).
    if (!enforceBodyLimit(req, res, bodyLimits)) return
    res.setHeader('x-served-by', servedBy)
    responseCache.handler(req, res)
  })
  const hits = startHitSummary(cmsRequestLog, 60_000)
  const server = createServer((req, res) => {
    stampClientAddress(req, trusted)
    // Before the cache key is made: it holds the forwarded host and protocol a trusted proxy sent.
    dropUntrustedForwardedHeaders(req, trusted)
    // An anonymous read the response cache holds is answered here, before its request line and
    // async context are set up (they cost more than the answer): counted (hitSummary.ts), with
    // its own X-Request-Id all the same.
    if (responseCache.answerFromCache(req, res, () => ['x-served-by', servedBy, requestIdHeader, requestIdFrom(req.headers[requestIdHeader])])) {
      hits.count()
      return
    }
    logged(req, res)
  })
  server.on('error', (error) => {
    cmsLog.error({ err: error }, `cannot listen on port ${port}`)
    process.exit(1)
  })
  server.listen(port, () => {
    // A worker of CMS_WORKERS > 1: the primary (cms/cluster/runCmsPrimary.ts) replaces it when
    // these beats stop. Started once listening: Next.js's start above may block for a while, which
    // the primary allows for a worker's first beat.
    if (cluster.isWorker) startHeartbeat(process, heartbeatIntervalFor(serverEnv.workerStallMs))
    const proxies = trusted.kind === 'none' ? 'none' : trusted.kind === 'hops' ? `${trusted.hops} hop(s)` : trusted.description
    cmsLog.info(`listening on port ${port} (trusted proxies: ${proxies})`)
  })

  // Stop taking connections, let requests in flight finish (briefly), then leave.
  const stop = (signal: NodeJS.Signals) => {
    cmsLog.info(`${signal} received, closing after in-flight requests`)
    const leave = () => {
      hits.stop()
      cmsLog.info('stopped')
      process.exit(0)
    }
    server.close(leave)
    server.closeIdleConnections()
    setTimeout(leave, 5_000).unref()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

function start(): void {
  const serverEnv = loadCmsServerEnv()
  // CMS_WORKERS > 1: this process only supervises workers running this same file (issue 14).
  if (cluster.isPrimary && serverEnv.workers > 1) {
    runCmsPrimary({ workers: serverEnv.workers, port: portFromArguments(process.argv.slice(2)), workerStallMs: serverEnv.workerStallMs })
    return
  }
  main(serverEnv).catch((error: unknown) => {
    cmsLog.fatal(error instanceof Error ? error.message : String(error))
    process.exit(1)
  })
}

// A bad variable is an operator mistake: say which one, without a stack trace.
try {
  start()
} catch (error) {
  cmsLog.fatal(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
