import { onContentChange } from './contentChangeSignal'
import { listenForContentChanges } from './listenForContentChanges'
import { ResponseCache } from './ResponseCache'
import { withResponseCache, type RequestHandler } from './withResponseCache'
import { cmsLog } from '../../lib/log/cmsLog'

export type ResponseCacheSettings = {
  readonly maxBytes: number
  readonly ttlMs: number
  readonly databaseUrl: string
}

/**
 * The response cache of one serving process (docs/cache.md, "The CMS's response cache"): dropped
 * whole on every change this process makes (at once and again at the commit) and every change
 * committed anywhere else (Postgres NOTIFY). Returns `handler` unchanged when maxBytes is 0.
 */
export function startResponseCache(handler: RequestHandler, settings: ResponseCacheSettings): { handler: RequestHandler; close: () => Promise<void> } {
  if (settings.maxBytes === 0) return { handler, close: async () => undefined }
  const cache = new ResponseCache({ maxBytes: settings.maxBytes, ttlMs: settings.ttlMs })
  const drop = () => void cache.dropAll()
  const stopLocal = onContentChange(drop)
  const listener = listenForContentChanges({
    databaseUrl: settings.databaseUrl,
    onChange: drop,
    // The logger names the process itself (lib/log).
    log: { info: (message) => cmsLog.info(message.replace(/^cms:\s*/, '')), warn: (message) => cmsLog.warn(message.replace(/^cms:\s*/, '')) },
  })
  return {
    handler: withResponseCache(handler, { cache, usable: listener.listening }),
    close: async () => {
      stopLocal()
      await listener.close()
    },
  }
}
