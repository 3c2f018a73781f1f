import type { IncomingMessage } from 'node:http'

import { afterAll, describe, expect, it } from 'vitest'

import { parseTrustedProxies } from '../../../../lib/throttle/clientAddress'
import { dropUntrustedForwardedHeaders } from '../../../../cms/net/untrustedForwardedHeaders'
import { createCheckCounter } from '../../../support/checkCounter'

/**
 * Issue 18: the legacy v2 API built its absolute links from any client's X-Forwarded-Host. The
 * CMS's server now drops the forwarded headers unless the peer is a proxy TRUST_PROXY names.
 */
const { checks, check } = createCheckCounter()
afterAll(() => console.log(`privacy: ${checks.run} checks, ${checks.failed} failed`))

function request(peer: string): IncomingMessage {
  return {
    socket: { remoteAddress: peer },
    headers: { host: 'cms.python.org', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http', forwarded: 'host=evil.example' },
  } as unknown as IncomingMessage
}

describe('dropUntrustedForwardedHeaders', () => {
  it('drops X-Forwarded-Host, -Proto and Forwarded from a client without TRUST_PROXY', async () => {
    const req = request('203.0.113.9')
    dropUntrustedForwardedHeaders(req, parseTrustedProxies(undefined))
    await check('untrusted peer: forwarded headers dropped', () => {
      expect(req.headers).toEqual({ host: 'cms.python.org' })
    })
  })

  it('drops them from a peer TRUST_PROXY does not name, and keeps them from one it does', async () => {
    const trusted = parseTrustedProxies('10.0.0.0/8')
    const stranger = request('203.0.113.9')
    dropUntrustedForwardedHeaders(stranger, trusted)
    const proxy = request('10.1.2.3')
    dropUntrustedForwardedHeaders(proxy, trusted)
    await check('only a trusted proxy forwards the host', () => {
      expect(stranger.headers['x-forwarded-host']).toBeUndefined()
      expect(proxy.headers['x-forwarded-host']).toBe('evil.example')
      expect(proxy.headers['x-forwarded-proto']).toBe('http')
    })
  })
})
