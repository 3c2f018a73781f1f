import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import type { Readable } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'

import { feedFetchAllowsPrivate } from '../config/feedFetchEnv'
import { isPublicAddress } from '../net/publicAddress'

/** python.org's importers give a feed 30 seconds: for the whole fetch, redirects and body included. */
const FEED_TIMEOUT_MS = 30_000

/** Far above any real feed (python.org's calendars and blog feed are well under 1 MB); counted after decompression. */
const FEED_MAX_BYTES = 20 * 1024 * 1024

/** Browsers follow 20; a feed behind more than 5 is broken or hostile. */
const FEED_MAX_REDIRECTS = 5

export type FetchFeedOptions = {
  /** Lets the fetch reach loopback and private addresses: tests' fixture servers only (FEED_FETCH_ALLOW_PRIVATE). */
  allowPrivate?: boolean
  maxBytes?: number
  timeoutMs?: number
  maxRedirects?: number
  /** Which resolved addresses count as public (cms/net/publicAddress.ts); a test narrows it to tell one loopback address from another. */
  isPublic?: (address: string) => boolean
}

/** A failure whose message is safe for the Jobs log: it names the editor's URL, never an internal host's answer. */
class FeedFetchError extends Error {}

const REFUSED = 'refused: the host is not a public address'

/**
 * GETs a feed's text for an import job. Anything but a 2xx answer, a timeout, an unreachable
 * host or an oversized body throws an error naming the URL, so the job fails (and is retried)
 * without touching the database.
 *
 * The URL is an editor's, fetched from inside the CMS's network (issue 18, SSRF): every host,
 * the first and each redirect's, is resolved here and refused unless all its addresses are public
 * (cms/net/publicAddress.ts), and the socket connects to the address that was checked (the
 * lookup hook hands it over), so a second DNS answer cannot swap in an internal one. A refused
 * host is reported without its address, status or error code, so the Jobs log is no port scanner.
 * Written on node:http rather than fetch() because fetch offers no hook on the resolved address;
 * the body is decompressed here, counted as it streams, and cut off at the byte and time limits.
 */
export async function fetchFeed(url: string, accept: string, options: FetchFeedOptions = {}): Promise<string> {
  const allowPrivate = options.allowPrivate ?? feedFetchAllowsPrivate()
  const isPublic = allowPrivate ? () => true : (options.isPublic ?? isPublicAddress)
  const maxBytes = options.maxBytes ?? FEED_MAX_BYTES
  const timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS
  const maxRedirects = options.maxRedirects ?? FEED_MAX_REDIRECTS
  const deadline = AbortSignal.timeout(timeoutMs)
  let current = url
  try {
    for (let redirects = 0; ; redirects += 1) {
      const target = parseTarget(current, url)
      const response = await get(target, accept, isPublic, deadline)
      const location = response.headers.location
      if (response.statusCode !== undefined && [301, 302, 303, 307, 308].includes(response.statusCode) && location !== undefined) {
        response.destroy()
        if (redirects >= maxRedirects) throw new FeedFetchError(`GET ${url} failed: more than ${maxRedirects} redirects`)
        current = new URL(location, target).toString()
        continue
      }
      const status = response.statusCode ?? 0
      if (status < 200 || status > 299) {
        response.destroy()
        throw new FeedFetchError(`GET ${url} answered ${status} ${response.statusMessage ?? ''}`.trimEnd())
      }
      const declared = Number(response.headers['content-length'])
      if (Number.isFinite(declared) && declared > maxBytes) {
        response.destroy()
        throw new FeedFetchError(`GET ${url} answered ${declared} bytes, more than the ${maxBytes} a feed may have`)
      }
      return await readLimited(response, url, maxBytes, deadline)
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error
    if (deadline.aborted) throw new Error(`GET ${url} failed: no answer within ${timeoutMs / 1000} s`, { cause: error })
    throw new Error(`GET ${url} failed: ${describeFailure(error)}`, { cause: error })
  }
}

function parseTarget(current: string, original: string): URL {
  let target: URL
  try {
    target = new URL(current)
  } catch {
    throw new FeedFetchError(`GET ${original} failed: not a valid URL`)
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new FeedFetchError(`GET ${original} failed: only http and https URLs are fetched`)
  return target
}

/** A lookup for the socket that fails unless every address the name resolves to is public. */
function checkedLookup(isPublic: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0)
      if (addresses.length === 0 || addresses.some((address) => !isPublic(address.address))) {
        return callback(Object.assign(new Error(REFUSED), { code: 'ENOTPUBLIC' }), '', 0)
      }
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses)
      callback(null, addresses[0].address, addresses[0].family)
    })
  }
}

function get(target: URL, accept: string, isPublic: (address: string) => boolean, signal: AbortSignal): Promise<IncomingMessage> {
  // Node connects to an IP literal without a lookup, so a literal is checked here.
  const literal = target.hostname.replace(/^\[|\]$/g, '')
  if (isIP(literal) !== 0 && !isPublic(literal)) return Promise.reject(new FeedFetchError(`GET ${target.toString()} ${REFUSED}`))
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const outgoing = request(target, {
      headers: { accept, 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'python.org content system (feed import)' },
      lookup: checkedLookup(isPublic),
      signal,
    })
    outgoing.on('response', resolve)
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOTPUBLIC' ? new FeedFetchError(`GET ${target.toString()} ${REFUSED}`) : error)
    })
    outgoing.end()
  })
}

/** Reads the (decompressed) body, failing as soon as it passes maxBytes or the deadline passes. */
function readLimited(response: IncomingMessage, url: string, maxBytes: number, deadline: AbortSignal): Promise<string> {
  const encoding = String(response.headers['content-encoding'] ?? '').trim().toLowerCase()
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : null
  const body: Readable = decoder ? response.pipe(decoder) : response
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    const stop = (error: Error) => {
      deadline.removeEventListener('abort', onAbort)
      response.destroy()
      decoder?.destroy()
      reject(error)
    }
    const onAbort = () => stop(new Error('the time limit passed while reading the body'))
    deadline.addEventListener('abort', onAbort, { once: true })
    body.on('data', (chunk: Buffer) => {
      total += chunk.length
      if (total > maxBytes) stop(new FeedFetchError(`GET ${url} answered more than the ${maxBytes} bytes a feed may have`))
      else chunks.push(chunk)
    })
    body.on('error', (error) => stop(error))
    response.on('error', (error) => stop(error))
    body.on('end', () => {
      deadline.removeEventListener('abort', onAbort)
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
  })
}

// Network failures carry the reason in `code` (ECONNREFUSED, ENOTFOUND, ...).
function describeFailure(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined
  return code ?? (error instanceof Error ? error.message : String(error))
}
