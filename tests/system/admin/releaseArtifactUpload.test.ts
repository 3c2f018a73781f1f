import { createHash, randomUUID } from 'node:crypto'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminToken, call } from '../../support/legacyApiClient'
import { launchChromium, type LaunchedBrowser } from '../../support/launchChromium'

const cmsUrl = inject('cmsPublicUrl')

/** A release manager uploads an artifact in the admin; the server fills in its checksums. */
describe('a release manager uploading a release artifact in the admin', () => {
  let browser: LaunchedBrowser
  let page: Page
  const username = `admin-rm-${randomUUID().slice(0, 8)}`
  const password = `pw-${randomUUID()}`

  beforeAll(async () => {
    const token = await adminToken(inject('cmsUrl'), inject('adminEmail'), inject('adminPassword'))
    const created = await call(inject('cmsUrl'), '/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ email: `${username}@example.org`, username, password, roles: ['release-manager'] }),
    })
    expect(created.status).toBe(201)
    browser = await launchChromium()
    page = await browser.context.newPage()
    await page.goto(`${cmsUrl}/admin/login`)
    await page.fill('input[name="email"]', `${username}@example.org`)
    await page.fill('input[type="password"]', password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/?$/, { timeout: 30_000 })
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('uploads an installer and shows the SHA-256 and MD5 the server computed', async () => {
    const bytes = Buffer.from('MZ an installer uploaded through the admin\n'.repeat(50))
    await page.goto(`${cmsUrl}/admin/collections/release-artifacts/create`)
    await page.setInputFiles('input[type="file"]', { name: 'python-3.79.1-amd64.exe', mimeType: 'application/octet-stream', buffer: bytes })
    await page.click('#action-save')
    await page.waitForURL(/\/admin\/collections\/release-artifacts\/\d+/, { timeout: 30_000 })
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    await page.waitForFunction((expected) => (document.querySelector('input[name="sha256Sum"]') as HTMLInputElement | null)?.value === expected, sha256, { timeout: 30_000 })
    await expect(page.inputValue('input[name="md5Sum"]')).resolves.toBe(createHash('md5').update(bytes).digest('hex'))
  })

  it("adds a file to a release by upload, from the release's page", async () => {
    const token = await adminToken(inject('cmsUrl'), inject('adminEmail'), inject('adminPassword'))
    const release = await call(inject('cmsUrl'), '/api/releases', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ name: 'Python 3.79.2', version: 3, isPublished: false }),
    })
    const releaseId = (release.body as { doc: { id: number } }).doc.id
    const bytes = Buffer.from('MZ the 3.79.2 installer\n'.repeat(40))
    await page.goto(`${cmsUrl}/admin/collections/releases/${releaseId}`)
    await page.click('.relationship-table__add-new')
    const fileDrawer = page.locator('.drawer__content').last()
    await fileDrawer.locator('input[name="name"]').fill('Windows installer (64-bit)')
    await fileDrawer.locator('#field-os .rs__control').click()
    await page.locator('.rs__option', { hasText: /^Windows$/ }).click()
    await fileDrawer.locator('#field-artifact').getByText('Create New').click()
    const artifactDrawer = page.locator('.drawer__content').last()
    await artifactDrawer.locator('input[type="file"]').setInputFiles({ name: 'python-3.79.2-amd64.exe', mimeType: 'application/octet-stream', buffer: bytes })
    await artifactDrawer.locator('#action-save').click()
    await fileDrawer.getByText('python-3.79.2-amd64.exe').first().waitFor({ timeout: 30_000 })
    await fileDrawer.locator('#action-save').click()
    await page.getByText('https://www.python.org/ftp/python/3.79.2/python-3.79.2-amd64.exe').first().waitFor({ timeout: 30_000 })
    const files = await call(inject('cmsUrl'), `/api/release-files?where[release][equals]=${releaseId}&depth=0`, { headers: { authorization: `JWT ${token}` } })
    // The system tests share one database: take the release (and its file) away again afterwards.
    const cleanup = () => call(inject('cmsUrl'), `/api/releases/${releaseId}`, { method: 'DELETE', headers: { authorization: `JWT ${token}` } })
    expect((files.body as { docs: Record<string, unknown>[] }).docs).toMatchObject([
      {
        name: 'Windows installer (64-bit)',
        slug: '3792-Windows-installer-64-bit',
        url: 'https://www.python.org/ftp/python/3.79.2/python-3.79.2-amd64.exe',
        sha256Sum: createHash('sha256').update(bytes).digest('hex'),
        fileSize: bytes.length,
      },
    ])
    expect((await cleanup()).status).toBe(200)
  })
})
