import { describe, expect, it } from 'vitest';
import { formatSitePurgeMessage, SITE_PURGE_CHANNEL } from '../../../cms/jobs/publishSitePurge';
import { formatRedisPurgeMessage, parseRedisPurgeMessage, sitePurgeChannel } from '../../../web/src/cache/redisPurgeMessage';

describe('Redis purge messages', () => {
  it('round-trips what a renderer publishes', () => {
    const order = { keys: ['releases', 'release-files'], paths: ['/downloads/', '/'], all: false };
    expect(parseRedisPurgeMessage(formatRedisPurgeMessage('web-1', order))).toEqual({ ok: true, message: { origin: 'web-1', order } });
    const everything = { keys: [], paths: [], all: true };
    expect(parseRedisPurgeMessage(formatRedisPurgeMessage('web-1', everything))).toEqual({ ok: true, message: { origin: 'web-1', order: everything } });
  });

  it('accepts what the CMS publishes, on the same channel', () => {
    expect(SITE_PURGE_CHANNEL).toBe(sitePurgeChannel);
    expect(parseRedisPurgeMessage(formatSitePurgeMessage({ keys: ['pages'], urls: ['/about/', 'https://www.python.org/psf/?x=1'] }))).toEqual({
      ok: true,
      message: { origin: 'cms', order: { keys: ['pages'], paths: ['/about/', '/psf/'], all: false } },
    });
  });

  it.each([
    ['', 'the message is not JSON'],
    ['{"origin": "cms", "keys": [', 'the message is not JSON'],
    ['null', 'the message is not a JSON object'],
    ['"purge"', 'the message is not a JSON object'],
    ['[{"origin": "cms"}]', 'the message is not a JSON object'],
    ['{"keys": ["pages"]}', '"origin" must name the sender'],
    ['{"origin": 7, "keys": ["pages"]}', '"origin" must name the sender'],
    ['{"origin": "has spaces", "keys": ["pages"]}', '"origin" must name the sender'],
    ['{"origin": "cms"}', 'Nothing to purge'],
    ['{"origin": "cms", "all": false}', 'Nothing to purge'],
    ['{"origin": "cms", "all": "yes"}', '"all" must be true or false'],
    ['{"origin": "cms", "keys": "pages"}', '"keys" must be an array of strings'],
    ['{"origin": "cms", "keys": [1]}', '"keys" must be an array of strings'],
    ['{"origin": "cms", "keys": ["no spaces allowed"]}', 'Invalid key'],
    ['{"origin": "cms", "urls": ["ftp://example.org/"]}', 'Invalid URL'],
    ['{"origin": "cms", "urls": ["/"], "paths": ["/"]}', 'Unknown field(s): paths'],
  ])('rejects %j: %s', (text, problem) => {
    const parsed = parseRedisPurgeMessage(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });

  it('rejects a message larger than a purge request may be, without parsing it', () => {
    const parsed = parseRedisPurgeMessage(JSON.stringify({ origin: 'cms', keys: ['a'.repeat(70_000)] }));
    expect(parsed).toEqual({ ok: false, problem: 'the message is larger than 65536 bytes' });
  });

  it('never throws, whatever arrives', () => {
    for (const text of ['{"origin": "cms", "keys": null}', '{"__proto__": {"origin": "cms"}, "keys": ["x"]}', '1e999', '\u0000', '{"origin":"cms","urls":[{}]}']) {
      expect(() => parseRedisPurgeMessage(text)).not.toThrow();
      expect(parseRedisPurgeMessage(text).ok).toBe(false);
    }
  });
});
