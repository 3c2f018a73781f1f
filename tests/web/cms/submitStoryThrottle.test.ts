/**
 * The renderer sends the story form to the CMS on the visitor's behalf: it names the visitor in
 * `X-Forwarded-For` (a CMS that trusts the renderer limits per visitor), and passes a 429 on
 * with its Retry-After.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createCmsClient } from '../../../web/src/cms/client';
import { startTestServer, type TestServer } from '../support/startTestServer';
import { validStory as story } from '../support/validStory';

describe('CmsClient.submitStory and the CMS limit', () => {
  let cms: TestServer | undefined;
  afterEach(async () => {
    await cms?.close();
    cms = undefined;
  });

  async function cmsAnswering(status: number, body: unknown, headers: Record<string, string> = {}) {
    const seen: IncomingHttpHeaders[] = [];
    cms = await startTestServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    });
    return { client: createCmsClient({ baseUrl: cms.baseUrl, timeoutMs: 2000 }), seen };
  }

  it('names the visitor in X-Forwarded-For, and sends none without one', async () => {
    const { client, seen } = await cmsAnswering(201, { id: 1, message: 'Thanks' });
    expect(await client.submitStory(story, '203.0.113.7')).toEqual({ ok: true, message: 'Thanks' });
    expect(await client.submitStory(story)).toEqual({ ok: true, message: 'Thanks' });
    expect(seen.map((headers) => headers['x-forwarded-for'])).toEqual(['203.0.113.7', undefined]);
  });

  it('returns a 429 with the Retry-After the CMS gave', async () => {
    const message = 'Too many requests: the success-story form allows 5 requests an hour. Try again in 1200 seconds.';
    const { client } = await cmsAnswering(429, { errors: { body: message } }, { 'retry-after': '1200' });
    expect(await client.submitStory(story, '203.0.113.7')).toEqual({ ok: false, status: 429, errors: { body: message }, retryAfterSeconds: 1200 });
  });

  it('leaves the wait out when the CMS gives no usable Retry-After', async () => {
    const { client } = await cmsAnswering(429, { errors: { body: 'Slow down' } }, { 'retry-after': 'soon' });
    expect(await client.submitStory(story)).toEqual({ ok: false, status: 429, errors: { body: 'Slow down' } });
  });
});
