/**
 * Issue 17's sponsorship, end to end in Chromium on the running stack, mail read from the real
 * SMTP server: a verified account applies at /sponsors/application/ (preview, then submit); a
 * sponsors manager approves over REST; the contract PDF downloads from the sponsor's dashboard
 * and its text names the sponsor and the benefits; the manager uploads the signed copy and
 * finalizes; the sponsor uploads its logo (its `web_logo` asset) on the dashboard; the logo is
 * on /psf/sponsors/ and in the logo placement API; the daily reminder mails about the missing
 * logo until it is in, then stops.
 */
import type { Page } from 'playwright-core'
import type { Payload } from 'payload'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { runJobByHand } from '../../../cms/jobs/runJobByHand'
import { contractPdf, tinyPng } from '../../support/accessFixtures'
import { launchChromium, type LaunchedBrowser } from '../../support/launchChromium'
import { waitForMail, type MailboxMessage } from '../../support/systemMailbox'
import { connectToSystemDatabase } from '../../support/systemLocalPayload'
import { createVerifiedAccount, type VerifiedAccount } from '../../support/systemMember'

const webUrl = inject('webUrl')
const cmsUrl = inject('cmsUrl')
const mailboxUrl = inject('mailboxUrl')
const run = Date.now().toString(36)
const company = `Flow Snakes ${run}`
const slug = `flow-snakes-${run}`
const manager = { username: `spons${run}`, email: `spons-${run}@example.org`, password: `manager-password-${run}` }
const REMINDER = 'Your PSF sponsorship needs some assets from you'

