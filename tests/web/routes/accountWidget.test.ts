/**
 * The header's account widget in a real browser (Debian's Chromium) on the real app with fake
 * services: static/js/account.js, under the site's CSP, fills the cached page's slot from
 * /authenticated, and a username with markup stays text.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../web/src/app';
import { launchChromium, type LaunchedBrowser } from '../../support/launchChromium';
import { createFakeAccountService, knownPassword } from '../support/fakeAccountService';
import { createFakeServices, testConfig } from '../support/fakeServices';
import { startTestServer, type TestServer } from '../support/startTestServer';

describe('the header account widget', () => {
  const accounts = createFakeAccountService();
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(createApp(createFakeServices({ accounts }), testConfig));
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function useSessionOf(login: string): Promise<void> {
    const outcome = await accounts.signIn({ login, password: knownPassword }, '127.0.0.1');
    if (!outcome.ok) throw new Error(outcome.message);
    await browser.context.addCookies([{ name: 'pydotorg_session', value: outcome.value.token, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  }

  it('keeps Sign In / Sign Up for an anonymous visitor', async () => {
    await page.goto(`${server.baseUrl}/downloads/`);
    await page.waitForSelector('[data-account-widget][data-account-state="signed-out"]');
    expect(await page.textContent('[data-account-widget]')).toMatch(/Sign In\s*Sign Up/);
    expect(errors).toEqual([]);
  });

  it("shows the signed-in visitor's name and links, a name with markup as text", async () => {
    const guido = accounts.accounts.get('guido');
    if (guido === undefined) throw new Error('no guido');
    accounts.accounts.delete('guido');
    guido.username = '<img src=x onerror=alert(1)>';
    accounts.accounts.set(guido.username, guido);
    await useSessionOf('guido@example.org');
    await page.goto(`${server.baseUrl}/downloads/`);
    await page.waitForSelector('[data-account-widget][data-account-state="signed-in"]');
    expect(await page.textContent('.site-account__name')).toBe('<img src=x onerror=alert(1)>');
    expect(await page.locator('[data-account-widget] img').count()).toBe(0);
    const links = await page.$$eval('[data-account-widget] a', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links).toEqual(['/users/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/', '/users/edit/', '/accounts/password/change/', '/users/membership/', '/accounts/logout/']);
    expect(errors).toEqual([]);
  });
});
