import { describe, expect, it } from 'vitest'

import { clientAddressOf, normalizeAddress, parseTrustedProxies, trustsProxy } from '../../../../lib/throttle/clientAddress'

describe('the client address behind proxies', () => {
  it('ignores X-Forwarded-For when TRUST_PROXY is unset: the socket address decides', () => {
    const none = parseTrustedProxies(undefined)
    expect(none).toEqual({ kind: 'none' })
    expect(clientAddressOf('203.0.113.9', '198.51.100.1', none)).toBe('203.0.113.9')
    expect(clientAddressOf('::ffff:203.0.113.9', ['1.1.1.1', '2.2.2.2'], parseTrustedProxies(''))).toBe('203.0.113.9')
  })

  it('with a hop count, takes the address the last trusted proxy appended, not what the client sent', () => {
    const one = parseTrustedProxies('1')
    // The client sent "6.6.6.6"; the load balancer appended the address it saw.
    expect(clientAddressOf('10.0.0.2', '6.6.6.6, 203.0.113.9', one)).toBe('203.0.113.9')
    const two = parseTrustedProxies('2')
    expect(clientAddressOf('10.0.0.2', '6.6.6.6, 203.0.113.9, 10.0.0.7', two)).toBe('203.0.113.9')
    // Fewer entries than hops: the leftmost one is as far as the chain goes.
    expect(clientAddressOf('10.0.0.2', '203.0.113.9', two)).toBe('203.0.113.9')
    expect(clientAddressOf('10.0.0.2', undefined, one)).toBe('10.0.0.2')
  })

  it('with addresses, walks back only through trusted ones', () => {
    const trusted = parseTrustedProxies('loopback, 10.0.0.0/8')
    expect(clientAddressOf('127.0.0.1', '6.6.6.6, 203.0.113.9, 10.1.2.3', trusted)).toBe('203.0.113.9')
    // A connection from outside the list speaks for itself whatever it sends.
    expect(clientAddressOf('198.51.100.4', '203.0.113.9', trusted)).toBe('198.51.100.4')
    expect(clientAddressOf('::1', '2001:db8::1', trusted)).toBe('2001:db8::1')
  })

  it('stops at a malformed entry, at the proxy that passed it on', () => {
    const trusted = parseTrustedProxies('loopback')
    expect(clientAddressOf('127.0.0.1', 'not-an-address', trusted)).toBe('127.0.0.1')
    expect(clientAddressOf('127.0.0.1', '203.0.113.9:4711', trusted)).toBe('127.0.0.1')
  })

  it('places a request without a socket address in one shared "unknown" key', () => {
    expect(clientAddressOf(undefined, '203.0.113.9', parseTrustedProxies('1'))).toBe('unknown')
  })

  it('refuses values that would trust anyone, or that it cannot read', () => {
    expect(() => parseTrustedProxies('true')).toThrow(/would trust any client/)
    expect(() => parseTrustedProxies('*')).toThrow(/would trust any client/)
    expect(() => parseTrustedProxies('0')).toThrow(/between 1 and 10/)
    expect(() => parseTrustedProxies('proxy.internal')).toThrow(/"proxy.internal" is none of these/)
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/bad prefix length/)
  })

  it('normalises IPv4-mapped IPv6 addresses and names what it trusts', () => {
    expect(normalizeAddress('::FFFF:192.0.2.1')).toBe('192.0.2.1')
    expect(normalizeAddress('nonsense')).toBeNull()
    const trusted = parseTrustedProxies('uniquelocal')
    expect(trustsProxy(trusted, '::ffff:192.168.1.1', 0)).toBe(true)
    expect(trustsProxy(trusted, '8.8.8.8', 0)).toBe(false)
    expect(trustsProxy(parseTrustedProxies('2'), 'anything', 1)).toBe(true)
    expect(trustsProxy(parseTrustedProxies('2'), 'anything', 2)).toBe(false)
  })
})