async function mailbox(): Promise<MailboxMessage[]> {
  return (await (await fetch(`${mailboxUrl}/messages`)).json()) as MailboxMessage[]
}

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`)
}

describe('a sponsorship from application to logo', () => {
  let payload: Payload
  let browser: LaunchedBrowser
  let page: Page
  let account: VerifiedAccount
  let staffToken: string
  let sponsorshipId = 0
  const errors: string[] = []

  const staff = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const response = await fetch(`${cmsUrl}${path}`, { method, headers: { authorization: `JWT ${staffToken}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
    return { status: response.status, json: (await response.json()) as Record<string, unknown> }
  }

  beforeAll(async () => {
    payload = await connectToSystemDatabase()
    account = await createVerifiedAccount(payload, 'sponsorflow')
    await payload.create({ collection: 'users', data: { username: manager.username, email: manager.email, password: manager.password, roles: ['sponsors-manager'] }, overrideAccess: true })
    const login = await fetch(`${cmsUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: manager.email, password: manager.password }) })
    staffToken = String(((await login.json()) as { token?: string }).token)
    browser = await launchChromium()
    page = await browser.context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`${page.url()}: ${message.text()}`)
    })
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('a signed-in account previews its choice and applies; the contacts are mailed', async () => {
    await page.goto(`${webUrl}/accounts/login/?next=${encodeURIComponent('/sponsors/application/')}`)
    await page.fill('#account-login', account.username)
    await page.fill('#account-password', account.password)
    await page.click('form.account-form button[type="submit"]')
    await page.waitForURL(`${webUrl}/sponsors/application/`)
    await page.check('label:has-text("Contributing") input[name="package"]')
    await page.click('button[value="preview"]')
    await page.waitForURL(`${webUrl}/sponsors/application/`)
    const summary = await page.textContent('.sponsorship-summary')
    expect(summary).toContain('This is exactly the Contributing package.')
    expect(summary).toContain('Logo on the python.org sponsors page')
    expect(summary).toContain('USD 30,000')
    await page.fill('#account-company_name', company)
    await page.fill('#account-company_description', 'Snakes, flowing.')
    await page.fill('#account-company_landingPageUrl', 'https://flow.example.org/')
    await page.fill('#account-contact_0_name', 'Flow Person')
    expect(await page.inputValue('#account-contact_0_email')).toBe(account.email)
    await page.click('button[value="submit"]')
    await page.waitForURL(/\/users\/sponsorships\/\d+\/\?done=applied$/)
    sponsorshipId = Number(/\/users\/sponsorships\/(\d+)\//.exec(page.url())?.[1])
    expect(await page.textContent('main')).toContain('Applied: the PSF is reviewing your application')
    await waitForMail(mailboxUrl, account.email, (message) => message.text.includes(company) && /Thank you/i.test(message.subject))
    const created = await payload.findByID({ collection: 'sponsorships', id: sponsorshipId, overrideAccess: true, depth: 0 })
    expect(created).toMatchObject({ status: 'applied', submittedBy: account.id })
  })

  it('staff approve over REST; the contract downloads from the dashboard and names the sponsor and its benefits', async () => {
    const day = 24 * 60 * 60 * 1000
    const approved = await staff('PATCH', `/api/sponsorships/${sponsorshipId}`, { status: 'approved', startDate: new Date(Date.now() - day).toISOString(), endDate: new Date(Date.now() + 300 * day).toISOString(), sponsorshipFee: 30_000 })
    expect(approved.status, JSON.stringify(approved.json).slice(0, 300)).toBe(200)
    await page.goto(`${webUrl}/users/sponsorships/${sponsorshipId}/`)
    expect(await page.textContent('.sponsorship-status')).toContain('Approved')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="/contract/"]')])
    const pdfPath = await download.path()
    const { readFile } = await import('node:fs/promises')
    const bytes = new Uint8Array(await readFile(pdfPath))
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const text = (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text
    expect(text).toContain(company)
    expect(text).toContain('Logo on the python.org sponsors page')
  })

  it('the daily reminder mails the sponsor about its missing logo', async () => {
    const result = await runJobByHand(payload, 'remindSponsorAssets')
    expect(result.state).toBe('succeeded')
    const reminder = await waitForMail(mailboxUrl, account.email, (message) => message.subject === REMINDER && message.text.includes(company))
    expect(reminder.text).toContain('Your logo for python.org (image)')
  })

  it('staff upload the signed copy and finalize; the sponsor uploads its logo on the dashboard', async () => {
    const signed = contractPdf(sponsorshipId)
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(signed)], { type: 'application/pdf' }), `signed-${run}.pdf`)
    form.set('_payload', JSON.stringify({ sponsorship: sponsorshipId, kind: 'signed' }))
    const uploaded = await fetch(`${cmsUrl}/api/sponsor-contracts`, { method: 'POST', headers: { authorization: `JWT ${staffToken}` }, body: form })
    const uploadedBody = (await uploaded.json()) as { doc?: { id: number } }
    expect(uploaded.status, JSON.stringify(uploadedBody).slice(0, 300)).toBe(201)
    const finalized = await staff('PATCH', `/api/sponsorships/${sponsorshipId}`, { signedContract: uploadedBody.doc?.id, status: 'finalized' })
    expect(finalized.status, JSON.stringify(finalized.json).slice(0, 300)).toBe(200)

    await page.goto(`${webUrl}/users/sponsorships/${sponsorshipId}/`)
    expect(await page.textContent('.sponsorship-status')).toContain('Finalized')
    expect(await page.textContent('.sponsorship-asset--missing')).toContain('Your logo for python.org')
    await page.setInputFiles('.sponsorship-asset input[type="file"]', { name: 'logo.png', mimeType: 'image/png', buffer: await tinyPng() })
    await page.click('.sponsorship-asset button[type="submit"]')
    await page.waitForURL(`${webUrl}/users/sponsorships/${sponsorshipId}/?done=saved`)
    expect(await page.textContent('.sponsorship-asset--filled')).toContain('Received.')
  })

  it('the logo is on /psf/sponsors/ and in the logo placement API', async () => {
    await eventually(async () => {
      const placements = (await (await fetch(`${cmsUrl}/api/v2/sponsors/logo-placement/?publisher=psf&flight=sponsors`)).json()) as { sponsor: string; sponsor_slug: string; logo: string }[]
      return placements.some((entry) => entry.sponsor === company && entry.logo !== '')
    }, 'the placement API listing the sponsor')
    await eventually(async () => {
      const response = await fetch(`${webUrl}/psf/sponsors/`)
      const body = await response.text()
      return response.status === 200 && body.includes(company)
    }, '/psf/sponsors/ showing the sponsor')
    await page.goto(`${webUrl}/psf/sponsors/`)
    const logo = page.locator(`#${slug} img`)
    expect(await logo.count()).toBe(1)
    // The page links the logo the placement API gives, and that is the uploaded image, public.
    const placements = (await (await fetch(`${cmsUrl}/api/v2/sponsors/logo-placement/?publisher=psf&flight=sponsors`)).json()) as { sponsor: string; logo: string }[]
    const logoUrl = placements.find((entry) => entry.sponsor === company)?.logo ?? ''
    expect(await logo.getAttribute('src')).toBe(logoUrl)
    // The browser loaded it: the site's CSP admits the CMS's media origin (CMS_PUBLIC_URL).
    await logo.evaluate((element: HTMLImageElement) => element.decode())
    expect(await logo.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0)
    const image = await fetch(logoUrl)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
  }, 300_000)

  it('the reminders stop once the asset is in', async () => {
    // The next day: the reminder looks at the sponsorship's assets again.
    const assets = await payload.find({ collection: 'sponsorship-assets', where: { sponsorship: { equals: sponsorshipId } }, overrideAccess: true, depth: 0 })
    for (const asset of assets.docs) await payload.update({ collection: 'sponsorship-assets', id: asset.id, data: { lastRemindedAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString() }, overrideAccess: true })
    const before = (await mailbox()).filter((message) => message.to.includes(account.email) && message.subject === REMINDER).length
    expect((await runJobByHand(payload, 'remindSponsorAssets')).state).toBe('succeeded')
    // The mail queue runs every 5 seconds: give a message time to arrive, if one were queued.
    await new Promise((resolve) => setTimeout(resolve, 12_000))
    expect((await mailbox()).filter((message) => message.to.includes(account.email) && message.subject === REMINDER).length).toBe(before)
    expect(errors).toEqual([])
  }, 60_000)
})
