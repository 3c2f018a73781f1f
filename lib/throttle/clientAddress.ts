import { BlockList, isIP } from 'node:net'

/**
 * Which proxies in front of a server may say who the client is (`X-Forwarded-For`). Unset, no
 * one: the client is the address the connection came from, and a forwarded header is ignored,
 * since anyone can send one. `TRUST_PROXY` names them as Express does: a number of proxy hops
 * (`1`: one load balancer appends the client's address), or a comma-separated list of addresses,
 * CIDR ranges and the names `loopback`, `linklocal` and `uniquelocal`.
 */
export type TrustedProxies =
  | { readonly kind: 'none' }
  | { readonly kind: 'hops'; readonly hops: number }
  | { readonly kind: 'addresses'; readonly list: BlockList; readonly description: string }

const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
}

const EXPECTED =
  'TRUST_PROXY must be a number of proxy hops (such as 1) or a comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal'

function addRange(list: BlockList, range: string, variable: string): void {
  const [address, prefix, ...rest] = range.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) throw new Error(`${EXPECTED}; "${range}" is none of these (in ${variable}).`)
  const type = family === 4 ? 'ipv4' : 'ipv6'
  if (prefix === undefined) {
    list.addAddress(address, type)
    return
  }
  const bits = Number(prefix)
  if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) throw new Error(`${EXPECTED}; "${range}" has a bad prefix length (in ${variable}).`)
  list.addSubnet(address, bits, type)
}

/** Parses `TRUST_PROXY`; a wrong value stops the process at start-up with a message. */
export function parseTrustedProxies(raw: string | undefined, variable = 'TRUST_PROXY'): TrustedProxies {
  const value = raw?.trim() ?? ''
  if (value === '') return { kind: 'none' }
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    if (hops < 1 || hops > 10) throw new Error(`${EXPECTED}; a hop count is between 1 and 10, got "${value}".`)
    return { kind: 'hops', hops }
  }
  // "Trust every proxy" would let any client pick its own address.
  if (value === 'true' || value === '*') throw new Error(`${EXPECTED}; "${value}" would trust any client's header.`)
  const list = new BlockList()
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '')
  for (const item of items) {
    const named = NAMED_RANGES[item]
    for (const range of named ?? [item]) addRange(list, range, variable)
  }
  return { kind: 'addresses', list, description: items.join(', ') }
}

/** `::ffff:10.0.0.1` (an IPv4 client of a dual-stack socket) as `10.0.0.1`; null when not an address. */
export function normalizeAddress(raw: string | undefined): string | null {
  if (raw === undefined) return null
  const trimmed = raw.trim()
  const unmapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)?.[1] ?? trimmed
  return isIP(unmapped) === 0 ? null : unmapped.toLowerCase()
}

/** Whether the hop at `hopIndex` (0 is the peer of the socket) may speak for the client. */
export function trustsProxy(trusted: TrustedProxies, address: string, hopIndex: number): boolean {
  if (trusted.kind === 'none') return false
  if (trusted.kind === 'hops') return hopIndex < trusted.hops
  const normalized = normalizeAddress(address)
  if (normalized === null) return false
  return trusted.list.check(normalized, isIP(normalized) === 4 ? 'ipv4' : 'ipv6')
}

/** The entries of one or more `X-Forwarded-For` headers, left (the first client) to right. */
function forwardedEntries(forwardedFor: string | readonly string[] | null | undefined): string[] {
  if (forwardedFor == null) return []
  const joined = typeof forwardedFor === 'string' ? forwardedFor : forwardedFor.join(',')
  return joined.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '')
}

/**
 * The client's address: walking from the connection's peer back through `X-Forwarded-For`
 * (right to left), the first address that is not a trusted proxy. A malformed entry ends the
 * walk at the proxy that passed it on. Without a usable socket address: `unknown`, one shared
 * key, so a request that cannot be placed is still counted.
 */
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | readonly string[] | null | undefined,
  trusted: TrustedProxies,
): string {
  let current = normalizeAddress(socketAddress)
  if (current === null) return 'unknown'
  if (trusted.kind === 'none') return current
  const chain = forwardedEntries(forwardedFor)
  for (let hop = 0; hop < chain.length; hop++) {
    if (!trustsProxy(trusted, current, hop)) return current
    const next = normalizeAddress(chain[chain.length - 1 - hop])
    if (next === null) return current
    current = next
  }
  return current
}

/**
 * What request limits count for an address: an IPv4 address as it is, an IPv6 address by its /64
 * (`2001:db8:1:2::/64`). One subscriber, one host even, usually has a whole /64 and can rotate
 * through its 2^64 addresses at will, so counting each IPv6 address on its own would limit
 * nothing. Anything that is not an address (`unknown`, `unplaced`) is returned unchanged.
 */
export function addressBucket(address: string): string {
  const normalized = normalizeAddress(address.split('%')[0])
  if (normalized === null || isIP(normalized) !== 6) return normalized ?? address
  return `${ipv6Groups(normalized).slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail as two groups). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)]
          const [a, b, c, d] = group.split('.').map(Number)
          return [(a << 8) | b, (c << 8) | d]
        })
  const [head, tail] = address.split('::')
  if (tail === undefined) return parse(head)
  const front = parse(head)
  const back = parse(tail)
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back]
}
