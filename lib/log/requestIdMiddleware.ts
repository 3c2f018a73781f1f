/**
 * Express middleware: gives each request an id (kept from a trusted proxy's `X-Request-Id`,
 * else new), logs the request's line, and runs the rest of the request inside the id's async
 * context so the CMS client sends it on (web/src/cms/client.ts) and `req.log` carries it.
 */
import type { RequestHandler } from 'express'
import type { Logger } from 'pino'

import { logRequest } from './logRequest'
import { withRequestId } from './requestId'

declare module 'express-serve-static-core' {
  interface Request {
    /** This request's logger: every line carries its requestId. */
    log?: Logger
    requestId?: string
  }
}

export function requestIdMiddleware(logger: Logger, fromTrustedProxy: (socketAddress: string) => boolean): RequestHandler {
  return (req, res, next) => {
    const peer = req.socket.remoteAddress ?? ''
    const { id, log } = logRequest(logger, req, res, fromTrustedProxy(peer))
    req.log = log
    req.requestId = id
    withRequestId(id, next)
  }
}
