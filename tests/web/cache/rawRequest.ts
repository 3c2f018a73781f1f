import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The bytes as sent: still compressed when the response was. */
  readonly body: Buffer;
}

/** One request on a fresh connection, with exactly the headers given (fetch adds its own). */
export function rawRequest(
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The response headers that must not differ between a hit and a miss. */
export function comparableHeaders(headers: IncomingHttpHeaders): Record<string, string | string[] | undefined> {
  const { date: _date, age: _age, 'x-cache': _cache, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
}
