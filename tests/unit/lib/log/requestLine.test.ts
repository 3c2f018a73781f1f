import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRequestLineLogger } from '../../../../lib/log/createLogger';
import { withCmsRequestLog } from '../../../../lib/log/cmsLog';

/**
 * The CMS's request lines: the logger without field redaction (createRequestLineLogger) still
 * writes no link token and no header, since the line is built from the request's method, its
 * URL through redactUrl, the status, the time and the checked id only.
 */
describe('the CMS request line', () => {
  it('names the request by its id, with the link token and the headers left out', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter((line) => line !== ''));
        done();
      },
    });
    const log = createRequestLineLogger('cms', { env: { NODE_ENV: 'production' }, destination });
    const server = createServer(withCmsRequestLog(log, (_req, res) => res.end('ok')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/accounts/confirm-email/tok-0123456789abcdef/?token=secret-preview`, {
        headers: { cookie: 'payload-token=s3cr3t', authorization: 'JWT secret-jwt', 'x-request-id': 'renderer-req-0001' },
      });
      await response.text();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lines).toHaveLength(1);
      const line = lines[0] ?? '';
      for (const secret of ['tok-0123456789abcdef', 'secret-preview', 's3cr3t', 'secret-jwt']) expect(line).not.toContain(secret);
      const record = JSON.parse(line) as Record<string, unknown>;
      expect(record).toMatchObject({ level: 30, name: 'cms', requestId: 'renderer-req-0001', method: 'GET', status: 200, msg: 'request' });
      expect(record.url).toBe('/api/accounts/confirm-email/[redacted]/?token=[redacted]');
      expect(response.headers.get('x-request-id')).toBe('renderer-req-0001');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
