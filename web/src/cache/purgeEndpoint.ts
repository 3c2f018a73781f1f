/**
 * The renderer's purge interface, answered before Express (it is part of the cache):
 *
 *   POST /_purge   {"keys": [...], "urls": [...]}  or  {"all": true}
 *                  Authorization: Bearer <PURGE_SECRET>; used by the CMS's purge job.
 *   PURGE /a/path  purges that one URL. python.org's release tooling sends this to the CDN
 *                  (reference §3.3) without credentials: accepted from PURGE_ALLOWED_ADDRESSES
 *                  or with the bearer PURGE_SECRET, refused (403) for anyone else, since each
 *                  one forces a render (purgeAllowance.ts).
 *
 * Every answer is JSON and never cached; every refusal is a 4xx with a message.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from '../middleware/setUpSecurityHeaders';
import { cacheProfiles } from './cacheProfiles';
import { purgePathOf } from './cacheKey';
import { parsePurgeOrder } from './parsePurgeOrder';
import { mayPurgeOneUrl, parsePurgeAllowedAddresses, type PurgeAllowance } from './purgeAllowance';
import { authorizePurge } from './purgeAuthorization';
import type { Purger } from './Purger';
import { webLog } from '../log';

export const purgePath = '/_purge';

/** A purge body lists keys and URLs; 64 KiB is far more than any real order. */
const maximumBodyBytes = 64 * 1024;

export interface PurgeEndpointOptions {
  readonly purge: Purger;
  readonly secret: string | null;
  /** Who may PURGE one URL without the secret; loopback only when not given. */
  readonly allowance?: PurgeAllowance;
}

const loopbackOnly: PurgeAllowance = { allowedAddresses: parsePurgeAllowedAddresses('loopback'), trustedProxies: { kind: 'none' } };

/** True when the request is a purge (and has been answered, or will be). */
export function handlePurgeRequest(req: IncomingMessage, res: ServerResponse, options: PurgeEndpointOptions): boolean {
  if (req.method === 'PURGE') {
    if (!mayPurgeOneUrl(req, options.allowance ?? loopbackOnly, options.secret)) {
      req.resume();
      sendJson(res, 403, { error: 'PURGE is accepted only from the addresses PURGE_ALLOWED_ADDRESSES lists, or with "Authorization: Bearer <PURGE_SECRET>".' });
      return true;
    }
    void purgeOneUrl(req, res, options.purge);
    return true;
  }
  const url = req.url ?? '';
  if (url !== purgePath && !url.startsWith(`${purgePath}?`) && !url.startsWith(`${purgePath}/`)) return false;
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'Use POST to purge.' }, { Allow: 'POST' });
    req.resume();
    return true;
  }
  void purgeByOrder(req, res, options);
  return true;
}

async function purgeOneUrl(req: IncomingMessage, res: ServerResponse, purge: Purger): Promise<void> {
  req.resume();
  const path = purgePathOf(req.url ?? '');
  if (path === undefined) {
    sendJson(res, 400, { error: 'PURGE needs a path, such as "PURGE /downloads/".' });
    return;
  }
  try {
    const outcome = await purge({ keys: [], paths: [path], all: false });
    sendJson(res, 200, { status: 'ok', purged: { urls: [path] }, ...outcome });
  } catch (error) {
    sendPurgeFailure(res, error);
  }
}

async function purgeByOrder(req: IncomingMessage, res: ServerResponse, options: PurgeEndpointOptions): Promise<void> {
  const authorization = authorizePurge(req.headers.authorization, options.secret);
  if (!authorization.ok) {
    req.resume();
    const extra: Record<string, string> = authorization.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="purge"' } : {};
    sendJson(res, authorization.status, { error: authorization.message }, extra);
    return;
  }
  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    req.resume();
    sendJson(res, 415, { error: 'Send the purge order as Content-Type: application/json.' });
    return;
  }
  let body: string | undefined;
  try {
    body = await readBody(req);
  } catch {
    // The client went away mid-body: nobody is left to answer.
    res.destroy();
    return;
  }
  if (body === undefined) {
    sendJson(res, 413, { error: `The purge order must be at most ${maximumBodyBytes} bytes.` });
    return;
  }
  const parsed = parsePurgeOrder(body);
  if (!parsed.ok) {
    sendJson(res, 400, { error: parsed.message });
    return;
  }
  try {
    const outcome = await options.purge(parsed.order);
    const { keys, paths, all } = parsed.order;
    sendJson(res, 200, { status: 'ok', purged: { keys, urls: paths, all }, ...outcome });
  } catch (error) {
    sendPurgeFailure(res, error);
  }
}

/** The body as text, or undefined once it grows past the limit (the rest is discarded). */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maximumBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A worker that did not confirm in time: the purge may be partial, so say so (and retry). */
function sendPurgeFailure(res: ServerResponse, error: unknown): void {
  webLog.error({ err: error }, 'purge failed');
  sendJson(res, 503, { error: 'The purge could not be confirmed by every renderer process; retry it.' }, { 'Retry-After': '1' });
}

function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': cacheProfiles.noCache,
    // Answered before Express, so its security headers are added here: every response has them.
    ...securityHeaders,
    ...extraHeaders,
  });
  res.end(text);
}
