import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * The largest request body each family of routes takes (issue 18, bodies read before limits):
 * Next.js and Payload read a body whole, before access and throttles run, so a limit must act
 * at the server, before anything reads. One limit per family, far above real use:
 * - GraphQL: queries with their variables (the largest real one is a few kB);
 * - legacy API (`/api/v1/`, `/api/v2/`): the release tooling's small JSON documents;
 * - uploads (multipart bodies on `/api/`): UPLOAD_MAX_BYTES, plus room for the form's other fields;
 * - everything else (REST JSON, the admin): documents with their rich text.
 */
export type BodyFamily = 'graphql' | 'legacyApi' | 'upload' | 'json'

export type RequestBodyLimits = Readonly<Record<BodyFamily, number>>

const KIB = 1024
const MIB = 1024 * KIB

/** Multipart bodies carry the document's other fields beside the file. */
const MULTIPART_OVERHEAD_BYTES = 1 * MIB

export function requestBodyLimits(uploadMaxBytes: number): RequestBodyLimits {
  return { graphql: 256 * KIB, legacyApi: 256 * KIB, upload: uploadMaxBytes + MULTIPART_OVERHEAD_BYTES, json: 2 * MIB }
}

const FAMILY_NAMES: Record<BodyFamily, string> = { graphql: 'A GraphQL request', legacyApi: 'A request to the downloads API', upload: 'An upload', json: 'A request body' }

export function bodyFamilyOf(url: string | undefined, contentType: string | undefined): BodyFamily {
  const path = (url ?? '/').split('?')[0]
  if (path === '/api/graphql' || path.startsWith('/api/graphql/')) return 'graphql'
  if (/^\/api\/v[12]\//.test(path)) return 'legacyApi'
  if (path.startsWith('/api/') && /^multipart\/form-data\b/i.test(contentType ?? '')) return 'upload'
  return 'json'
}

/**
 * What an over-limit body may still send, read and thrown away, before the 413: clients (fetch,
 * curl) send the whole body before reading the answer and report a reset connection, not the 413,
 * when the server stops reading. Past this, or DRAIN_MS, the connection is cut.
 */
const DRAIN_MAX_BYTES = 64 * MIB
const DRAIN_MS = 10_000

function answer413(req: IncomingMessage, res: ServerResponse, family: BodyFamily, limit: number): void {
  if (res.headersSent) {
    req.socket.destroy()
    return
  }
  // Payload's and GraphQL's error shape, so clients read it as they read other refusals.
  const message = `${FAMILY_NAMES[family]} may be at most ${limit} bytes.`
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' })
  // The connection closes once the answer is out: the app may still be waiting for the body.
  res.end(JSON.stringify({ errors: [{ message }] }), () => req.socket.destroy())
}

/**
 * Applies the family's limit to a request before the app sees it. A declared Content-Length over
 * the limit is refused without passing the request on (returns false). A body without one
 * (chunked) is counted as the HTTP parser hands it over, by wrapping the stream's `push`: the app
 * never receives more than the limit. Either way the rest is read and discarded (up to
 * DRAIN_MAX_BYTES and DRAIN_MS), then the 413 is sent and the connection closed.
 * Hand-written: body-parser-style limits work only for code that reads through them, and here
 * Next.js reads the raw request itself.
 */
export function enforceBodyLimit(req: IncomingMessage, res: ServerResponse, limits: RequestBodyLimits): boolean {
  // No Content-Length and no Transfer-Encoding: by HTTP/1.1's framing the request has no body
  // (most requests: every GET). Nothing to count, and not wrapping `push` keeps the request an
  // ordinary IncomingMessage, whose own property would slow every later use of it.
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return true
  const family = bodyFamilyOf(req.url, req.headers['content-type'])
  const limit = limits[family]
  const declared = req.headers['content-length']
  let received = 0
  let refusing = false
  let answered = false
  const finish = () => {
    if (answered) return
    answered = true
    answer413(req, res, family, limit)
  }
  const startRefusing = () => {
    refusing = true
    setTimeout(finish, DRAIN_MS).unref()
  }
  const push = req.push.bind(req)
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk === null) {
      if (refusing) {
        finish()
        return false
      }
      return push(chunk, encoding)
    }
    received += Buffer.isBuffer(chunk) || typeof chunk === 'string' ? Buffer.byteLength(chunk) : 0
    if (!refusing && received > limit) startRefusing()
    if (!refusing) return push(chunk, encoding)
    if (received > limit + DRAIN_MAX_BYTES) finish()
    return true
  }
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > limit)) {
    startRefusing()
    // Nobody else reads this request: flow it through the wrapper above, which discards it.
    if (!/^\d+$/.test(declared) || Number(declared) > limit + DRAIN_MAX_BYTES) finish()
    else req.resume()
    return false
  }
  return true
}
