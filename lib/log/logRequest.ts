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
  const log = logger.child({ requestId: id })
  if (!res.headersSent) res.setHeader('X-Request-Id', id)
  const started = process.hrtime.bigint()
  const done = (aborted: boolean) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    const line = { method: req.method, url: redactUrl(req.url ?? ''), status: res.statusCode, ms: Math.round(ms * 10) / 10, ...(aborted ? { aborted: true } : {}) }
    // Info whatever the status: a failure's cause is logged where it happened, at its own level.
    log.info(line, 'request')
  }
  res.once('finish', () => done(false))
  res.once('close', () => {
    if (!res.writableFinished) done(true)
  })
  return { id, log }
}
