/**
 * Issue 13's membership, as a new visitor does it in Chromium on the running stack, with the mail
 * read from the real SMTP server the CMS sends through (systemGlobalSetup's mailbox): sign up,
 * verify through the mailed link, sign in, follow the header menu to the PSF membership form,
 * join, get the confirmation mail, see the edit form (and the menu's "Edit" link) afterwards.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium, type LaunchedBrowser } from '../../support/launchChromium'
import { waitForMail } from '../../support/systemMailbox'

const webUrl = inject('webUrl')
const mailboxUrl = inject('mailboxUrl')
const run = Date.now().toString(36)
const username = `member${run}`
const email = `member-${run}@example.org`
const password = `member-password-${run}`

describe('a new visitor signs up, verifies and joins the PSF through the membership form', () => {
  let browser: LaunchedBrowser
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    page = await browser.context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`${page.url()}: ${message.text()}`)
    })
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('signs up and verifies the address through the mailed link', async () => {
    await page.goto(`${webUrl}/accounts/signup/`)
    await page.fill('#account-username', username)
    await page.fill('#account-email', email)
    await page.fill('#account-password', password)
    await page.fill('#account-passwordAgain', password)
    await page.click('form.account-form button[type="submit"]')
    await page.waitForURL(`${webUrl}/accounts/signup/?done=sent`)
    const mail = await waitForMail(mailboxUrl, email, (message) => message.text.includes('/accounts/confirm-email/'))
    const link = new RegExp(`${webUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/accounts/confirm-email/[A-Za-z0-9_.~-]+/`).exec(mail.text)?.[0]
    if (link === undefined) throw new Error(`no link in ${mail.text}`)
    await page.goto(link)
    await page.click('main form button[type="submit"]')
    await page.waitForURL(`${webUrl}/accounts/login/?done=verified`)
  })

  it('signs in, is sent from the membership form to sign in and back, and finds it in the header menu', async () => {
    await page.goto(`${webUrl}/users/membership/`)
    expect(page.url()).toBe(`${webUrl}/accounts/login/?next=%2Fusers%2Fmembership%2F`)
    await page.fill('#account-login', username)
    await page.fill('#account-password', password)
    await page.click('form.account-form button[type="submit"]')
    await page.waitForURL(`${webUrl}/users/membership/`)
    await page.goto(`${webUrl}/`)
    await page.waitForSelector('[data-account-widget][data-account-state="signed-in"]')
    await page.click('[data-account-widget] a[href="/users/membership/"]', { force: true })
    await page.waitForURL(`${webUrl}/users/membership/`)
    expect(await page.inputValue('#account-emailAddress')).toBe(email)
  })

  it('is refused without agreeing to the code of conduct, then joins and gets the confirmation mail', async () => {
    await page.fill('#account-legalName', 'Ada Lovelace')
    await page.fill('#account-preferredName', 'Ada')
    await page.fill('#account-city', 'London')
    await page.fill('#account-region', 'Greater London')
    await page.fill('#account-country', 'United Kingdom')
    await page.fill('#account-postalCode', 'W1 1AA')
    await page.selectOption('#account-codeOfConduct', 'no')
    await page.check('input[name="votes"]')
    await page.click('form.account-form button[type="submit"]')
    expect(await page.textContent('main')).toContain('Agreeing to the code of conduct is required.')
    await page.selectOption('#account-codeOfConduct', 'yes')
    await page.click('form.account-form button[type="submit"]')
    await page.waitForURL(`${webUrl}/users/membership/thanks/`)
    expect(await page.textContent('main')).toContain('Your membership information has been saved successfully.')

    const mail = await waitForMail(mailboxUrl, email, (message) => message.subject === 'Welcome to the Python Software Foundation')
    expect(mail.text).toContain('Basic Member')
    expect(mail.text).toContain('Ada Lovelace')
    expect(mail.text).toContain(`${webUrl}/users/membership/edit/`)
  })

  it('is sent to the edit form afterwards, and the header menu offers to edit', async () => {
    await page.goto(`${webUrl}/users/membership/`)
    expect(page.url()).toBe(`${webUrl}/users/membership/edit/`)
    expect(await page.inputValue('#account-legalName')).toBe('Ada Lovelace')
    expect(await page.textContent('main')).toContain('I have previously agreed to the PSF Code of Conduct.')
    await page.goto(`${webUrl}/`)
    await page.waitForSelector('[data-account-widget] a[href="/users/membership/edit/"]', { state: 'attached' })
    expect(errors).toEqual([])
  })
})
