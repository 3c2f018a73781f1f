/**
 * The compressed copies of a page's body that the page cache stores beside it.
 *
 * Compressed on libuv's thread pool (zlib's asynchronous functions), gzip and brotli at the same
 * time: a 94 kB /downloads/ took some 2 ms of the event loop per render compressed synchronously,
 * one after the other (profiled, issue 14), time in which this worker answered nothing else. Now
 * the loop is free meanwhile, and the render waits for the slower of the two, not their sum.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Below this size compression saves less than its headers cost. */
const minimumCompressibleBytes = 256;

export interface CompressedBodies {
  /** null when not worth storing: a small body, or a compressed copy no smaller. */
  readonly gzip: Buffer | null;
  readonly br: Buffer | null;
}

export async function compressBody(body: Buffer): Promise<CompressedBodies> {
  if (body.length < minimumCompressibleBytes) return { gzip: null, br: null };
  const [gzipped, brotli] = await Promise.all([
    gzipAsync(body, { level: 6 }),
    // Quality 5 compresses a typical page in well under a millisecond, nearly as well as 11.
    brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  ]);
  return { gzip: gzipped.length < body.length ? gzipped : null, br: brotli.length < body.length ? brotli : null };
}
