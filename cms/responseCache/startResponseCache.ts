import { onContentChange } from './contentChangeSignal'
import { listenForContentChanges } from './listenForContentChanges'
import { ResponseCache } from './ResponseCache'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { answerFromCache, withResponseCache, type RequestHandler } from './withResponseCache'
import { cmsLog } from '../../lib/log/cmsLog'

export type ResponseCacheSettings = {
  readonly maxBytes: number
  readonly ttlMs: number
  readonly databaseUrl: string
}

export type StartedResponseCache = {
  readonly handler: RequestHandler
  readonly answerFromCache: (req: IncomingMessage, res: ServerResponse, perRequestHeaders: () => readonly string[]) => boolean
  readonly close: () => Promise<void>
}

/**
 * The response cache of one serving process (docs/cache.md, "The CMS's response cache"): dropped
 * whole on every change this process makes (at once and again at the commit) and every change
 * committed anywhere else (Postgres NOTIFY). Returns `handler` unchanged when maxBytes is 0.
 * `answerFromCache` is the hit alone (withResponseCache.ts), for the server to try first.
 */
export function startResponseCache(handler: RequestHandler, settings: ResponseCacheSettings): StartedResponseCache {
  if (settings.maxBytes === 0) return { handler, answerFromCache: () => false, close: async () => undefined }
  const cache = new ResponseCache({ maxBytes: settings.maxBytes, ttlMs: settings.ttlMs })
  const drop = () => void cache.dropAll()
  const stopLocal = onContentChange(drop)
  const listener = listenForContentChanges({
    databaseUrl: settings.databaseUrl,
    onChange: drop,
    // The logger names the process itself (lib/log).
    log: { info: (message) => cmsLog.info(message.replace(/^cms:\s*/, '')), warn: (message) => cmsLog.warn(message.replace(/^cms:\s*/, '')) },
  })
  const gate = { cache, usable: listener.listening }
  return {
    handler: withResponseCache(handler, gate),
    answerFromCache: (req, res, perRequestHeaders) => answerFromCache(gate, req, res, perRequestHeaders),
    close: async () => {
      stopLocal()
      await listener.close()
    },
  }
}
