/**
 * Every response of the site carries the security headers, whatever answered it (a route, the
 * page cache, a static file, an error handler, the purge endpoint): a CSP whose scripts come
 * from our own origin only, no MIME sniffing, a referrer policy and frame protection. A crawl
 * of the seeded site covers every linked page; the pages nothing links to are added by hand.
 * HTML bodies hold no inline script for the CSP to have to allow. Prints
 * `headers: N responses checked, M without the security headers` (read by `npm run test:security`).
 */
import { describe, expect, inject, it } from 'vitest'

import { crawlSite } from '../../support/crawlSite'
import { findActiveContent } from '../../support/xss/findActiveContent'

const webUrl = inject('webUrl')

/** What is missing or wrong in a response's security headers; empty when all is well. */
function headerProblems(response: Response): string[] {
  const problems: string[] = []
  const csp = response.headers.get('content-security-policy') ?? ''
  const directives = new Map(csp.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name ?? '', values]))
  const scripts = directives.get('script-src') ?? directives.get('default-src') ?? []
  if (scripts.join(' ') !== "'self'") problems.push(`script-src is "${scripts.join(' ')}", not 'self' alone`)
  if (/'unsafe-inline'|'unsafe-eval'/.test(csp)) problems.push('the CSP allows unsafe-inline or unsafe-eval')
  if (response.headers.get('x-content-type-options') !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff')
  if (!/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/.test(response.headers.get('referrer-policy') ?? '')) problems.push('no strict Referrer-Policy')
  const framing = response.headers.get('x-frame-options') === 'DENY' || (directives.get('frame-ancestors') ?? []).join(' ') === "'none'"
  if (!framing) problems.push('no frame protection')
  return problems
}

describe('security headers on every response of the site', () => {
  it('on every page a crawl of the seeded site reaches, and no inline script in any HTML', async () => {
    const problems: string[] = []
    const bodies: Promise<void>[] = []
    let responses = 0
    const result = await crawlSite(webUrl, {
      onResponse(path, response) {
        responses += 1
        for (const problem of headerProblems(response)) problems.push(`${path}: ${problem}`)
        if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
          bodies.push(response.clone().text().then((html) => {
            for (const active of findActiveContent(html)) problems.push(`${path}: ${active}`)
          }))
        }
      },
    })
    await Promise.all(bodies)
    console.log(`headers: ${responses} responses checked (crawl), ${problems.length} without the security headers`)
    expect(result.pagesChecked).toBeGreaterThan(300)
    expect(problems).toEqual([])
  })

  it('on the responses no link leads to: errors, redirects, forms, feeds, fragments, static files, the purge endpoint, cache hits', async () => {
    const requests: [string, RequestInit][] = [
      ['/no/such/page/', {}],
      ['/%C0%AE/', {}],
      ['/downloads/release/%00/', {}],
      ['/about', { redirect: 'manual' }],
      ['/success-stories/create/', {}],
      ['/success-stories/create/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' }],
      ['/accounts/login/', {}],
      ['/accounts/signup/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=x' }],
      ['/users/edit/', { redirect: 'manual' }],
      ['/authenticated', {}],
      ['/static/js/account.js', {}],
      ['/downloads/feed.rss', {}],
      ['/sitemap.xml', {}],
      ['/robots.txt', {}],
      ['/health', {}],
      ['/box/homepage-downloads/', {}],
      ['/static/css/site.css', {}],
      ['/static/js/site.js', {}],
      ['/static/missing.js', {}],
      ['/preview/pages/1/', {}],
      ['/search/?q=python', {}],
      ['/_purge', { method: 'POST', body: '{}' }],
      ['/', { method: 'HEAD' }],
      ['/', {}],
      ['/', {}],
    ]
    const problems: string[] = []
    for (const [path, init] of requests) {
      const response = await fetch(`${webUrl}${path}`, init)
      for (const problem of headerProblems(response)) problems.push(`${init.method ?? 'GET'} ${path} (${response.status}, X-Cache ${response.headers.get('x-cache')}): ${problem}`)
      if ((response.headers.get('content-type') ?? '').startsWith('text/html')) for (const active of findActiveContent(await response.text())) problems.push(`${path}: ${active}`)
      else await response.arrayBuffer()
    }
    console.log(`headers: ${requests.length} responses checked (by hand), ${problems.length} without the security headers`)
    expect(problems).toEqual([])
  })
})
