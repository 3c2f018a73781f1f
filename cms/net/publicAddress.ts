import { BlockList, isIP } from 'node:net'

/**
 * Addresses a server-side fetch of an editor's URL must never reach: loopback, private (RFC 1918),
 * CGNAT, link-local (with the cloud metadata service at 169.254.169.254), unique-local IPv6 (with
 * AWS's fd00:ec2::254), multicast, reserved and documentation ranges, and NAT64 (which would
 * translate to any of the IPv4 ones). Node's own BlockList does the matching; IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`) is unwrapped first so it is judged as the IPv4 address it is.
 */
const NOT_PUBLIC = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24],
  ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NOT_PUBLIC.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) NOT_PUBLIC.addSubnet(network, prefix, 'ipv6')

/** `::ffff:a.b.c.d` or `::ffff:xxxx:yyyy` as the IPv4 address it carries; anything else as given. */
function unwrapMappedIpv4(address: string): string {
  const lower = address.toLowerCase()
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)
  if (dotted) return dotted[1]
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower)
  if (!hex) return address
  const high = parseInt(hex[1], 16)
  const low = parseInt(hex[2], 16)
  return [high >> 8, high & 255, low >> 8, low & 255].join('.')
}

/** True for an IP address a fetch may connect to; false for any of the ranges above or a non-IP. */
export function isPublicAddress(address: string): boolean {
  const bare = unwrapMappedIpv4(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''))
  const family = isIP(bare)
  if (family === 0) return false
  return !NOT_PUBLIC.check(bare, family === 4 ? 'ipv4' : 'ipv6')
}
