import { IncomingMessage } from 'node:http'
import { Socket } from 'node:net'

import { describe, expect, it } from 'vitest'

import { decideCaching, graphqlCacheKey } from '../../../../cms/responseCache/responseCacheKey'

function request(method: string, url: string, headers: Record<string, string> = {}): IncomingMessage {
  const req = new IncomingMessage(new Socket())
  req.method = method
  req.url = url
  req.headers = headers
  return req
}

function keyOf(method: string, url: string, headers: Record<string, string> = {}): string {
  const decision = decideCaching(request(method, url, headers))
  if (decision.kind !== 'get') throw new Error(`not a cacheable GET: ${JSON.stringify(decision)}`)
  return decision.key
}

describe('the response cache key', () => {
  it('sorts the query by name and keeps repeated parameters in order', () => {
    expect(keyOf('GET', '/api/releases?limit=2&depth=0')).toBe(keyOf('GET', '/api/releases?depth=0&limit=2'))
    expect(keyOf('GET', '/api/x?release=1&release=2')).not.toBe(keyOf('GET', '/api/x?release=2&release=1'))
    expect(keyOf('GET', '/api/releases?locale=en')).not.toBe(keyOf('GET', '/api/releases?locale=fr'))
    expect(keyOf('GET', '/api/releases?draft=true')).not.toBe(keyOf('GET', '/api/releases'))
  })

  it('holds the headers the API reads and no other', () => {
    expect(keyOf('GET', '/api/releases', { accept: 'application/json' })).not.toBe(keyOf('GET', '/api/releases'))
    expect(keyOf('GET', '/api/releases', { origin: 'https://www.python.org' })).not.toBe(keyOf('GET', '/api/releases'))
    expect(keyOf('GET', '/api/v2/downloads/release/', { host: 'a.example' })).not.toBe(keyOf('GET', '/api/v2/downloads/release/', { host: 'b.example' }))
    expect(keyOf('GET', '/api/releases', { 'user-agent': 'x', 'x-pydotorg-renderer-key': 'k' })).toBe(keyOf('GET', '/api/releases'))
  })

  it('bypasses credentials, writes, search and personal routes', () => {
    for (const [method, url, headers] of [
      ['GET', '/api/releases', { authorization: 'JWT x' }],
      ['GET', '/api/releases', { cookie: 'payload-token=x' }],
      ['GET', '/api/releases', { cookie: 'anything=1' }],
      ['GET', '/api/pages/1', { 'x-pydotorg-preview-token': 't' }],
      ['POST', '/api/releases', {}],
      ['HEAD', '/api/releases', {}],
      ['GET', '/api/search?q=python', {}],
      ['GET', '/api/health', {}],
      ['GET', '/api/accounts/me', {}],
      ['GET', '/api/memberships/mine', {}],
      ['GET', '/api/graphql?query={x}', {}],
      ['GET', '/admin/collections/pages', {}],
      ['POST', '/api/graphql', { 'content-type': 'text/plain', 'content-length': '10' }],
      ['POST', '/api/graphql', { 'content-type': 'application/json', 'content-length': String(1024 * 1024) }],
    ] as const) {
      expect(decideCaching(request(method, url, headers)).kind, `${method} ${url}`).toBe('bypass')
    }
  })

  it('keys GraphQL queries by their body and refuses anything holding a mutation', () => {
    const decision = decideCaching(request('POST', '/api/graphql', { 'content-type': 'application/json', 'content-length': '40' }))
    expect(decision.kind).toBe('graphql')
    if (decision.kind !== 'graphql') return
    const body = (value: unknown) => Buffer.from(JSON.stringify(value))
    const one = graphqlCacheKey(decision.keyPrefix, body({ query: '{ Releases { totalDocs } }' }))
    expect(one).not.toBeNull()
    expect(graphqlCacheKey(decision.keyPrefix, body({ query: '{ Releases { totalDocs } }', variables: { a: 1 } }))).not.toBe(one)
    expect(graphqlCacheKey(decision.keyPrefix, body({ query: 'mutation { deletePage(id: 1) { id } }' }))).toBeNull()
    expect(graphqlCacheKey(decision.keyPrefix, body({ query: 'query A { x } mutation B { y }', operationName: 'A' }))).toBeNull()
    expect(graphqlCacheKey(decision.keyPrefix, body({ query: 'subscription { x }' }))).toBeNull()
    expect(graphqlCacheKey(decision.keyPrefix, body([{ query: '{ x }' }]))).toBeNull()
    expect(graphqlCacheKey(decision.keyPrefix, Buffer.from('{not json'))).toBeNull()
  })
})
