import { describe, expect, it } from 'vitest'

import { addressBucket } from '../../../../lib/throttle/clientAddress'

describe('what limits count for an address', () => {
  it('counts an IPv6 client per /64, however the address is written', () => {
    expect(addressBucket('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(addressBucket('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
    expect(addressBucket('2001:DB8:1:2::1')).toBe('2001:db8:1:2::/64')
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressBucket('::1')).toBe('0:0:0:0::/64')
    expect(addressBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
    expect(addressBucket('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64')
    // Two addresses of one /64 share a budget; the next /64 has its own.
    expect(addressBucket('2001:db8:1:2::a')).toBe(addressBucket('2001:db8:1:2:ffff::b'))
    expect(addressBucket('2001:db8:1:3::a')).not.toBe(addressBucket('2001:db8:1:2::a'))
  })

  it('counts an IPv4 client (also one on a dual-stack socket) per address', () => {
    expect(addressBucket('203.0.113.9')).toBe('203.0.113.9')
    expect(addressBucket('::ffff:203.0.113.9')).toBe('203.0.113.9')
  })

  it('leaves keys that are not addresses alone', () => {
    expect(addressBucket('unknown')).toBe('unknown')
    expect(addressBucket('unplaced')).toBe('unplaced')
  })
})
