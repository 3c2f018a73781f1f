import pg from 'pg'

import { CONTENT_CHANGE_CHANNEL } from './dropOnContentChange'

export type ContentChangeListener = {
  /** True while the LISTEN is in place: only then can a cached answer be trusted. */
  readonly listening: () => boolean
  close(): Promise<void>
}

export type ListenOptions = {
  readonly databaseUrl: string
  /** A change committed somewhere (or the connection came back, and changes may have been missed). */
  readonly onChange: (reason: string) => void
  readonly log: { info(message: string): void; warn(message: string): void }
}

/** Reconnect quickly and keep trying: 200 ms, 400 ms, ... at most every 2 s. */
const reconnectDelayMs = (attempt: number) => Math.min(attempt * 200, 2_000)

/**
 * Holds one Postgres connection LISTENing on the content-change channel for this process's
 * response cache. Postgres keeps no history of notifications: while the connection is down a
 * change can be missed, so the cache is not used then (`listening()` is false), and it is
 * dropped whole each time the LISTEN is (re)established.
 */
export function listenForContentChanges(options: ListenOptions): ContentChangeListener {
  let client: pg.Client | undefined
  let listening = false
  let closed = false
  let attempt = 0
  let outageReported = false

  const connect = async () => {
    if (closed) return
    const next = new pg.Client({ connectionString: options.databaseUrl })
    next.on('error', () => undefined)
    next.on('end', () => {
      if (client !== next) return
      listening = false
      client = undefined
      if (!closed) {
        if (!outageReported) options.log.warn('cms: lost the database connection the response cache listens on; not caching until it is back')
        outageReported = true
        schedule()
      }
    })
    next.on('notification', (message) => {
      if (message.channel === CONTENT_CHANGE_CHANNEL) options.onChange(message.payload ?? 'change')
    })
    try {
      await next.connect()
      await next.query(`LISTEN ${CONTENT_CHANGE_CHANNEL}`)
    } catch (error) {
      await next.end().catch(() => undefined)
      if (!outageReported) options.log.warn(`cms: cannot listen for content changes (${error instanceof Error ? error.message : String(error)}); not caching until it can`)
      outageReported = true
      schedule()
      return
    }
    if (closed) {
      await next.end().catch(() => undefined)
      return
    }
    client = next
    attempt = 0
    // Anything committed while nobody listened is unknown: start empty.
    options.onChange('listening')
    listening = true
    if (outageReported) options.log.info('cms: listening for content changes again; the response cache was emptied')
    outageReported = false
  }
  const schedule = () => {
    attempt += 1
    setTimeout(() => void connect(), reconnectDelayMs(attempt)).unref()
  }
  void connect()

  return {
    listening: () => listening,
    async close() {
      closed = true
      listening = false
      const current = client
      client = undefined
      await current?.end().catch(() => undefined)
    },
  }
}
