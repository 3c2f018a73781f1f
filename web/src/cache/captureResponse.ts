/**
 * Lets the page cache see what Express sends, without Express knowing. The first time the
 * app writes or ends the response, `decide` looks at the status and headers: a storable
 * page (or a failure to be replaced by a stale copy) is buffered and handed to
 * `onCaptured`, which answers the client itself; anything else passes straight through.
 *
 * Only this one response object is wrapped; the prototype and other requests are untouched.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

export type CaptureDecision = 'capture' | 'pass';

export interface CaptureHandlers {
  decide(status: number, headers: OutgoingHttpHeaders): CaptureDecision;
  onCaptured(status: number, headers: OutgoingHttpHeaders, body: Buffer): void;
}

type WriteCallback = (error?: Error | null) => void;

export function captureResponse(res: ServerResponse, handlers: CaptureHandlers): void {
  const originalWrite = res.write;
  const originalEnd = res.end;
  let decision: CaptureDecision | undefined;
  const chunks: Buffer[] = [];

  const restore = () => {
    res.write = originalWrite;
    res.end = originalEnd;
  };

  const decideOnce = (): CaptureDecision => {
    // Headers already flushed (writeHead with a headers object, flushHeaders) cannot be
    // read back reliably: such responses are never stored.
    decision ??= res.headersSent ? 'pass' : handlers.decide(res.statusCode, res.getHeaders());
    if (decision === 'pass') restore();
    return decision;
  };

  const write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    if (decideOnce() === 'pass') return (originalWrite as (...args: unknown[]) => boolean).call(res, chunk, encoding, callback);
    collect(chunks, chunk, encoding);
    callbackOf(encoding, callback)?.();
    return true;
  };

  const end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown): ServerResponse {
    if (decideOnce() === 'pass') return (originalEnd as (...args: unknown[]) => ServerResponse).call(res, chunk, encoding, callback);
    if (typeof chunk !== 'function') collect(chunks, chunk, encoding);
    restore();
    const done = typeof chunk === 'function' ? (chunk as WriteCallback) : callbackOf(encoding, callback);
    if (done !== undefined) res.once('finish', () => done());
    handlers.onCaptured(res.statusCode, res.getHeaders(), Buffer.concat(chunks));
    return res;
  };

  res.write = write as ServerResponse['write'];
  res.end = end as ServerResponse['end'];
}

function collect(chunks: Buffer[], chunk: unknown, encoding: unknown): void {
  if (chunk === undefined || chunk === null) return;
  if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
  else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
}

function callbackOf(encoding: unknown, callback: unknown): WriteCallback | undefined {
  if (typeof encoding === 'function') return encoding as WriteCallback;
  if (typeof callback === 'function') return callback as WriteCallback;
  return undefined;
}
