import { LRUCache } from 'lru-cache'

/** Says on every API answer where it came from; tests and the benchmark read it. */
export const CACHE_HEADER = 'x-cms-cache'

/** One stored answer: what Next.js sent for a cacheable anonymous read (always a 200). */
export type CachedResponse = {
  readonly body: Buffer
  /**
   * The answer's stored headers as writeHead's flat [name, value, ...] list, with the body's
   * length and `X-CMS-Cache: HIT`: built once when stored, so a hit assembles no header object.
   */
  readonly headerList: readonly string[]
}

/** The stored form of an answer with these (storable) headers and body. */
export function cachedResponse(headers: Readonly<Record<string, string | string[]>>, body: Buffer): CachedResponse {
  const headerList: string[] = []
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const one of value) headerList.push(name, one)
    else headerList.push(name, value)
  }
  headerList.push('content-length', String(body.length), CACHE_HEADER, 'HIT')
  return { body, headerList }
}

export type ResponseCacheOptions = {
  /** Upper bound of the stored bodies and headers, in bytes (least recently used dropped first). */
  readonly maxBytes: number
  /**
   * Bounds what no write announces: answers that change with the clock alone (a job posting past
   * its expiry before the expiry run, an event that became past). Writes drop entries at once.
   */
  readonly ttlMs: number
}

/**
 * Headers never stored: per connection, or per answer (the request id is the asker's: a hit
 * replaying the id of the request that computed it would point the asker at someone else's line).
 */
const UNSTORED_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date', 'x-cms-cache', 'x-served-by', 'x-request-id'])

/**
 * The CMS's cache of anonymous read answers (cms/responseCache/withResponseCache.ts decides what
 * is cacheable and keys it). Two rules keep it correct under writes:
 * - `dropAll` empties it and starts a new generation; an answer whose computation began in an
 *   older generation is not stored (it may have read data from before the change);
 * - concurrent identical misses share one computation (single flight), but only within one
 *   generation: a request arriving after a drop never joins a computation started before it.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse>
  private readonly inflight = new Map<string, Promise<CachedResponse | null>>()
  private generationNumber = 0
  private readonly maxEntryBytes: number

  constructor(options: ResponseCacheOptions) {
    this.maxEntryBytes = Math.max(1, Math.floor(options.maxBytes / 8))
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: Math.max(1, options.maxBytes),
      ttl: options.ttlMs,
      sizeCalculation: (entry) => sizeOf(entry),
    })
  }

  get generation(): number {
    return this.generationNumber
  }

  get(key: string): CachedResponse | undefined {
    return this.entries.get(key)
  }

  /** The computation in flight for `key` in this generation, if any. */
  pending(key: string): Promise<CachedResponse | null> | undefined {
    return this.inflight.get(key)
  }

  /**
   * Registers the computation of `key` begun in `generation`; stores its answer when it is
   * cacheable (not null), fits, and no drop happened since it began.
   */
  track(key: string, generation: number, computation: Promise<CachedResponse | null>): Promise<CachedResponse | null> {
    if (generation === this.generationNumber) this.inflight.set(key, computation)
    const settle = (answer: CachedResponse | null) => {
      if (this.inflight.get(key) === computation) this.inflight.delete(key)
      if (answer !== null && generation === this.generationNumber && sizeOf(answer) <= this.maxEntryBytes) this.entries.set(key, answer)
    }
    computation.then(settle, () => settle(null))
    return computation
  }

  /** Drops every entry and every computation in flight (their answers will not be stored). */
  dropAll(): number {
    const dropped = this.entries.size
    this.generationNumber += 1
    this.entries.clear()
    this.inflight.clear()
    return dropped
  }

  get size(): number {
    return this.entries.size
  }
}

/** The headers of `raw` worth storing, or null when the answer must not be stored at all. */
export function storableHeaders(raw: Record<string, number | string | string[] | undefined>): Record<string, string | string[]> | null {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(raw)) {
    const lower = name.toLowerCase()
    if (value === undefined || UNSTORED_HEADERS.has(lower)) continue
    // An answer that sets a cookie or says it is personal is never shared. `no-store` alone is
    // addressed to caches downstream (the legacy API sends it because its answers vary with
    // Authorization): this cache, part of the origin, only holds anonymous answers and is dropped
    // on every write.
    if (lower === 'set-cookie') return null
    if (lower === 'cache-control' && /\bprivate\b/i.test(String(value))) return null
    headers[lower] = typeof value === 'number' ? String(value) : value
  }
  return headers
}

function sizeOf(entry: CachedResponse): number {
  let size = entry.body.length + 64
  for (const part of entry.headerList) size += part.length + 2
  return size
}
