/**
 * One line per answered request, with its id: method, redacted URL, status, duration. Shared
 * by the renderer's Express middleware and the CMS's node:http server. The id is echoed in the
 * response's `X-Request-Id` so an operator can find a visitor's report in the logs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Logger } from 'pino'

import { redactUrl } from './redaction'
import { requestIdFrom, requestIdHeader } from './requestId'

/**
 * Picks the request's id (the incoming one when `acceptIncoming` and valid, else new), sets the
 * response header and logs the request when it finishes. Returns the id and a child logger.
 */
export function logRequest(logger: Logger, req: IncomingMessage, res: ServerResponse, acceptIncoming: boolean): { id: string; log: Logger } {
  const id = requestIdFrom(acceptIncoming ? req.headers[requestIdHeader] : undefined)
  if (!res.headersSent) res.setHeader('X-Request-Id', id)
  const started = process.hrtime.bigint()
  const done = (aborted: boolean) => {
    if (!logger.isLevelEnabled('info')) return
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    // The id as a field of the line, the same JSON a child logger writes: a child per request
    // costs more than the rest of an answer from the CMS's response cache.
    const line = { requestId: id, method: req.method, url: redactUrl(req.url ?? ''), status: res.statusCode, ms: Math.round(ms * 10) / 10, ...(aborted ? { aborted: true } : {}) }
    // Info whatever the status: a failure's cause is logged where it happened, at its own level.
    logger.info(line, 'request')
  }
  res.once('finish', () => done(false))
  res.once('close', () => {
    if (!res.writableFinished) done(true)
  })
  // The request's own logger, made when a caller first uses it (the renderer's routes do).
  let child: Logger | undefined
  return {
    id,
    get log() {
      return (child ??= logger.child({ requestId: id }))
    },
  }
}
