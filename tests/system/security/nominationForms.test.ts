/**
 * The nomination form and the nominee's invitation page (issue 13) under attack, on the running
 * stack, as a signed-in PSF member:
 * - stored XSS: script, event-handler and `javascript:` payloads typed into every field of the
 *   form (the statement in Markdown) and into the nominee's name, rendered by the form's preview
 *   and, once accepted and approved, by the election and nominee pages: nothing runs;
 * - fuzz: hostile values posted with and without a real CSRF token, and hostile invitation
 *   tokens, each answered with a page, a redirect or a 4xx, never a 5xx; refused posts write nothing.
 * Prints `fuzz: N inputs tried, M answered 5xx` like the other fuzz suites.
 */
import fc from 'fast-check'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { FuzzTally, type FuzzRequest } from '../../support/fuzz/FuzzTally'
import { adminToken, call } from '../../support/legacyApiClient'
import { hostileText } from '../../support/fuzz/hostileValues'
import { connectToSystemDatabase } from '../../support/systemLocalPayload'
import { findActiveContent } from '../../support/xss/findActiveContent'
import { MARKDOWN_PAYLOADS, TEXT_PAYLOADS } from '../../support/xss/xssPayloads'

const webUrl = inject('webUrl')
const cmsUrl = inject('cmsUrl')
const run = Date.now().toString(36)
const password = `nomination-fuzz-password-${run}`
const DAY = 24 * 60 * 60 * 1000
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const tally = new FuzzTally()

