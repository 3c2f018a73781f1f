import { IncomingMessage, type ServerResponse } from 'node:http'

import { decideCaching, graphqlCacheKey } from './responseCacheKey'
import { CACHE_HEADER, cachedResponse, storableHeaders, type CachedResponse, type ResponseCache } from './ResponseCache'

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void

export type ResponseCacheGate = {
  readonly cache: ResponseCache
  /** False while changes could be missed (the change listener is disconnected): then no caching. */
  readonly usable: () => boolean
}

/**
 * Puts the response cache in front of `handler` (Next.js, hence Payload): an anonymous read
 * (responseCacheKey.ts) is answered from the cache when it holds the key (HIT), shares the
 * computation of an identical read already running (HIT once it finishes), or runs `handler`
 * while its answer is recorded (MISS) and stored when it is a 200 that sets no cookie. Anything
 * else runs `handler` untouched (BYPASS). Payload itself is not changed.
 */
export function withResponseCache(handler: RequestHandler, gate: ResponseCacheGate): RequestHandler {
  return (req, res) => {
    if (!gate.usable()) return bypass(handler, req, res)
    const decision = decideCaching(req)
    if (decision.kind === 'bypass') return bypass(handler, req, res)
    if (decision.kind === 'get') return serveKeyed(handler, gate.cache, decision.key, req, res)
    readBody(req).then(
      (body) => {
        const replay = replayRequest(req, body)
        const key = graphqlCacheKey(decision.keyPrefix, body)
        if (key === null) bypass(handler, replay, res)
        else serveKeyed(handler, gate.cache, key, replay, res)
      },
      () => res.destroy(),
    )
  }
}

/**
 * A hit alone, tried by cms/server.ts before anything else is set up for the request (its
 * request line, its async context, its headers): true when `req` was answered from the cache,
 * with the headers `perRequestHeaders` gives (name, value, ...) added. False for anything else,
 * which then goes through the handler above. Only a request without a body: one with a body goes
 * to the body limits first, however it would be answered.
 */
export function answerFromCache(gate: ResponseCacheGate, req: IncomingMessage, res: ServerResponse, perRequestHeaders: () => readonly string[]): boolean {
  if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined) return false
  if (!gate.usable()) return false
  const decision = decideCaching(req)
  if (decision.kind !== 'get') return false
  const hit = gate.cache.get(decision.key)
  if (hit === undefined) return false
  send(res, hit, perRequestHeaders())
  return true
}

function bypass(handler: RequestHandler, req: IncomingMessage, res: ServerResponse): void {
  res.setHeader(CACHE_HEADER, 'BYPASS')
  handler(req, res)
}

function serveKeyed(handler: RequestHandler, cache: ResponseCache, key: string, req: IncomingMessage, res: ServerResponse): void {
  const hit = cache.get(key)
  if (hit !== undefined) return send(res, hit)
  const pending = cache.pending(key)
  if (pending !== undefined) {
    // Single flight: wait for the identical read in progress; if its answer cannot be shared
    // (not a 200, or its caller went away), compute our own.
    pending.then(
      (answer) => (answer === null ? compute(handler, cache, key, req, res) : send(res, answer)),
      () => compute(handler, cache, key, req, res),
    )
    return
  }
  compute(handler, cache, key, req, res)
}

function compute(handler: RequestHandler, cache: ResponseCache, key: string, req: IncomingMessage, res: ServerResponse): void {
  if (res.destroyed) return
  const generation = cache.generation
  cache.track(key, generation, record(res))
  res.setHeader(CACHE_HEADER, 'MISS')
  handler(req, res)
}

/** `extraHeaders` (name, value, ...): what answerFromCache adds that the cache does not store. */
function send(res: ServerResponse, answer: CachedResponse, extraHeaders: readonly string[] = []): void {
  if (res.destroyed) return
  // With its length (in headerList), the answer leaves in one write; without, writeHead commits
  // to chunked framing (the length is not known yet when it writes the head).
  res.writeHead(200, extraHeaders.length === 0 ? (answer.headerList as string[]) : answer.headerList.concat(extraHeaders))
  res.end(answer.body)
}

/** Largest body recorded; a larger answer is sent but not stored. */
const MAX_RECORDED_BYTES = 8 * 1024 * 1024

/** Copies what `res` sends; resolves with the answer once sent, or null if it is not storable. */
function record(res: ServerResponse): Promise<CachedResponse | null> {
  const chunks: Buffer[] = []
  let size = 0
  let tooLarge = false
  const collect = (chunk: unknown, encoding: unknown) => {
    if (tooLarge || chunk === undefined || chunk === null || typeof chunk === 'function') return
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array)
    size += buffer.length
    if (size > MAX_RECORDED_BYTES) {
      tooLarge = true
      chunks.length = 0
    } else chunks.push(buffer)
  }
  const write = res.write
  const end = res.end
  res.write = function recordWrite(this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0])
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest)
  } as typeof res.write
  res.end = function recordEnd(this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0])
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest)
  } as typeof res.end
  return new Promise((resolve) => {
    res.once('finish', () => {
      if (res.statusCode !== 200 || tooLarge) return resolve(null)
      const headers = storableHeaders(res.getHeaders())
      resolve(headers === null ? null : cachedResponse(headers, Buffer.concat(chunks)))
    })
    res.once('close', () => {
      if (!res.writableFinished) resolve(null)
    })
  })
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
    req.once('aborted', () => reject(new Error('request aborted')))
  })
}

/** The request again, its body (already read here) readable once more, for Next.js. */
function replayRequest(original: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(original.socket)
  replay.method = original.method
  replay.url = original.url
  replay.headers = original.headers
  replay.rawHeaders = original.rawHeaders
  replay.httpVersion = original.httpVersion
  replay.httpVersionMajor = original.httpVersionMajor
  replay.httpVersionMinor = original.httpVersionMinor
  // Else, ended and destroyed, it counts as aborted and destroys the connection's socket.
  replay.complete = true
  replay.push(body)
  replay.push(null)
  return replay
}
