/**
 * The CMS side: the process logger of cms/server.ts, the one Payload is given (its config's
 * `logger` option takes a pino instance), and a wrapper for the node:http handler that logs
 * every request with its id. The renderer is the CMS's caller and sends its visitor request's
 * id in X-Request-Id; a valid id is kept from any caller (it only labels that caller's own
 * request, and the format check keeps it from forging lines), anything else is replaced.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import { createLogger, createRequestLineLogger, type Logger } from './createLogger'
import { logRequest } from './logRequest'
import { withRequestId } from './requestId'

export const cmsLog: Logger = createLogger('cms')

/** The CMS's request lines (withCmsRequestLog), named `cms` like its other lines. */
export const cmsRequestLog: Logger = createRequestLineLogger('cms')

/** Payload's own lines (database, jobs, errors) in the same format, named `payload`. */
export function createPayloadLogger(): Logger {
  return createLogger('payload')
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void

export function withCmsRequestLog(log: Logger, handler: Handler): Handler {
  return (req, res) => {
    const { id } = logRequest(log, req, res, true)
    withRequestId(id, () => handler(req, res))
  }
}
