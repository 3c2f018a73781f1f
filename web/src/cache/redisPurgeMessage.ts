/**
 * The purge messages renderers exchange over Redis pub/sub, on one channel:
 *
 *   PUBLISH pydotorg:site-cache-purge '{"origin": "...", "keys": [...], "urls": [...], "all": false}'
 *
 * The fields besides "origin" are those of `POST /_purge` and are validated the same way. The
 * CMS's purge job publishes them too (cms/jobs/publishSitePurge.ts, origin "cms"), so this
 * format is a contract between the two: tests/web/cache/redisPurgeMessage.test.ts parses what
 * the CMS sends. "origin" names the sending renderer process, which ignores its own messages.
 *
 * Anyone who can publish on the Redis server can purge, as anyone holding PURGE_SECRET can:
 * a purge only makes the next visitor wait for a render.
 */
import type { PurgeOrder } from './PageCache';
import { purgeOrderOf } from './parsePurgeOrder';

export const sitePurgeChannel = 'pydotorg:site-cache-purge';

/** Same bound as a `POST /_purge` body. */
const maximumMessageBytes = 64 * 1024;
const originPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export interface RedisPurgeMessage {
  readonly origin: string;
  readonly order: PurgeOrder;
}

export type ParsedRedisPurgeMessage = { readonly ok: true; readonly message: RedisPurgeMessage } | { readonly ok: false; readonly problem: string };

export function formatRedisPurgeMessage(origin: string, order: PurgeOrder): string {
  return JSON.stringify({ origin, keys: order.keys, urls: order.paths, all: order.all });
}

/** Never throws: whatever arrives on the channel is either a message or a problem to log. */
export function parseRedisPurgeMessage(text: string): ParsedRedisPurgeMessage {
  if (Buffer.byteLength(text) > maximumMessageBytes) return { ok: false, problem: `the message is larger than ${maximumMessageBytes} bytes` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'the message is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, problem: 'the message is not a JSON object' };
  const { origin, ...fields } = parsed as Record<string, unknown>;
  if (typeof origin !== 'string' || !originPattern.test(origin)) {
    return { ok: false, problem: '"origin" must name the sender: letters, digits, ".", "_", ":" or "-"' };
  }
  const order = purgeOrderOf(fields);
  if (!order.ok) return { ok: false, problem: order.message };
  return { ok: true, message: { origin, order: order.order } };
}
