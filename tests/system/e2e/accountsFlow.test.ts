/**
 * Issue 11's "Done when", as a new visitor does it in Chromium on the running stack, with the
 * mail read from the real SMTP server the CMS sends through (systemGlobalSetup's mailbox):
 * sign up, follow the verification link from the mail, sign in, edit the profile, see
 * /users/<name>/, sign out, reset the password through the mailed link, sign in with the new one
 * (and no longer with the old). Along the way: the header widget shows who is signed in, and no
 * page logs a console error (CSP included).
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium, type LaunchedBrowser } from '../../support/launchChromium'
import { waitForMail } from '../../support/systemMailbox'

const webUrl = inject('webUrl')
const mailboxUrl = inject('mailboxUrl')
const run = Date.now().toString(36)
const username = `ada${run}`
const email = `ada-${run}@example.org`
const firstPassword = `first-password-${run}`
const newPassword = `second-password-${run}`

/** The link to the site in a mail's text part: `${SITE_URL}<path><token>/`. */
function linkIn(text: string, path: string): string {
  const escaped = `${webUrl}${path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`${escaped}[A-Za-z0-9_.~-]+/`).exec(text)
  if (!match) throw new Error(`no ${path} link in the mail:\n${text}`)
  return match[0]
}

describe('a new visitor signs up, verifies, edits the profile, signs out and resets the password', () => {
  let browser: LaunchedBrowser
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    page = await browser.context.newPage()
    page.on('console', (message) => {
      // The refused sign-ins are 401/403 pages on purpose; Chromium logs those loads as errors.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`${page.url()}: ${message.text()}`)
    })
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function signIn(login: string, password: string): Promise<void> {
    await page.goto(`${webUrl}/accounts/login/`)
    await page.fill('#account-login', login)
    await page.fill('#account-password', password)
    await page.click('form.account-form button[type="submit"]')
  }

  it('signs up and gets the verification mail', async () => {
    await page.goto(`${webUrl}/accounts/signup/`)
    expect(await page.textContent('main')).toContain('You do not need an account to download Python')
    await page.fill('#account-username', username)
    await page.fill('#account-email', email)
    await page.fill('#account-password', firstPassword)
    await page.fill('#account-passwordAgain', firstPassword)
    await page.click('form.account-form button[type="submit"]')
    await page.waitForURL(`${webUrl}/accounts/signup/?done=sent`)
    expect(await page.textContent('main')).toContain('We have sent you an email to verify your address.')
  })

  it('is refused sign-in before verifying, then verifies through the mailed link (a button, not the GET)', async () => {
    await signIn(username, firstPassword)
    expect(page.url()).toContain('/accounts/login/')
    const mail = await waitForMail(mailboxUrl, email, (message) => message.text.includes('/accounts/confirm-email/'))
    expect(mail.html).not.toBe('')
    const link = linkIn(mail.text, '/accounts/confirm-email/')
    await page.goto(link)
    expect(await page.textContent('main')).toContain('Confirm Email Address')
    await page.click('main form button[type="submit"]')
    await page.waitForURL(`${webUrl}/accounts/login/?done=verified`)
    expect(await page.textContent('main')).toContain('Your email address is confirmed.')
  })

  it('signs in, and the header widget on a cached public page shows the username', async () => {
    await signIn(username, firstPassword)
    await page.waitForURL(`${webUrl}/`)
    await page.waitForSelector('[data-account-widget][data-account-state="signed-in"]')
    expect(await page.textContent('[data-account-widget]')).toContain(username)
    const cookies = await browser.context.cookies(webUrl)
    const session = cookies.find((cookie) => cookie.name === 'pydotorg_session')
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookies.some((cookie) => cookie.name === 'payload-token')).toBe(false)
  })

  it('edits the profile and sees the public profile page', async () => {
    await page.goto(`${webUrl}/users/edit/`)
    await page.fill('#account-firstName', 'Ada')
    await page.fill('#account-lastName', 'Lovelace')
    await page.fill('#account-location', 'London')
    await page.fill('#account-bio', 'Wrote the *first* program.')
    await page.check('input[name="publicProfile"]')
    await page.click('form.account-form button[type="submit"]')
    await page.waitForURL(`${webUrl}/users/edit/?done=saved`)
    expect(await page.textContent('main')).toContain('Your profile has been saved.')
    const profile = await page.goto(`${webUrl}/users/${username}/`)
    expect(profile?.status()).toBe(200)
    expect(await page.textContent('h1')).toBe('Ada Lovelace')
    expect(await page.textContent('main')).toContain('London')
  })

  it('signs out through the confirm page', async () => {
    await page.goto(`${webUrl}/accounts/logout/`)
    await page.click('main form button[type="submit"]')
    await page.waitForURL(`${webUrl}/`)
    await page.waitForSelector('[data-account-widget][data-account-state="signed-out"]')
    expect((await browser.context.cookies(webUrl)).some((cookie) => cookie.name === 'pydotorg_session')).toBe(false)
    const edit = await page.goto(`${webUrl}/users/edit/`)
    expect(edit?.url()).toBe(`${webUrl}/accounts/login/?next=%2Fusers%2Fedit%2F`)
  })

  it('resets the password through the mailed link and signs in with the new one only', async () => {
    await page.goto(`${webUrl}/accounts/password/reset/`)
    await page.fill('#account-email', email)
    await page.click('form.account-form button[type="submit"]')
    await page.waitForURL(`${webUrl}/accounts/password/reset/?done=sent`)
    const mail = await waitForMail(mailboxUrl, email, (message) => message.text.includes('/accounts/password/reset/key/'))
    await page.goto(linkIn(mail.text, '/accounts/password/reset/key/'))
    await page.fill('#account-password', newPassword)
    await page.fill('#account-passwordAgain', newPassword)
    await page.click('form.account-form button[type="submit"]')
    await page.waitForURL(`${webUrl}/accounts/login/?done=password-reset`)

    await signIn(email, firstPassword)
    expect(page.url()).toContain('/accounts/login/')
    await signIn(email, newPassword)
    await page.waitForURL(`${webUrl}/`)
    await page.waitForSelector('[data-account-widget][data-account-state="signed-in"]')
    expect(errors).toEqual([])
  })
})
