import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { chromium, type BrowserContext } from 'playwright-core'

export const CHROMIUM_PATH = '/usr/bin/chromium'

export interface LaunchedBrowser {
  readonly context: BrowserContext
  /** Closes the browser and removes its profile. */
  close(): Promise<void>
}

/**
 * Debian's Chromium through playwright-core, headless, with the flags this closed network needs
 * (no background networking), a fresh profile removed on close, and the User-Agent and viewport
 * of the test's choosing. Missing Chromium is a failure that names the fix, never a skipped test.
 */
export async function launchChromium(options: { userAgent?: string; width?: number; height?: number } = {}): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: run \`npm run setup\` to install Debian's chromium for the end-to-end tests.`)
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'pydotorg-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    userAgent: options.userAgent,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  return {
    context,
    async close() {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}
