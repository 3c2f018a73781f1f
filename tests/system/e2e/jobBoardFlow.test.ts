/**
 * Issue 12's whole life of a job, in Chromium on the running stack, with every mail read from the
 * real SMTP server the CMS sends through (systemGlobalSetup's mailbox): a new visitor signs up,
 * verifies and posts a job at /jobs/create/ (preview, then "Submit for Approval"); the jobs
 * moderator (an account with a jobs-moderator staff user's address) comments from /jobs/review/;
 * the submitter edits; the moderator approves; the job is on /jobs/, in the RSS feed and in the
 * search; the daily expiry takes it off all three and tells the submitter.
 */
import type { Page } from 'playwright-core'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { runJobByHand } from '../../../cms/jobs/runJobByHand'
import { launchChromium, type LaunchedBrowser } from '../../support/launchChromium'
import { waitForMail } from '../../support/systemMailbox'
import { connectToSystemDatabase } from '../../support/systemLocalPayload'

const webUrl = inject('webUrl')
const mailboxUrl = inject('mailboxUrl')
const run = Date.now().toString(36)
const poster = { username: `poster${run}`, email: `poster-${run}@example.org`, password: `poster-password-${run}` }
const moderator = { username: `jobsmod${run}`, email: `jobs-mod-${run}@example.org`, password: `moderator-password-${run}` }
const title = `Pythonista ${run}`

