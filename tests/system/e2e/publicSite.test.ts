/**
 * The public site in a real browser (Debian's Chromium): home, downloads with the OS button
 * picked per User-Agent, a release page, events, a success story, a CMS page and the
 * submission form, each checked with axe-core (no serious or critical violations) and for
 * CSP errors in the console. Screenshots land in $E2E_SCREENSHOT_DIR when it is set.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../support/launchChromium';
import { seriousAxeViolations } from '../../support/runAxe';

const webUrl = inject('webUrl');
const windowsAgent = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const macAgent = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const linuxAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

async function visit(page: Page, pathname: string, errors: string[]): Promise<void> {
  const response = await page.goto(`${webUrl}${pathname}`);
  expect(response?.status(), pathname).toBe(200);
  const shots = process.env['E2E_SCREENSHOT_DIR'];
  if (shots) await page.screenshot({ path: path.join(shots, `${pathname.replace(/\W+/g, '_') || 'home'}.png`), fullPage: true });
  expect(await seriousAxeViolations(page), `axe on ${pathname}`).toEqual([]);
  expect(errors, `console errors on ${pathname}`).toEqual([]);
}

describe('the public site in Chromium', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium({ userAgent: windowsAgent });
    page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['/', 'Python 3.14.7'],
    ['/downloads/release/python-3147/', 'Python 3.14.7'],
    ['/events/', 'Upcoming Events'],
    ['/events/python-user-group/', 'Weekly Python User Group Meetup'],
    ['/success-stories/scaling-a-research-pipeline-with-python/', 'Scaling a research pipeline with Python'],
    ['/about/', 'About'],
    ['/success-stories/create/', 'Submit a Success Story'],
    ['/search/?q=pyhton+relase', 'Python 3.14.7'],
  ])('renders %s accessibly', async (pathname, text) => {
    errors.length = 0;
    await visit(page, pathname, errors);
    expect(await page.locator('main').innerText()).toContain(text);
  });

  it('opens a submenu of the main navigation on keyboard focus', async () => {
    await page.goto(`${webUrl}/`);
    const downloads = page.locator('.main-nav__item', { has: page.locator('> a', { hasText: 'Downloads' }) });
    await downloads.locator('> a').focus();
    await expect.poll(() => downloads.locator('.subnav').isVisible()).toBe(true);
  });

  it.each([
    [windowsAgent, 'windows'],
    [macAgent, 'macos'],
    [linuxAgent, 'source'],
  ])('shows only the matching download button on /downloads/ (%s)', async (userAgent, os) => {
    const other = await launchChromium({ userAgent });
    try {
      const downloads = await other.context.newPage();
      const consoleErrors: string[] = [];
      downloads.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      await visit(downloads, '/downloads/', consoleErrors);
      const visible = await downloads.locator('.download-os').evaluateAll((nodes) =>
        nodes.filter((node) => (node as HTMLElement).offsetParent !== null).map((node) => node.className),
      );
      expect(visible).toEqual([`download-os download-os-${os} download-os--picked`]);
    } finally {
      await other.close();
    }
  });

  it('shows every download button when scripts are off', async () => {
    const page2 = await browser.context.newPage();
    await page2.route('**/static/js/site.js', (route) => route.abort());
    await page2.goto(`${webUrl}/downloads/`);
    expect(await page2.locator('.download-os').count()).toBe(3);
    // The hero's buttons: the downloads menu panel (python.org's supernav box) carries the same classes.
    for (const os of ['windows', 'macos', 'source']) expect(await page2.locator(`.download-os.download-os-${os}`).isVisible()).toBe(true);
    await page2.close();
  });

  it('submits a story through the form and says it will be reviewed', async () => {
    errors.length = 0;
    await page.goto(`${webUrl}/success-stories/create/`);
    await page.fill('#story-name', `Browser story ${Date.now()}`);
    await page.fill('#story-companyName', 'Example Browser Co');
    await page.fill('#story-companyUrl', 'https://example.net/');
    await page.selectOption('#story-categorySlug', 'education');
    await page.fill('#story-author', 'Linus Example');
    await page.fill('#story-pullQuote', 'Python in the classroom.');
    await page.fill('#story-content', 'Our students learn *fast*.');
    await Promise.all([page.waitForURL(/submitted=1/), page.click('.story-form button[type=submit]')]);
    expect(await page.locator('[role=status]').innerText()).toContain('will be reviewed by the PSF staff');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
