/**
 * Who may send `PURGE <url>` (issue 18, cache abuse): every PURGE forces the next visitor of
 * that page to wait for a render, so an open PURGE lets anyone keep the site rendering. python.org's
 * release tooling sends it without credentials from known hosts, so a PURGE is accepted from the
 * addresses PURGE_ALLOWED_ADDRESSES lists (addresses, CIDR ranges, `loopback`, ...; default
 * `loopback`), the client worked out through TRUST_PROXY as everywhere else, or with
 * `Authorization: Bearer <PURGE_SECRET>` from anywhere.
 */
import type { IncomingMessage } from 'node:http';
import { clientAddressOf, parseTrustedProxies, trustsProxy, type TrustedProxies } from '../../../lib/throttle/clientAddress';
import { authorizePurge } from './purgeAuthorization';

export interface PurgeAllowance {
  /** Parsed PURGE_ALLOWED_ADDRESSES. */
  readonly allowedAddresses: TrustedProxies;
  /** Parsed TRUST_PROXY: which proxies may name the client. */
  readonly trustedProxies: TrustedProxies;
}

export const defaultPurgeAllowedAddresses = 'loopback';

/** Parses PURGE_ALLOWED_ADDRESSES: a list, never a hop count (`none` allows no address). */
export function parsePurgeAllowedAddresses(raw: string): TrustedProxies {
  if (raw.trim() === 'none') return { kind: 'none' };
  const parsed = parseTrustedProxies(raw, 'PURGE_ALLOWED_ADDRESSES');
  if (parsed.kind === 'hops') throw new Error('PURGE_ALLOWED_ADDRESSES must list addresses, CIDR ranges or loopback, linklocal, uniquelocal (or be none), not a hop count');
  return parsed;
}

export function mayPurgeOneUrl(req: IncomingMessage, allowance: PurgeAllowance, secret: string | null): boolean {
  const client = clientAddressOf(req.socket.remoteAddress, req.headers['x-forwarded-for'], allowance.trustedProxies);
  if (trustsProxy(allowance.allowedAddresses, client, 0)) return true;
  return req.headers.authorization !== undefined && authorizePurge(req.headers.authorization, secret).ok;
}
