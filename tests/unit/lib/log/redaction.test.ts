import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../lib/log/createLogger';
import { redactUrl } from '../../../../lib/log/redaction';

/** A logger whose lines are collected, as production writes them (JSON). */
function collectingLogger(env: NodeJS.ProcessEnv = { NODE_ENV: 'production' }) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter((line) => line !== ''));
      done();
    },
  });
  return { log: createLogger('test', { env, destination }), lines };
}

const secrets = ['s3cr3t-cookie-value', 'JWT eyJhbGciOi.secret', 'hunter2-password', 'tok-0123456789abcdef', 'key-abcdef0123456789', 'renderer-shared-secret'];

describe('log redaction', () => {
  it('keeps cookies, authorization, passwords, tokens and keys out of the line, at the top and nested', () => {
    const { log, lines } = collectingLogger();
    log.info({
      req: { headers: { cookie: `payload-token=${secrets[0]}`, authorization: secrets[1], 'x-pydotorg-renderer-key': secrets[5], accept: 'text/html' } },
      password: secrets[2],
      account: { token: secrets[3], apiKey: secrets[4], email: 'a@example.org' },
    }, 'signed in');
    expect(lines).toHaveLength(1);
    for (const secret of secrets) expect(lines[0]).not.toContain(secret);
    const record = JSON.parse(lines[0]) as { req: { headers: Record<string, string> }; password: string; account: Record<string, string>; msg: string };
    expect(record.req.headers.authorization).toBe('[redacted]');
    expect(record.req.headers.cookie).toBe('[redacted]');
    expect(record.req.headers.accept).toBe('text/html');
    expect(record.password).toBe('[redacted]');
    expect(record.account).toEqual({ token: '[redacted]', apiKey: '[redacted]', email: 'a@example.org' });
    expect(record.msg).toBe('signed in');
  });

  it('removes the one-use tokens of links from URLs, in the path and the query', () => {
    expect(redactUrl('/accounts/confirm-email/abc123def456/')).toBe('/accounts/confirm-email/[redacted]/');
    expect(redactUrl('/accounts/password/reset/key/abc123def456/?next=/')).toBe('/accounts/password/reset/key/[redacted]/?next=/');
    expect(redactUrl('/nominations/respond/tok-99/')).toBe('/nominations/respond/[redacted]/');
    expect(redactUrl('/api/pages/preview/3?token=abc&draft=1')).toBe('/api/pages/preview/3?token=[redacted]&draft=1');
    expect(redactUrl('/events/?page=2')).toBe('/events/?page=2');
  });

  it('removes link tokens quoted in a message', () => {
    const { log, lines } = collectingLogger();
    log.warn('CMS unavailable for GET /accounts/password/reset/key/tok-0123456789abcdef/: failed');
    expect(lines[0]).not.toContain('tok-0123456789abcdef');
    expect((JSON.parse(lines[0]) as { msg: string }).msg).toBe('CMS unavailable for GET /accounts/password/reset/key/[redacted]/: failed');
  });

  it('writes one JSON line per call in production, with level, time, name and message', () => {
    const { log, lines } = collectingLogger();
    log.warn({ requestId: 'abcdef12' }, 'slow');
    const record = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 40, name: 'test', msg: 'slow', requestId: 'abcdef12' });
    expect(typeof record.time).toBe('string');
  });

  it('refuses an unknown LOG_LEVEL with a message naming the variable', () => {
    expect(() => createLogger('test', { env: { NODE_ENV: 'production', LOG_LEVEL: 'loud' } })).toThrow(/LOG_LEVEL must be one of/);
    const { log, lines } = collectingLogger({ NODE_ENV: 'production', LOG_LEVEL: 'warn' });
    log.info('hidden');
    log.error('shown');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['shown']);
  });
});

describe('log format', () => {
  it('is JSON exactly in production unless LOG_FORMAT says otherwise', async () => {
    const { logFormatFrom } = await import('../../../../lib/log/createLogger');
    expect(logFormatFrom({ NODE_ENV: 'production' })).toBe('json');
    expect(logFormatFrom({ NODE_ENV: 'development' })).toBe('readable');
    expect(logFormatFrom({ NODE_ENV: 'production', LOG_FORMAT: 'readable' })).toBe('readable');
    expect(logFormatFrom({ NODE_ENV: 'test', LOG_FORMAT: 'json' })).toBe('json');
    expect(() => logFormatFrom({ NODE_ENV: 'production', LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be json or readable/);
  });
});
