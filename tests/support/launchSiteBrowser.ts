/**
 * Debian's Chromium through playwright-core, as launchChromium, but with a User-Agent and
 * viewport of the test's choosing and a profile removed on close. A missing browser is a
 * failure that names `npm run setup`, never a skip.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

import { CHROMIUM_PATH } from './launchChromium';

export interface LaunchedBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchSiteBrowser(options: { userAgent?: string; width?: number; height?: number } = {}): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: run \`npm run setup\` to install Debian's chromium for the end-to-end tests.`);
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'pydotorg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    userAgent: options.userAgent,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