/** The cookies of one site visitor, by name (paths ignored: the test sends them all). */
const jar = new Map<string, string>()
const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
function remember(response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';')
    const equals = pair.indexOf('=')
    jar.set(pair.slice(0, equals), pair.slice(equals + 1))
  }
}
async function get(path: string): Promise<{ status: number; body: string; token: string }> {
  const response = await fetch(`${webUrl}${path}`, { headers: { cookie: cookieHeader() }, redirect: 'manual' })
  remember(response)
  const body = await response.text()
  return { status: response.status, body, token: /name="csrfToken" value="([^"]+)"/.exec(body)?.[1] ?? '' }
}
async function post(path: string, fields: Record<string, string>): Promise<{ status: number; body: string; location: string | null }> {
  const response = await fetch(`${webUrl}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() })
  remember(response)
  return { status: response.status, body: await response.text(), location: response.headers.get('location') }
}

describe('the nomination form against stored XSS and bad input', () => {
  let payload: Payload
  let electionId: number
  let nomineeAccountId: number
  const electionSlug = `xss-election-${run}`
  const formPath = `/nominations/${electionSlug}/create/`
  const nomineeEmail = `xss-nominee-${run}@example.org`

  const countNominations = async () => (await payload.count({ collection: 'nominations', where: { election: { equals: electionId } }, overrideAccess: true })).totalDocs

  beforeAll(async () => {
    payload = await connectToSystemDatabase()
    const account = (username: string, email: string, firstName: string) =>
      payload.create({ collection: 'accounts', data: { username, email, password, firstName, lastName: 'X', emailVerified: true, active: true, emailPrivacy: 'nobody' }, overrideAccess: true, depth: 0 })
    const member = await account(`xssmember${run}`, `xss-member-${run}@example.org`, 'Member')
    // The nominee's shown name comes from the account's names: hostile too.
    nomineeAccountId = (await account(`xssnominee${run}`, nomineeEmail, TEXT_PAYLOADS[1] ?? '<b>')).id
    await payload.create({ collection: 'memberships', data: { account: member.id, membershipType: 'basic', legalName: 'Member X', preferredName: 'Member', emailAddress: member.email, city: 'T', region: 'R', country: 'C', postalCode: '1' }, overrideAccess: true })
    // Through the CMS's REST API (as the admin), so the site's caches hear of it: the Local API here purges nothing.
    const token = await adminToken(cmsUrl, inject('adminEmail'), inject('adminPassword'))
    const created = await call(cmsUrl, '/api/elections', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ name: `XSS election ${run} ${TEXT_PAYLOADS[0]}`, slug: electionSlug, date: new Date(Date.now() + 30 * DAY).toISOString(), nominationsOpenAt: new Date(Date.now() - DAY).toISOString(), nominationsCloseAt: new Date(Date.now() + DAY).toISOString(), description: MARKDOWN_PAYLOADS.join('\n\n') }),
    })
    expect(created.status, created.text).toBe(201)
    electionId = (created.body as { doc: { id: number } }).doc.id
    const login = await get('/accounts/login/')
    const signedIn = await post('/accounts/login/', { csrfToken: login.token, login: `xssmember${run}`, password })
    expect(signedIn.status).toBe(303)
    expect(jar.has('pydotorg_session')).toBe(true)
  })
  afterAll(async () => {
    console.log(`fuzz seed: ${seed} (FUZZ_SEED=${seed} replays it)`)
    console.log(tally.summaryLine())
    await payload?.destroy()
  })

  const hostileFields = (statement: string) => ({
    name: TEXT_PAYLOADS.join(' '),
    email: nomineeEmail,
    employer: TEXT_PAYLOADS[2] ?? '',
    previousService: TEXT_PAYLOADS[3] ?? '',
    otherAffiliations: TEXT_PAYLOADS.join('\n'),
    statement,
    email_body_text: 'write your message',
  })

  it('keeps the preview inert', async () => {
    const form = await get(formPath)
    expect(form.status).toBe(200)
    const preview = await post(formPath, { csrfToken: form.token, ...hostileFields(MARKDOWN_PAYLOADS.join('\n\n')), preview: '1' })
    expect(preview.status).toBe(200)
    expect(preview.body).toContain('nomination-preview')
    expect(findActiveContent(preview.body)).toEqual([])
  })

  it('keeps every field inert on the public pages once the nomination is accepted and approved', async () => {
    const form = await get(formPath)
    for (const markdown of MARKDOWN_PAYLOADS) {
      const sent = await post(formPath, { csrfToken: form.token, ...hostileFields(markdown) })
      expect(sent.status, sent.body.slice(0, 300)).toBe(303)
    }
    // The nominee accepts and staff approve (the rules tests cover those paths; here the markup matters).
    const nominee = await payload.create({ collection: 'nominees', data: { election: electionId, account: nomineeAccountId, name: `${TEXT_PAYLOADS[1]} X`, slug: `xss-nominee-${run}` }, overrideAccess: true })
    const made = await payload.find({ collection: 'nominations', where: { election: { equals: electionId } }, overrideAccess: true, depth: 0, limit: 100 })
    expect(made.docs).toHaveLength(MARKDOWN_PAYLOADS.length)
    const token = await adminToken(cmsUrl, inject('adminEmail'), inject('adminPassword'))
    for (const doc of made.docs) {
      await payload.update({ collection: 'nominations', id: doc.id, data: { nominee: nominee.id, accepted: true }, overrideAccess: true, context: { skipNominationMail: true } })
      // Approved through the CMS's REST API, which purges the site's caches (the Local API here does not).
      const approved = await call(cmsUrl, `/api/nominations/${doc.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `JWT ${token}` }, body: JSON.stringify({ approved: true }) })
      expect(approved.status, approved.text).toBe(200)
    }
    for (const path of ['/nominations/elections/', `/nominations/election/${electionSlug}/`, `/nominations/elections/${electionSlug}/nominees/`, `/nominations/elections/${electionSlug}/nominees/xss-nominee-${run}/`]) {
      // Once the purge has reached the site (a job after the approval commits).
      let page = await fetch(`${webUrl}${path}`)
      for (let attempt = 0; attempt < 80 && page.status !== 200; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250))
        page = await fetch(`${webUrl}${path}`)
      }
      const html = await page.text()
      expect(page.status, path).toBe(200)
      expect(findActiveContent(html), path).toEqual([])
    }
    const nomineePage = await (await fetch(`${webUrl}/nominations/elections/${electionSlug}/nominees/xss-nominee-${run}/`)).text()
    expect(nomineePage).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(nomineePage).not.toContain(nomineeEmail)
  })

  it('answers hostile posts to the form and hostile invitation links with a page, a redirect or a 4xx, never a 5xx', async () => {
    const form = await get(formPath)
    const fields = fc.dictionary(fc.constantFrom('name', 'email', 'employer', 'previousService', 'otherAffiliations', 'statement', 'codeOfConductAcknowledged', 'preview', 'answer', '__proto__', 'a[b]'), hostileText.filter((text) => text.length < 20_000), { maxKeys: 8 })
    const request = (path: string, values: Record<string, string>): FuzzRequest => ({
      method: 'POST',
      url: `${webUrl}${path}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader() },
      body: new URLSearchParams(values).toString(),
    })
    const before = await countNominations()
    // Without the token, or with a forged one: refused before the CMS is asked, nothing written.
    await fc.assert(
      fc.asyncProperty(fields, fc.boolean(), async (values, forged) => {
        const { csrfToken: _dropped, ...rest } = values
        await tally.send('nomination-form-forged', request(formPath, forged ? { ...rest, csrfToken: `${form.token.slice(0, -1)}x` } : rest), { mustRefuse: true })
      }),
      { numRuns: 60, seed, interruptAfterTimeLimit: 25_000, markInterruptAsFailure: false },
    )
    expect(await countNominations()).toBe(before)
    // With the real token and honeypot: whatever the values, a page or a redirect, never a 5xx.
    await fc.assert(
      fc.asyncProperty(fields, async (values) => {
        await tally.send('nomination-form', request(formPath, { ...values, csrfToken: form.token, email_body_text: 'write your message' }))
      }),
      { numRuns: 60, seed, interruptAfterTimeLimit: 25_000, markInterruptAsFailure: false },
    )
    await fc.assert(
      fc.asyncProperty(hostileText.filter((text) => text.length < 2_000), fc.constantFrom('GET', 'POST'), async (token, method) => {
        const path = `/nominations/respond/${encodeURIComponent(token)}/`
        await tally.send('nomination-invitation', method === 'GET' ? { method: 'GET', url: `${webUrl}${path}`, headers: { cookie: cookieHeader() } } : request(path, { answer: 'accept' }))
      }),
      { numRuns: 40, seed, interruptAfterTimeLimit: 25_000, markInterruptAsFailure: false },
    )
    expect(tally.findings).toEqual([])
    expect(tally.serverErrors).toBe(0)
  })
})
