/**
 * Stored XSS: script, event-handler and `javascript:` payloads saved through the REST API (as
 * the admin, so nothing is refused for lack of rights) into pages, success stories (also through
 * the public submit endpoint, then published by a moderator), boxes, events and job postings, in every markup
 * the CMS stores: Lexical text and links, raw HTML, Markdown and reStructuredText blocks, plain
 * text fields. The rendered pages are parsed and must hold nothing that runs; a payload the CMS
 * refuses to save is inert too. Prints `xss: N payloads, M inert` (read by `npm run
 * test:security`).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminToken, call } from '../../support/legacyApiClient'
import { connectToSystemDatabase } from '../../support/systemLocalPayload'
import { createVerifiedAccount, siteMemberForm } from '../../support/systemMember'
import { findActiveContent } from '../../support/xss/findActiveContent'
import { hostileLexical } from '../../support/xss/hostileLexical'
import { HTML_PAYLOADS, LINK_PAYLOADS, MARKDOWN_PAYLOADS, payloadCount, RESTRUCTUREDTEXT_PAYLOADS, TEXT_PAYLOADS } from '../../support/xss/xssPayloads'

const cmsUrl = inject('cmsUrl')
const webUrl = inject('webUrl')
const run = Date.now().toString(36)
let token: string
const cleanup: string[] = []
const tally = { tried: 0, inert: 0, refused: 0 }

async function cms(method: string, path: string, body?: unknown) {
  return call(cmsUrl, path, { method, headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
}

async function create(collection: string, data: Record<string, unknown>): Promise<{ id: number; slug?: string }> {
  const answer = await cms('POST', `/api/${collection}`, data)
  expect(answer.status, answer.text.slice(0, 500)).toBe(201)
  const doc = (answer.body as { doc: { id: number; slug?: string } }).doc
  cleanup.push(`/api/${collection}/${doc.id}`)
  return doc
}

/** The page as visitors get it, once the CMS's purge has reached the site (new URLs are not cached as 404s). */
async function rendered(path: string, marker: string): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const response = await fetch(`${webUrl}${path}`)
    const html = await response.text()
    if (response.status === 200 && html.includes(marker)) return html
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${path} never showed ${marker}`)
}

/** Parses the page; every payload it carries counts as stored, and as inert when nothing runs. */
function expectInert(html: string, payloads: number, where: string): void {
  const active = findActiveContent(html)
  tally.tried += payloads
  if (active.length === 0) tally.inert += payloads
  expect(active, where).toEqual([])
}

const LEXICAL_PAYLOADS = TEXT_PAYLOADS.length + HTML_PAYLOADS.length + MARKDOWN_PAYLOADS.length + RESTRUCTUREDTEXT_PAYLOADS.length

beforeAll(async () => {
  token = await adminToken(cmsUrl, inject('adminEmail'), inject('adminPassword'))
})

afterAll(async () => {
  for (const path of cleanup.reverse()) await cms('DELETE', path)
  console.log(`xss: ${tally.tried} payloads, ${tally.inert} inert (${tally.refused} refused when saved, the rest stored and rendered; ${payloadCount()} distinct payloads)`)
})

describe('stored XSS payloads are inert in the rendered site', () => {
  it('in a PSF membership signed up for through the site form: the edit page and the CSV export', async () => {
    const local = await connectToSystemDatabase()
    const account = await createVerifiedAccount(local, 'xssmember')
    const { cookie, token: csrfToken } = await siteMemberForm(webUrl, account)
    const [legalName, city, region, country] = TEXT_PAYLOADS
    const fields = { csrfToken, email_body_text: 'write your message', legalName, preferredName: '=1+1', emailAddress: account.email, city, region, country, postalCode: '12345', codeOfConduct: 'yes', votes: 'on' }
    const joined = await fetch(`${webUrl}/users/membership/`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: new URLSearchParams(fields).toString() })
    expect(joined.status, await joined.text()).toBe(303)
    const edit = await fetch(`${webUrl}/users/membership/edit/`, { headers: { cookie } })
    const html = await edit.text()
    expect(edit.status).toBe(200)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expectInert(html, TEXT_PAYLOADS.length, 'the membership edit page')
    // The staff export defuses formulas typed into the form.
    const csv = await cms('GET', '/api/memberships/export.csv')
    expect(csv.status).toBe(200)
    expect(csv.text).toContain(`basic,${account.username},${account.email},True,`)
    expect(csv.text).toContain(",'=1+1")
    expect(csv.text).not.toContain(',=1+1')
    await local.delete({ collection: 'accounts', id: account.id, overrideAccess: true })
  })

  it('in a sponsorship applied for through the site form, and in its required assets filled on the dashboard (issue 17)', async () => {
    const local = await connectToSystemDatabase()
    const account = await createVerifiedAccount(local, 'xsssponsor')
    const { cookie, token: csrfToken } = await siteMemberForm(webUrl, account, '/sponsors/application/')
    const form = await (await fetch(`${webUrl}/sponsors/application/`, { headers: { cookie } })).text()
    const benefits = [...form.matchAll(/name="(benefit_\d+)" value="on">/g)].map((match) => match[1]!)
    const packageId = /name="package" value="(\d+)"/.exec(form)?.[1] ?? ''
    expect(benefits.length).toBeGreaterThan(0)
    const [name, description, contactName] = TEXT_PAYLOADS
    const fields = {
      csrfToken, email_body_text: 'write your message', action: 'submit', package: packageId, ...Object.fromEntries(benefits.map((benefit) => [benefit, 'on'])),
      company_name: `${name}`.slice(0, 100), company_description: description, company_landingPageUrl: 'https://xss.example.org/',
      contact_0_name: `${contactName}`.slice(0, 100), contact_0_email: account.email, contact_0_primary: 'on',
    }
    const applied = await fetch(`${webUrl}/sponsors/application/`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: new URLSearchParams(fields as Record<string, string>).toString() })
    expect(applied.status, await applied.text()).toBe(303)
    const dashboard = applied.headers.get('location')!.replace(/\?.*$/, '')
    const id = Number(/\/users\/sponsorships\/(\d+)\//.exec(dashboard)?.[1])
    const created = (await cms('GET', `/api/sponsorships/${id}?depth=0`)).body as { sponsor: number }
    cleanup.push(`/api/sponsors/${created.sponsor}`, `/api/sponsorships/${id}`)
    const approved = await cms('PATCH', `/api/sponsorships/${id}`, { status: 'approved', startDate: '2026-01-01T12:00:00.000Z', endDate: '2026-12-31T12:00:00.000Z', sponsorshipFee: 1000 })
    expect(approved.status, approved.text.slice(0, 300)).toBe(200)
    let page = await (await fetch(`${webUrl}${dashboard}`, { headers: { cookie } })).text()
    const assetForms = [...page.matchAll(/action="(\/users\/sponsorships\/\d+\/assets\/(\d+)\/)">/g)].map((match) => ({ path: match[1]!, id: match[2]! }))
    expect(assetForms.length).toBeGreaterThan(0)
    const pageToken = /name="csrfToken" value="([^"]+)"/.exec(page)?.[1] ?? ''
    for (const [index, asset] of assetForms.entries()) {
      cleanup.push(`/api/sponsorship-assets/${asset.id}`)
      const value = index % 2 === 0 ? TEXT_PAYLOADS[index % TEXT_PAYLOADS.length]! : LINK_PAYLOADS[index % LINK_PAYLOADS.length]!
      const saved = await fetch(`${webUrl}${asset.path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: new URLSearchParams({ csrfToken: pageToken, value }).toString() })
      if (saved.status !== 303) tally.refused += 1
      expect([303, 400]).toContain(saved.status)
    }
    page = await (await fetch(`${webUrl}${dashboard}`, { headers: { cookie } })).text()
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expectInert(page, 3 + assetForms.length, 'the sponsorship dashboard')
    expectInert(await (await fetch(`${webUrl}/users/sponsorships/`, { headers: { cookie } })).text(), 1, 'the sponsorships list')
    await local.delete({ collection: 'accounts', id: account.id, overrideAccess: true })
  })

  it('in a page: title, description, Lexical text and links, raw HTML, Markdown and reST blocks', async () => {
    const marker = `xss-page-${run}`
    const path = `/xss-${run}/`
    await create('pages', { title: `${TEXT_PAYLOADS[0]} page`, path, description: TEXT_PAYLOADS[1], _status: 'published', content: hostileLexical(marker, { links: false }) })
    expectInert(await rendered(path, marker), LEXICAL_PAYLOADS + 2, 'page')
  })

  it('in Lexical link nodes: refused when saved, or rendered without the URL', async () => {
    for (const [index, url] of LINK_PAYLOADS.entries()) {
      const marker = `xss-link-${index}-${run}`
      const path = `/xss-link-${index}-${run}/`
      const answer = await cms('POST', '/api/pages', { title: 'Link', path, _status: 'published', content: hostileLexical(marker, { links: [url] }) })
      if (answer.status === 400) {
        expect(answer.text).toContain('link node failed to validate')
        tally.tried += 1
        tally.inert += 1
        tally.refused += 1
        continue
      }
      expect(answer.status, answer.text.slice(0, 300)).toBe(201)
      cleanup.push(`/api/pages/${(answer.body as { doc: { id: number } }).doc.id}`)
      expectInert(await rendered(path, marker), 1, `link ${url}`)
    }
  })

  it('in a success story written by staff, and in one submitted through the public endpoint then published', async () => {
    const categories = (await cms('GET', '/api/story-categories?limit=1&depth=0')).body as { docs: { id: number; slug: string }[] }
    const category = categories.docs[0]
    if (!category) throw new Error('the seed has no story category')
    // A javascript: company URL is refused when saved...
    const refused = await cms('POST', '/api/success-stories', { name: `Refused ${run}`, companyName: 'X', companyUrl: 'javascript:alert(1)', author: 'X', pullQuote: 'X', category: category.id })
    expect(refused.status).toBe(400)
    tally.tried += 1
    tally.inert += 1
    tally.refused += 1
    // ...and everything else is shown escaped or allowlisted.
    const marker = `xss-story-${run}`
    const staff = await create('success-stories', {
      name: `Story ${run} ${TEXT_PAYLOADS[0]}`,
      companyName: TEXT_PAYLOADS[1],
      companyUrl: 'https://example.com/"onmouseover="alert(1)',
      author: TEXT_PAYLOADS[2],
      pullQuote: TEXT_PAYLOADS[3],
      category: category.id,
      _status: 'published',
      content: hostileLexical(marker, { links: false }),
    })
    expectInert(await rendered(`/success-stories/${staff.slug}/`, marker), LEXICAL_PAYLOADS + TEXT_PAYLOADS.length + 1, 'staff story')

    const visitorMarker = `xss-visitor-${run}`
    const submitted = await call(cmsUrl, '/api/success-stories/submit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `Visitor story ${run} ${TEXT_PAYLOADS[0]}`,
        companyName: TEXT_PAYLOADS[1],
        companyUrl: 'https://example.com/',
        categorySlug: category.slug,
        author: TEXT_PAYLOADS[2],
        authorEmail: 'visitor@example.com',
        pullQuote: TEXT_PAYLOADS[3],
        content: [visitorMarker, ...MARKDOWN_PAYLOADS, ...HTML_PAYLOADS].join('\n\n'),
      }),
    })
    expect(submitted.status, submitted.text).toBe(201)
    const id = (submitted.body as { id: number }).id
    cleanup.push(`/api/success-stories/${id}`)
    const published = await cms('PATCH', `/api/success-stories/${id}`, { _status: 'published' })
    expect(published.status, published.text.slice(0, 300)).toBe(200)
    const slug = (published.body as { doc: { slug: string } }).doc.slug
    expectInert(await rendered(`/success-stories/${slug}/`, visitorMarker), MARKDOWN_PAYLOADS.length + HTML_PAYLOADS.length + TEXT_PAYLOADS.length, 'submitted story')
  })

  it('in boxes of each markup type, through the allowlist', async () => {
    for (const [markupType, payloads] of [['html', HTML_PAYLOADS], ['markdown', MARKDOWN_PAYLOADS], ['restructuredtext', RESTRUCTUREDTEXT_PAYLOADS]] as const) {
      const marker = `xss-box-${markupType}-${run}`
      const label = `xss-${markupType}-${run}`
      await create('boxes', { label, markupType, content: [marker, ...payloads].join('\n\n') })
      expectInert(await rendered(`/box/${label}/`, marker), payloads.length, `${markupType} box`)
    }
  })

  it('in an event: title and Lexical description', async () => {
    const calendars = (await cms('GET', '/api/calendars?limit=1&depth=0')).body as { docs: { id: number; slug: string }[] }
    const calendar = calendars.docs[0]
    if (!calendar) throw new Error('the seed has no calendar')
    const marker = `xss-event-${run}`
    const start = new Date(Date.now() + 7 * 24 * 3600 * 1000)
    const event = await create('events', {
      title: `Event ${run} ${TEXT_PAYLOADS[0]}`,
      calendar: calendar.id,
      occurrences: [{ start: start.toISOString(), end: new Date(start.getTime() + 3600 * 1000).toISOString() }],
      description: hostileLexical(marker, { links: false }),
    })
    expectInert(await rendered(`/events/${calendar.slug}/${event.id}/`, marker), LEXICAL_PAYLOADS + 1, 'event')
  })
  it("in a job posting: the poster's Markdown and text on the job page and the list; javascript: job URLs refused", async () => {
    const categories = (await cms('GET', '/api/job-categories?limit=1&depth=0')).body as { docs: { id: number }[] }
    const category = categories.docs[0]
    if (!category) throw new Error('the seed has no job category')
    const marker = `xss-job-${run}`
    const markdown = [marker, ...MARKDOWN_PAYLOADS].join('\n\n')
    const job = await create('jobs', {
      title: `Job ${run} ${TEXT_PAYLOADS[0]}`.slice(0, 100),
      companyName: TEXT_PAYLOADS[1],
      category: category.id,
      city: TEXT_PAYLOADS[2],
      country: TEXT_PAYLOADS[3],
      description: markdown,
      requirements: markdown,
      companyDescription: markdown,
      contactName: TEXT_PAYLOADS[1],
      email: `xss-${run}@example.org`,
      url: 'https://example.org/jobs/',
      status: 'approved',
    })
    expectInert(await rendered(`/jobs/${job.id}/`, marker), MARKDOWN_PAYLOADS.length * 3 + TEXT_PAYLOADS.length, 'job page')
    expectInert(await rendered('/jobs/', `Job ${run}`), TEXT_PAYLOADS.length, 'job list')
    for (const url of LINK_PAYLOADS) {
      const answer = await cms('POST', '/api/jobs', { title: `Job link ${run}`, companyName: 'Example', category: category.id, city: 'Lisbon', country: 'Portugal', description: 'd', requirements: 'r', email: `xss-${run}@example.org`, url, status: 'draft' })
      expect(answer.status, url).toBe(400)
      tally.tried += 1
      tally.inert += 1
      tally.refused += 1
    }
  })
})
