/**
 * Issue 13's Chromium test for elections, on the running stack with the mail read from the real
 * SMTP server the CMS sends through: an account joins the PSF through the site's membership form,
 * then nominates a second account during an open window;
 * the nominee follows the mailed link, signs in and accepts; PSF staff approve (REST); the
 * nominee shows on the election's public page; once the window closes the form refuses.
 */
import type { Page } from 'playwright-core'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { eventually } from '../../support/jobsTesting'
import { launchChromium, type LaunchedBrowser } from '../../support/launchChromium'
import { call } from '../../support/legacyApiClient'
import { waitForMail } from '../../support/systemMailbox'
import { connectToSystemDatabase } from '../../support/systemLocalPayload'

const webUrl = inject('webUrl')
const cmsUrl = inject('cmsUrl')
const mailboxUrl = inject('mailboxUrl')
const run = Date.now().toString(36)
const password = `nomination-password-${run}`
const DAY = 24 * 60 * 60 * 1000

describe('a PSF member nominates someone, who accepts from the mail; staff approve; the window closes', () => {
  let payload: Payload
  let browser: LaunchedBrowser
  let page: Page
  let staffToken: string
  let electionId: number
  const electionSlug = `board-election-${run}`
  const nomineeEmail = `nominee-${run}@example.org`
  const errors: string[] = []

  beforeAll(async () => {
    payload = await connectToSystemDatabase()
    const account = (username: string, email: string, firstName: string, lastName: string) =>
      payload.create({ collection: 'accounts', data: { username, email, password, firstName, lastName, emailVerified: true, active: true, emailPrivacy: 'nobody' }, overrideAccess: true, depth: 0 })
    await account(`member${run}`, `member-${run}@example.org`, 'Mona', 'Member')
    await account(`nominee${run}`, nomineeEmail, 'Nico', 'Nominee')
    await payload.create({ collection: 'users', data: { username: `psf${run}`, email: `psf-${run}@example.org`, password, roles: ['psf-staff'] }, overrideAccess: true })
    const login = await call(cmsUrl, '/api/users/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `psf-${run}@example.org`, password }) })
    staffToken = (login.body as { token: string }).token
    // Through the CMS's REST API as PSF staff, so the site's caches hear of it (the Local API here purges nothing).
    const created = await call(cmsUrl, '/api/elections', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${staffToken}` },
      body: JSON.stringify({ name: `Board Election ${run}`, slug: electionSlug, date: new Date(Date.now() + 30 * DAY).toISOString(), nominationsOpenAt: new Date(Date.now() - DAY).toISOString(), nominationsCloseAt: new Date(Date.now() + DAY).toISOString(), description: 'Elect *four* directors.' }),
    })
    expect(created.status, created.text).toBe(201)
    electionId = (created.body as { doc: { id: number } }).doc.id
    browser = await launchChromium()
    page = await browser.context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`${page.url()}: ${message.text()}`)
    })
  })
  afterAll(async () => {
    await browser?.close()
    await payload?.destroy()
  })

  async function signIn(login: string): Promise<void> {
    await page.fill('#account-login', login)
    await page.fill('#account-password', password)
    await page.click('form.account-form button[type="submit"]')
  }

  it('the first account joins the PSF through the site\'s membership form', async () => {
    await page.goto(`${webUrl}/users/membership/`)
    expect(page.url()).toContain('/accounts/login/?next=')
    await signIn(`member${run}`)
    await page.waitForURL(`${webUrl}/users/membership/`)
    await page.fill('#account-legalName', 'Mona Member')
    await page.fill('#account-preferredName', 'Mona')
    await page.fill('#account-city', 'Town')
    await page.fill('#account-region', 'Region')
    await page.fill('#account-country', 'Country')
    await page.fill('#account-postalCode', '12345')
    await page.selectOption('#account-codeOfConduct', 'yes')
    await page.click('form.account-form button[type="submit"]')
    await page.waitForURL(`${webUrl}/users/membership/thanks/`)
    await browser.context.clearCookies()
  })

  it('the member nominates the second account while nominations are open', async () => {
    const list = await page.goto(`${webUrl}/nominations/elections/`)
    expect(list?.status()).toBe(200)
    expect(await page.textContent('main')).toContain(`Board Election ${run}`)
    await page.goto(`${webUrl}/nominations/${electionSlug}/create/`)
    expect(page.url()).toContain('/accounts/login/?next=')
    await signIn(`member${run}`)
    await page.waitForURL(`${webUrl}/nominations/${electionSlug}/create/`)
    await page.fill('#account-name', 'Nico Nominee')
    await page.fill('#account-email', nomineeEmail)
    await page.fill('#account-employer', 'Example Ltd')
    await page.fill('#account-statement', 'Nico has **run** the sprints for years.')
    await page.click('button[name="preview"]')
    expect(await page.innerHTML('.nomination-preview')).toContain('<strong>run</strong>')
    await page.click('form.account-form button[type="submit"]:not([name])')
    await page.waitForURL(`${webUrl}/users/nominations/?done=nominated`)
    expect(await page.textContent('main')).toContain('Nico Nominee, not accepted yet')
    await browser.context.clearCookies()
  })

  it('the nominee follows the mailed link, signs in and accepts', async () => {
    const mail = await waitForMail(mailboxUrl, nomineeEmail, (message) => message.text.includes('/nominations/respond/'))
    const link = new RegExp(`${webUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/nominations/respond/[A-Za-z0-9_-]+/`).exec(mail.text)?.[0]
    expect(link).toBeDefined()
    await page.goto(link ?? '')
    await signIn(nomineeEmail)
    await page.waitForURL(link ?? '')
    expect(await page.textContent('main')).toContain(`You have been nominated for Board Election ${run}`)
    await page.click('button[value="accept"]')
    await page.waitForURL(`${webUrl}/users/nominations/?done=accepted`)
    expect(await page.textContent('main')).toContain('Accepted')
    // Not public before staff approve.
    await browser.context.clearCookies()
    await page.goto(`${webUrl}/nominations/election/${electionSlug}/`)
    expect(await page.textContent('.nominees')).toContain('No nominees have accepted and been approved yet.')
    const told = await waitForMail(mailboxUrl, `member-${run}@example.org`, (message) => message.subject.includes('was accepted'))
    expect(told.text).toContain('Nico Nominee has accepted your nomination')
  })

  it('PSF staff approve, and the nominee shows on the election page', async () => {
    const found = await payload.find({ collection: 'nominations', where: { election: { equals: electionId } }, overrideAccess: true, depth: 0 })
    const nomination = found.docs[0]
    expect(nomination?.accepted).toBe(true)
    const approve = await call(cmsUrl, `/api/nominations/${nomination?.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `JWT ${staffToken}` }, body: JSON.stringify({ approved: true }) })
    expect(approve.status).toBe(200)
    // The approval purges the cached election page (a job, after the commit).
    let lastSeen = ''
    try {
      // Asked outside the browser, whose own cache may keep the page it saw for its max-age.
      await eventually('the nominee on the election page', async () => {
        const response = await fetch(`${webUrl}/nominations/election/${electionSlug}/`)
        lastSeen = `${response.status} ${await response.text()}`
        return lastSeen.includes('Nico Nominee')
      }, 60_000)
    } catch (error) {
      const nominees = await call(cmsUrl, `/api/nominees?where[election][equals]=${electionId}&depth=0`)
      const stored = await payload.find({ collection: 'nominees', where: { election: { equals: electionId } }, overrideAccess: true, depth: 0 })
      throw new Error(`${String(error)}\nlast page: ${lastSeen.slice(0, 1500)}\npublic nominees: ${nominees.status} ${nominees.text.slice(0, 500)}\nstored: ${JSON.stringify(stored.docs)}`)
    }
    await page.goto(`${webUrl}/nominations/election/${electionSlug}/`)
    await page.reload()
    expect(await page.textContent('.nominees')).toContain('Nico Nominee')
    await page.click('.nominee-list a')
    expect(await page.textContent('h1')).toBe('Nico Nominee')
    expect(await page.innerHTML('.nomination-statement')).toContain('<strong>run</strong>')
    expect(await page.textContent('main')).not.toContain(nomineeEmail)
  })

  it('refuses the form once the window has closed, writing nothing', async () => {
    const close = await call(cmsUrl, `/api/elections/${electionId}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `JWT ${staffToken}` }, body: JSON.stringify({ nominationsCloseAt: new Date(Date.now() - 1000).toISOString() }) })
    expect(close.status).toBe(200)
    const before = (await payload.count({ collection: 'nominations', where: { election: { equals: electionId } }, overrideAccess: true })).totalDocs
    await page.goto(`${webUrl}/accounts/login/`)
    await signIn(`member${run}`)
    await page.waitForURL(`${webUrl}/`)
    const form = await page.goto(`${webUrl}/nominations/${electionSlug}/create/`)
    expect(form?.status()).toBe(409)
    expect(await page.textContent('main')).toContain(`Nominations for Board Election ${run} are closed.`)
    expect(await page.$('form.account-form')).toBeNull()
    expect((await payload.count({ collection: 'nominations', where: { election: { equals: electionId } }, overrideAccess: true })).totalDocs).toBe(before)
    expect(errors).toEqual([])
  })
})
