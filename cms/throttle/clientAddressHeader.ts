import type { IncomingMessage } from 'node:http'

import { addressBucket, clientAddressOf, type TrustedProxies } from '../../lib/throttle/clientAddress'

/**
 * How the client's address reaches the API routes. Next.js hands route handlers a web Request
 * without the socket, and keeps any `X-Forwarded-For` a client sends, so the CMS's own HTTP
 * server (cms/server.ts) works the address out from the socket (and from `X-Forwarded-For` only
 * through TRUST_PROXY) and writes it into this header, replacing whatever the client sent.
 */
export const CLIENT_ADDRESS_HEADER = 'x-pydotorg-client-address'

/** Replaces any client-sent value: only the CMS's server says who the client is. */
export function stampClientAddress(req: IncomingMessage, trusted: TrustedProxies): void {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted)
}

/** Set by cms/server.ts in its process; route handlers share the process's global object. */
const STAMPED = Symbol.for('pydotorg.clientAddressStamped')

type StampFlag = { [STAMPED]?: boolean }

export function markClientAddressStamped(): void {
  ;(globalThis as StampFlag)[STAMPED] = true
}

/** Whether cms/server.ts runs in this process (so the headers it stamps or drops can be believed). */
export function clientAddressStamped(): boolean {
  return (globalThis as StampFlag)[STAMPED] === true
}

/**
 * The client as per-client limits count it: the address cms/server.ts wrote, an IPv6 one reduced
 * to its /64 (addressBucket: a host there can rotate through 2^64 addresses). Run without that
 * server (a bare `next start`), the header could come from the client itself, so it is not
 * believed: every request then shares the key `unplaced`, which limits them all together rather
 * than not at all.
 */
export function clientAddressFrom(headers: Headers): string {
  return addressBucket(exactClientAddressFrom(headers))
}

/**
 * The address cms/server.ts wrote, whole (`unplaced` without that server): for deciding who the
 * client is (an exempt renderer on `::1`), where the /64 bucket would no longer match.
 */
export function exactClientAddressFrom(headers: Headers): string {
  if (!clientAddressStamped()) return 'unplaced'
  return headers.get(CLIENT_ADDRESS_HEADER) ?? 'unplaced'
}
