import type { IncomingMessage } from 'node:http'

import { parse, type DocumentNode } from 'graphql'

/**
 * Which requests the CMS's response cache may answer, and under which key.
 *
 * Only anonymous callers: any cookie (Payload's session cookie, whatever its prefix, and every
 * other one), any `Authorization` (a JWT, a Payload API key, the legacy API's `ApiKey`, the
 * renderer acting for a signed-in account) or a preview token means BYPASS, so an answer that
 * depends on who asks is never shared. The renderer's shared key (X-Pydotorg-Renderer-Key) only
 * exempts it from the per-client limit and changes no answer: neither bypass nor key.
 *
 * The key holds everything else an answer can depend on: method, path, the query sorted, a
 * GraphQL body, and the headers the API reads (content negotiation, CORS's Origin, the host and
 * forwarded host that absolute links are built from; cms/server.ts has already dropped untrusted
 * forwarded headers). Other headers are ignored; the client address only matters to the limits,
 * whose 429s are never stored (only 200s are).
 */
export type CacheDecision =
  | { readonly kind: 'bypass'; readonly reason: string }
  | { readonly kind: 'get'; readonly key: string }
  | { readonly kind: 'graphql'; readonly keyPrefix: string }

const KEYED_HEADERS = ['accept', 'accept-encoding', 'accept-language', 'origin', 'host', 'x-forwarded-host', 'x-forwarded-proto'] as const

/** Credentials and per-caller inputs: present, the request is never answered from the cache. */
const PERSONAL_HEADERS = ['cookie', 'authorization', 'x-pydotorg-preview-token'] as const

/**
 * REST paths never cached: live or personal answers (health, search with its own limit and
 * index, previews), the auth collections and their endpoints, and Payload's own collections.
 */
const UNCACHED_PATHS: readonly RegExp[] = [
  /^\/api\/health(\/|$)/,
  /^\/api\/search(\/|$)/,
  /^\/api\/preview/,
  /^\/api\/(users|accounts|memberships)(\/|$)/,
  /^\/api\/payload-/,
  /^\/api\/access(\/|$)/,
  /\/(me|init|access|review-queue)\/?$/,
]

/** A GraphQL body larger than this is passed through (the cache key would be the body). */
export const MAX_GRAPHQL_BODY_BYTES = 64 * 1024

export function decideCaching(req: IncomingMessage): CacheDecision {
  for (const name of PERSONAL_HEADERS) if (req.headers[name] !== undefined) return { kind: 'bypass', reason: `${name} header` }
  const url = new URL(req.url ?? '/', 'http://cms.invalid')
  const path = url.pathname
  if (!path.startsWith('/api/')) return { kind: 'bypass', reason: 'not the API' }
  if (path === '/api/graphql' || path === '/api/graphql/') {
    if (req.method !== 'POST') return { kind: 'bypass', reason: 'GraphQL over GET' }
    const type = String(req.headers['content-type'] ?? '')
    const length = Number(req.headers['content-length'])
    if (!/^application\/json\b/i.test(type)) return { kind: 'bypass', reason: 'GraphQL body not JSON' }
    if (!Number.isInteger(length) || length <= 0 || length > MAX_GRAPHQL_BODY_BYTES) return { kind: 'bypass', reason: 'GraphQL body length' }
    return { kind: 'graphql', keyPrefix: `POST ${path}${sortedQuery(url)}\n${headerPart(req)}` }
  }
  if (req.method !== 'GET') return { kind: 'bypass', reason: 'method' }
  if (UNCACHED_PATHS.some((pattern) => pattern.test(path))) return { kind: 'bypass', reason: 'uncached path' }
  return { kind: 'get', key: `GET ${path}${sortedQuery(url)}\n${headerPart(req)}` }
}

/**
 * The key of a GraphQL request with `body`, or null when it must not be cached: a body that is
 * not one JSON object with a string `query`, a document that does not parse, or one holding a
 * mutation or subscription (only documents made of queries alone are cached, whichever
 * operation is named).
 */
export function graphqlCacheKey(keyPrefix: string, body: Buffer): string | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null
  const { query, variables, operationName } = parsed as Record<string, unknown>
  if (typeof query !== 'string') return null
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: 5_000 })
  } catch {
    return null
  }
  const onlyQueries = document.definitions.every((definition) => definition.kind !== 'OperationDefinition' || definition.operation === 'query')
  if (!onlyQueries) return null
  return `${keyPrefix}\n${JSON.stringify({ query, variables: variables ?? null, operationName: operationName ?? null })}`
}

function sortedQuery(url: URL): string {
  // By name only: the sort is stable, so repeated parameters keep their order (it can matter).
  const pairs = [...url.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return pairs.length === 0 ? '' : `?${new URLSearchParams(pairs).toString()}`
}

function headerPart(req: IncomingMessage): string {
  return KEYED_HEADERS.map((name) => `${name}:${String(req.headers[name] ?? '')}`).join('\n')
}
