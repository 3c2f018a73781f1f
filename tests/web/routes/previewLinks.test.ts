import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../web/src/app';
import { loadWebConfig } from '../../../web/src/config';
import type { Services } from '../../../web/src/services/index';
import { createCheckCounter } from '../../support/checkCounter';
import { openPreview } from '../../support/openPreview';
import { createFakeServices } from '../support/fakeServices';
import { startTestServer, type TestServer } from '../support/startTestServer';

/**
 * Issue 18, the site's half of preview links: a GET never sets the preview cookie (so a link
 * someone else sends cannot replace a visitor's preview with theirs), the cookie is set by a
 * confirmed, same-origin POST only, limited to the document's path, and Secure behind a
 * TLS-terminating proxy that TRUST_PROXY names. Counted under `preview tokens`.
 */
const { checks, check } = createCheckCounter();
const noCache = 'no-cache, no-store, must-revalidate';

function previewingServices(seen: string[]): Services {
  const base = createFakeServices();
  return {
    ...base,
    preview: {
      preview: async (collection, id, token) => {
        seen.push(token);
        return { collection: 'pages', page: { title: `Draft for ${token}`, path: '/about/', description: null, keywords: null, contentHtml: '<p>draft</p>', isDraft: true, breadcrumbs: [] } as never };
      },
    },
  };
}

let plain: TestServer;
let proxied: TestServer;
const seen: string[] = [];

beforeAll(async () => {
  plain = await startTestServer(createApp(previewingServices(seen), loadWebConfig({})));
  proxied = await startTestServer(createApp(previewingServices(seen), loadWebConfig({ TRUST_PROXY: 'loopback' })));
});
afterAll(async () => {
  console.log(`preview tokens: ${checks.run} checks, ${checks.failed} failed`);
  await plain?.close();
  await proxied?.close();
});

const previewCookies = (response: Response) => response.headers.getSetCookie().filter((cookie) => cookie.startsWith('pydotorg_preview='));

async function confirmationOf(server: TestServer, token: string): Promise<{ csrfCookie: string; csrfField: string }> {
  const page = await fetch(`${server.baseUrl}/preview/pages/12/?token=${token}`);
  const csrfField = /name="csrfToken" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const csrfCookie = page.headers.getSetCookie().find((cookie) => cookie.startsWith('pydotorg_csrf='))?.split(';')[0] ?? '';
  return { csrfCookie, csrfField };
}

function post(server: TestServer, headers: Record<string, string>, fields: Record<string, string>): Promise<Response> {
  return fetch(`${server.baseUrl}/preview/pages/12/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('a preview link (GET with ?token=)', () => {
  it('answers a confirmation page and sets no preview cookie', async () => {
    const response = await fetch(`${plain.baseUrl}/preview/pages/12/?token=someone.elses.token`, { headers: { cookie: 'pydotorg_preview=my.own.token' } });
    const body = await response.text();
    await check('GET link: 200 confirmation, no preview cookie set', () => {
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe(noCache);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(previewCookies(response)).toEqual([]);
      expect(body).toContain('<button class="button" type="submit">Open the preview</button>');
      expect(body).toContain('action="/preview/pages/12/"');
    });
    await check('the visitor keeps their own preview', async () => {
      const own = await fetch(`${plain.baseUrl}/preview/pages/12/`, { headers: { cookie: 'pydotorg_preview=my.own.token' } });
      expect(await own.text()).toContain('Draft for my.own.token');
    });
  });
});

describe('the confirmation POST', () => {
  it('is refused without the confirmation page\'s CSRF pair, or from another site', async () => {
    const { csrfCookie, csrfField } = await confirmationOf(plain, 'attacker.preview.token');
    await check('no CSRF pair: 403, no cookie', async () => {
      const response = await post(plain, {}, { token: 'attacker.preview.token' });
      expect(response.status).toBe(403);
      expect(previewCookies(response)).toEqual([]);
    });
    await check('a CSRF field without its cookie: 403', async () => {
      expect((await post(plain, {}, { token: 'attacker.preview.token', csrfToken: csrfField })).status).toBe(403);
    });
    await check('Sec-Fetch-Site cross-site: 403', async () => {
      const response = await post(plain, { cookie: csrfCookie, 'sec-fetch-site': 'cross-site' }, { token: 'attacker.preview.token', csrfToken: csrfField });
      expect(response.status).toBe(403);
      expect(previewCookies(response)).toEqual([]);
    });
  });

  it('sets an HttpOnly, SameSite=Strict cookie for this document only, then redirects without the token', async () => {
    const { csrfCookie, csrfField } = await confirmationOf(plain, 'editor.preview.token');
    const response = await post(plain, { cookie: csrfCookie, 'sec-fetch-site': 'same-origin' }, { token: 'editor.preview.token', csrfToken: csrfField });
    await check('303 to the clean address with a scoped cookie', () => {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/preview/pages/12/');
      const [cookie] = previewCookies(response);
      expect(cookie).toMatch(/^pydotorg_preview=editor\.preview\.token; Max-Age=1800; Path=\/preview\/pages\/12\/; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    });
  });

  it('marks the cookie Secure behind a TLS-terminating proxy TRUST_PROXY names, and only then', async () => {
    for (const [server, secure] of [[proxied, true], [plain, false]] as const) {
      const { csrfCookie, csrfField } = await confirmationOf(server, 'editor.preview.token');
      const response = await post(server, { cookie: csrfCookie, 'x-forwarded-proto': 'https' }, { token: 'editor.preview.token', csrfToken: csrfField });
      await check(`Secure ${secure ? 'behind' : 'without'} a trusted proxy`, () => {
        expect(response.status).toBe(303);
        expect(previewCookies(response)[0]?.includes('; Secure'), previewCookies(response)[0]).toBe(secure);
      });
    }
  });

  it('opens the draft the editor confirmed', async () => {
    const response = await openPreview(plain.baseUrl, '/preview/pages/12/', 'confirmed.preview.token');
    await check('the full flow renders the draft', async () => {
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Draft for confirmed.preview.token');
    });
  });
});
