import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium, type LaunchedBrowser } from '../../support/launchChromium'

const cmsUrl = inject('cmsPublicUrl')

/**
 * An editor's path through the real admin in Chromium. Payload's admin refuses cookie
 * requests from origins it does not know, which broke the release form once: this keeps it
 * working from the address editors use.
 */
describe('the Payload admin in a browser', () => {
  let browser: LaunchedBrowser
  let page: Page

  beforeAll(async () => {
    browser = await launchChromium()
    page = await browser.context.newPage()
    await page.goto(`${cmsUrl}/admin/login`)
    await page.fill('input[name="email"]', inject('adminEmail'))
    await page.fill('input[type="password"]', inject('adminPassword'))
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/?$/, { timeout: 30_000 })
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('lists the collections on the dashboard', async () => {
    for (const label of ['Releases', 'Release Files', 'Pages', 'Boxes', 'Navigation Items', 'Success Stories', 'Events']) {
      await expect(page.getByText(label, { exact: true }).first().isVisible()).resolves.toBe(true)
    }
  })

  it("shows a release's files in its edit form", async () => {
    const response = await fetch(`${cmsUrl}/api/releases?where[name][equals]=Python%203.14.7&depth=0`)
    const { docs } = (await response.json()) as { docs: { id: number }[] }
    await page.goto(`${cmsUrl}/admin/collections/releases/${docs[0].id}`)
    await page.getByText('https://www.python.org/ftp/python/3.14.7/python-3.14.7-amd64.exe').waitFor({ timeout: 30_000 })
    await expect(page.inputValue('input[name="name"]')).resolves.toBe('Python 3.14.7')
    await expect(page.getByText('There was an error building form state').count()).resolves.toBe(0)
  })
})
