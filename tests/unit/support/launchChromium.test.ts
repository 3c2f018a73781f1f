import { describe, expect, it, vi } from 'vitest'

vi.mock('node:fs', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:fs')>()), existsSync: () => false }))

describe('launchChromium without Chromium', () => {
  it('fails, naming npm run setup, instead of skipping the end-to-end tests', async () => {
    const { launchChromium } = await import('../../support/launchChromium')
    await expect(launchChromium()).rejects.toThrow(/\/usr\/bin\/chromium is missing: run `npm run setup`/)
  })
})