function linkIn(text: string, path: string): string {
  const escaped = `${webUrl}${path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`${escaped}[A-Za-z0-9_.~-]+/`).exec(text)
  if (!match) throw new Error(`no ${path} link in the mail:\n${text}`)
  return match[0]
}

/** Fetches `path` until `check` holds on its body (the CMS purges the site's cache through its queue, and indexes search the same way). */
async function eventuallyPage(path: string, check: (status: number, body: string) => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = ''
  while (Date.now() < deadline) {
    const response = await fetch(`${webUrl}${path}`)
    const body = await response.text()
    if (check(response.status, body)) return
    last = `${response.status}`
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(`${path} did not change as expected within ${timeoutMs} ms (last status ${last})`)
}

describe('the whole life of a job on the board', () => {
  let payload: Payload
  let posterBrowser: LaunchedBrowser
  let moderatorBrowser: LaunchedBrowser
  let posterPage: Page
  let moderatorPage: Page
  let jobId = 0
  const errors: string[] = []

  beforeAll(async () => {
    payload = await connectToSystemDatabase()
    // The moderator: a jobs-moderator staff user, and the site account with its (verified) address.
    await payload.create({ collection: 'users', data: { username: moderator.username, email: moderator.email, password: moderator.password, roles: ['jobs-moderator'] }, overrideAccess: true })
    await payload.create({ collection: 'accounts', data: { username: moderator.username, email: moderator.email, password: moderator.password, emailVerified: true, active: true, emailPrivacy: 'nobody' }, overrideAccess: true })
    posterBrowser = await launchChromium()
    moderatorBrowser = await launchChromium()
    posterPage = await posterBrowser.context.newPage()
    moderatorPage = await moderatorBrowser.context.newPage()
    for (const page of [posterPage, moderatorPage]) {
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`${page.url()}: ${message.text()}`)
      })
    }
  })
  afterAll(async () => {
    await posterBrowser?.close()
    await moderatorBrowser?.close()
  })

  async function signIn(page: Page, login: string, password: string, next: string): Promise<void> {
    await page.goto(`${webUrl}/accounts/login/?next=${encodeURIComponent(next)}`)
    await page.fill('#account-login', login)
    await page.fill('#account-password', password)
    await page.click('form.account-form button[type="submit"]')
    await page.waitForURL(`${webUrl}${next}`)
  }

  it('a new visitor signs up, verifies and is sent to sign in from /jobs/create/', async () => {
    await posterPage.goto(`${webUrl}/accounts/signup/`)
    await posterPage.fill('#account-username', poster.username)
    await posterPage.fill('#account-email', poster.email)
    await posterPage.fill('#account-password', poster.password)
    await posterPage.fill('#account-passwordAgain', poster.password)
    await posterPage.click('form.account-form button[type="submit"]')
    await posterPage.waitForURL(`${webUrl}/accounts/signup/?done=sent`)
    const mail = await waitForMail(mailboxUrl, poster.email, (message) => message.text.includes('/accounts/confirm-email/'))
    await posterPage.goto(linkIn(mail.text, '/accounts/confirm-email/'))
    await posterPage.click('main form button[type="submit"]')
    await posterPage.waitForURL(`${webUrl}/accounts/login/?done=verified`)
    await posterPage.goto(`${webUrl}/jobs/create/`)
    expect(posterPage.url()).toBe(`${webUrl}/accounts/login/?next=%2Fjobs%2Fcreate%2F`)
    await signIn(posterPage, poster.username, poster.password, '/jobs/create/')
  })

  it('posts a job: the preview shows it as a draft, then it is submitted and the moderators are mailed', async () => {
    await posterPage.fill('#account-title', title)
    await posterPage.fill('#account-companyName', 'Example Ltd')
    await posterPage.selectOption('#account-category', { index: 1 })
    await posterPage.check('input[name="types"] >> nth=0')
    await posterPage.fill('#account-city', 'Lisbon')
    await posterPage.fill('#account-country', 'Portugal')
    await posterPage.fill('#account-description', 'Write *Python* every day. <script>alert(1)</script>')
    await posterPage.fill('#account-requirements', 'Python.')
    await posterPage.fill('#account-email', `hiring-${run}@example.org`)
    await posterPage.fill('#account-url', 'https://example.org/jobs/')
    await posterPage.click('form.job-form button[type="submit"]')
    await posterPage.waitForURL(/\/jobs\/\d+\/preview\/\?done=created$/)
    jobId = Number(/\/jobs\/(\d+)\//.exec(posterPage.url())?.[1])
    const preview = await posterPage.textContent('main')
    expect(preview).toContain('This job is in draft mode')
    expect(await posterPage.innerHTML('.job-description')).toContain('<em>Python</em>')
    expect(await posterPage.innerHTML('.job-description')).not.toContain('<script')
    await posterPage.click('button:has-text("Submit for Approval")')
    await posterPage.waitForURL(`${webUrl}/jobs/mine/?done=submitted`)
    expect(await posterPage.textContent('main')).toContain('Waiting for review')
    const notice = await waitForMail(mailboxUrl, moderator.email, (message) => message.subject === `Job Submitted for Approval: ${title}, Example Ltd`)
    expect(notice.text).toContain(title)
  })

  it('the moderator comments from the review queue, and the submitter is mailed the comment', async () => {
    await signIn(moderatorPage, moderator.username, moderator.password, '/jobs/review/')
    expect(await moderatorPage.textContent('main')).toContain(title)
    await moderatorPage.fill(`#review-comment-${jobId}`, 'Please name the salary range.')
    await moderatorPage.click(`#job-${jobId} button[value="comment"]`)
    await moderatorPage.waitForURL(`${webUrl}/jobs/review/?done=comment`)
    expect(await moderatorPage.textContent(`#job-${jobId}`)).toContain('Please name the salary range.')
    const mail = await waitForMail(mailboxUrl, poster.email, (message) => message.subject === `Python Job Board: Review comment for: ${title}, Example Ltd`)
    expect(mail.text).toContain('Please name the salary range.')
  })

  it('the submitter edits the job, and the moderator approves it: the submitter is mailed', async () => {
    await posterPage.goto(`${webUrl}/jobs/${jobId}/edit/`)
    await posterPage.fill('#account-description', 'Write *Python* every day. 40k to 60k EUR.')
    await posterPage.click('form.job-form button[type="submit"]')
    await posterPage.waitForURL(`${webUrl}/jobs/${jobId}/preview/?done=saved`)
    expect(await posterPage.textContent('main')).toContain('40k to 60k EUR')

    await moderatorPage.goto(`${webUrl}/jobs/review/`)
    expect(await moderatorPage.textContent(`#job-${jobId}`)).toContain('40k to 60k EUR')
    await moderatorPage.click(`#job-${jobId} button[value="approve"]`)
    await moderatorPage.waitForURL(`${webUrl}/jobs/review/?done=approve`)
    await waitForMail(mailboxUrl, poster.email, (message) => message.subject === 'Python Job Board: Job entry approved')
  })

  it('is listed on /jobs/, in the RSS feed and in the search', async () => {
    await eventuallyPage('/jobs/', (status, body) => status === 200 && body.includes(title))
    await eventuallyPage('/jobs/feed/rss/', (status, body) => status === 200 && body.includes(title))
    await eventuallyPage(`/jobs/${jobId}/`, (status, body) => status === 200 && body.includes('40k to 60k EUR'))
    await eventuallyPage(`/search/?q=${encodeURIComponent(title)}`, (status, body) => status === 200 && body.includes(`/jobs/${jobId}/`))
  }, 400_000)

  it('the daily expiry takes it off the board, the feed and the search, and tells the submitter', async () => {
    await payload.update({ collection: 'jobs', id: jobId, data: { expires: new Date(Date.now() - 60_000).toISOString() }, overrideAccess: true })
    await runJobByHand(payload, 'expireJobs')
    expect((await payload.findByID({ collection: 'jobs', id: jobId, overrideAccess: true })).status).toBe('expired')
    await waitForMail(mailboxUrl, poster.email, (message) => message.subject === 'Python Job Board: Job listing expired')
    await eventuallyPage(`/jobs/${jobId}/`, (status) => status === 404)
    await eventuallyPage('/jobs/', (status, body) => status === 200 && !body.includes(title))
    await eventuallyPage('/jobs/feed/rss/', (status, body) => status === 200 && !body.includes(title))
    await eventuallyPage(`/search/?q=${encodeURIComponent(title)}`, (status, body) => status === 200 && !body.includes(`/jobs/${jobId}/`))
    await posterPage.goto(`${webUrl}/jobs/mine/`)
    expect(await posterPage.textContent('main')).toContain('Expired')
    expect(errors).toEqual([])
  }, 400_000)
})
