import type { IncomingMessage } from 'node:http'

import { trustsProxy, type TrustedProxies } from '../../lib/throttle/clientAddress'

/** The headers a proxy uses to say how the client reached it: believed only from a trusted proxy. */
const FORWARDED_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'forwarded'] as const

/**
 * Drops `X-Forwarded-Host`, `X-Forwarded-Proto` and `Forwarded` unless the connection's peer is a
 * proxy TRUST_PROXY names (issue 18: the legacy v2 API built its absolute links from a client's
 * X-Forwarded-Host, so anyone could have it answer links to a host of their choosing). Run by
 * cms/server.ts on every request, beside the client address it stamps.
 */
export function dropUntrustedForwardedHeaders(req: IncomingMessage, trusted: TrustedProxies): void {
  const peer = req.socket.remoteAddress
  if (peer !== undefined && trustsProxy(trusted, peer, 0)) return
  // Only when present: `delete` turns the headers object into a slow dictionary for every later
  // read of it, on every request, while these headers are rarely sent at all.
  for (const name of FORWARDED_HEADERS) if (req.headers[name] !== undefined) delete req.headers[name]
}
